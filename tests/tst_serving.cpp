// SPDX-License-Identifier: MIT
// Every way to start a server without clicks (socketlab-cli serve, the window's --serve, a
// lesson's "serve" step) goes through one AutoServer, for every address form: TCP over IPv4
// and IPv6, UDP over both, and Unix stream and datagram sockets at a path or an abstract
// name. A python3 client reads the address the server printed, exactly as printed, and must
// get its message echoed.

#include "lesson/LessonParser.h"
#include "lesson/LessonRunner.h"
#include "session/AutoServer.h"
#include "session/SocketSession.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

namespace {
// Connects to (or sends to) the address a server printed and checks the echo; prints
// "echoed" on success. A Unix datagram client binds a path of its own (argv[2]) so the
// server has somewhere to answer.
const char *const echoClient = R"PY(
import socket, sys
where, own = sys.argv[1], sys.argv[2]
message = b'hello from python to ' + where.encode()
if where.startswith('unix:') or where.startswith('unix-dgram:'):
    family, address = socket.AF_UNIX, where.split(':', 1)[1]
    if address.startswith('@'):
        address = '\0' + address[1:]
    kind = socket.SOCK_DGRAM if where.startswith('unix-dgram:') else socket.SOCK_STREAM
else:
    kind = socket.SOCK_DGRAM if where.startswith('udp://') else socket.SOCK_STREAM
    host, _, port = where[len('udp://'):].rpartition(':') if kind == socket.SOCK_DGRAM \
        else where.rpartition(':')
    host = host.strip('[]')
    family = socket.AF_INET6 if ':' in host else socket.AF_INET
    address = (host, int(port))
s = socket.socket(family, kind)
s.settimeout(10)
if kind == socket.SOCK_DGRAM:
    if family == socket.AF_UNIX:
        s.bind(own)
    s.sendto(message, address)
    got = s.recvfrom(65536)[0]
else:
    s.connect(address)
    s.sendall(message)
    got = b''
    while len(got) < len(message):
        chunk = s.recv(65536)
        if not chunk:
            break
        got += chunk
s.close()
print('echoed' if got == message else 'got %r' % got)
)PY";

QString echoThrough(const QString &address, const QString &ownPath)
{
    QProcess client;
    client.start(QStringLiteral("python3"),
                 {QStringLiteral("-c"), QString::fromUtf8(echoClient), address, ownPath});
    if (!client.waitForFinished(20000))
        client.kill();
    client.waitForFinished(1000);
    return QString::fromUtf8(client.readAllStandardOutput() + client.readAllStandardError())
        .trimmed();
}

// The address from the process's "serving echo on ADDRESS" line; empty if none came.
QString servingAddress(QProcess &p, QByteArray *seen)
{
    static const QRegularExpression line(QStringLiteral("^serving echo on (\\S+)$"),
                                         QRegularExpression::MultilineOption);
    QElapsedTimer waited;
    waited.start();
    while (waited.elapsed() < 15000 && p.state() != QProcess::NotRunning) {
        p.waitForReadyRead(50);
        *seen += p.readAllStandardOutput();
        const QRegularExpressionMatch m = line.match(QString::fromUtf8(*seen));
        if (m.hasMatch())
            return m.captured(1);
    }
    *seen += p.readAllStandardOutput() + p.readAllStandardError();
    return QString();
}

void stop(QProcess &p)
{
    if (p.state() == QProcess::NotRunning)
        return;
    ::kill(pid_t(p.processId()), SIGTERM);
    if (!p.waitForFinished(10000))
        p.kill();
    p.waitForFinished(1000);
}

// An address form of each kind, and the text that asks for it (PATH: a fresh path).
struct Form
{
    const char *name;
    const char *address;
    bool lessonCanMakeIt; // lessons make TCP and UDP sockets only
};
const Form forms[] = {
    {"tcp over IPv4", "127.0.0.1:0", true},
    {"tcp over IPv6", "[::1]:0", true},
    {"udp over IPv4", "udp://127.0.0.1:0", true},
    {"udp over IPv6", "udp://[::1]:0", true},
    {"unix stream at a path", "unix:PATH", false},
    {"unix stream, abstract", "unix:@ABSTRACT", false},
    {"unix datagram at a path", "unix-dgram:PATH", false},
};
} // namespace

class TestServing : public QObject
{
    Q_OBJECT

private slots:
    void everyEntryServesEveryAddressForm_data();
    void everyEntryServesEveryAddressForm();
    void httpOverUdpIsRefusedBeforeAnySocket_data();
    void httpOverUdpIsRefusedBeforeAnySocket();
    void printedAddressIsTheCommandLineForm_data();
    void printedAddressIsTheCommandLineForm();

private:
    QTemporaryDir m_dir;
};

void TestServing::everyEntryServesEveryAddressForm_data()
{
    QTest::addColumn<QString>("entry");
    QTest::addColumn<QString>("address");
    int n = 0;
    for (const char *entry : {"console", "window", "lesson"}) {
        for (const Form &f : forms) {
            if (QLatin1String(entry) == QLatin1String("lesson") && !f.lessonCanMakeIt)
                continue;
            QString address = QString::fromLatin1(f.address);
            address.replace(QStringLiteral("PATH"),
                            m_dir.filePath(QStringLiteral("s%1.sock").arg(++n)));
            address.replace(QStringLiteral("ABSTRACT"), QStringLiteral("socketlab-test-%1-%2")
                                                            .arg(QCoreApplication::applicationPid())
                                                            .arg(++n));
            QTest::addRow("%s, %s", entry, f.name) << QString::fromLatin1(entry) << address;
        }
    }
}

void TestServing::everyEntryServesEveryAddressForm()
{
    QFETCH(QString, entry);
    QFETCH(QString, address);
    static int clients = 0;
    const QString ownPath = m_dir.filePath(QStringLiteral("client%1.sock").arg(++clients));
    if (entry == QLatin1String("lesson")) {
        SocketSession session;
        LessonRunner runner(&session);
        runner.setActsForUser(true);
        runner.setPlayDelayMs(0);
        const HostPortText::Parts where = HostPortText::parse(address);
        const QByteArray text =
            QByteArray("lesson: t\ntitle: T\n") + "step: S\nsay: s\ndo: server socket " +
            (where.family == AF_INET6 ? "AF_INET6 " : "AF_INET ") +
            (where.type == SOCK_DGRAM ? "SOCK_DGRAM\n" : "SOCK_STREAM\n") +
            "step: B\nsay: b\ndo: server bind " + where.host.toUtf8() + " 0\n" +
            (where.type == SOCK_DGRAM ? "" : "step: L\nsay: l\ndo: server listen 5\n") +
            "step: E\nsay: e\ndo: server serve echo\n";
        const LessonParser::Result r =
            LessonParser::parse(text, QStringLiteral("t.lesson"), LessonParser::Settings{});
        QVERIFY2(r.ok(), qPrintable(r.error));
        runner.setLesson(r.lesson);
        QSignalSpy finished(&runner, &LessonRunner::finished);
        runner.play();
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 10000);
        QVERIFY2(finished.first().first().toBool(),
                 qPrintable(runner.statusDetail(runner.stepCount() - 1)));
        const QString served = AutoServer::commandLineAddress(
            session.socket(runner.socketIdFor(QStringLiteral("server"))));
        // The echo must come while the test's event loop runs the session.
        QProcess client;
        client.start(QStringLiteral("python3"),
                     {QStringLiteral("-c"), QString::fromUtf8(echoClient), served, ownPath});
        QTRY_COMPARE_WITH_TIMEOUT(client.state(), QProcess::NotRunning, 20000);
        QCOMPARE(QString::fromUtf8(client.readAllStandardOutput() + client.readAllStandardError())
                     .trimmed(),
                 QStringLiteral("echoed"));
        return;
    }
    QProcess server;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    QTemporaryDir config;
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), config.path());
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    server.setProcessEnvironment(env);
    if (entry == QLatin1String("console"))
        server.start(QStringLiteral(SOCKETLAB_CLI),
                     {QStringLiteral("serve"), QStringLiteral("--bind"), address,
                      QStringLiteral("--mode"), QStringLiteral("echo")});
    else
        server.start(
            QStringLiteral(SOCKETLAB_GUI),
            {QStringLiteral("--serve"), address, QStringLiteral("--mode"), QStringLiteral("echo")});
    QByteArray seen;
    const QString served = servingAddress(server, &seen);
    QVERIFY2(!served.isEmpty(), seen.constData());
    QCOMPARE(echoThrough(served, ownPath), QStringLiteral("echoed"));
    stop(server);
}

void TestServing::httpOverUdpIsRefusedBeforeAnySocket_data()
{
    QTest::addColumn<QString>("program");
    QTest::addColumn<QStringList>("arguments");
    QTest::newRow("console") << QStringLiteral(SOCKETLAB_CLI)
                             << QStringList{QStringLiteral("serve"), QStringLiteral("--bind"),
                                            QStringLiteral("udp://127.0.0.1:0"),
                                            QStringLiteral("--mode"), QStringLiteral("http")};
    QTest::newRow("window") << QStringLiteral(SOCKETLAB_GUI)
                            << QStringList{QStringLiteral("--serve"),
                                           QStringLiteral("unix-dgram:") +
                                               m_dir.filePath(QStringLiteral("http.sock")),
                                           QStringLiteral("--mode"), QStringLiteral("http")};
}

void TestServing::httpOverUdpIsRefusedBeforeAnySocket()
{
    QFETCH(QString, program);
    QFETCH(QStringList, arguments);
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    p.setProcessEnvironment(env);
    p.start(program, arguments);
    QVERIFY(p.waitForFinished(15000));
    QCOMPARE(p.exitCode(), 2);
    QVERIFY2(p.readAllStandardError().contains("needs connections (TCP)"), "says why");
    QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("http.sock"))));
}

void TestServing::printedAddressIsTheCommandLineForm_data()
{
    QTest::addColumn<int>("family");
    QTest::addColumn<int>("type");
    QTest::addColumn<QString>("bound");
    QTest::addColumn<QString>("printed");
    QTest::newRow("tcp") << int(AF_INET) << int(SOCK_STREAM) << "127.0.0.1:7"
                         << "127.0.0.1:7";
    QTest::newRow("tcp6") << int(AF_INET6) << int(SOCK_STREAM) << "[::1]:7"
                          << "[::1]:7";
    QTest::newRow("udp") << int(AF_INET) << int(SOCK_DGRAM) << "127.0.0.1:7"
                         << "udp://127.0.0.1:7";
    QTest::newRow("udp6") << int(AF_INET6) << int(SOCK_DGRAM) << "[::1]:7"
                          << "udp://[::1]:7";
    QTest::newRow("unix") << int(AF_UNIX) << int(SOCK_STREAM) << "/tmp/a b"
                          << "unix:/tmp/a b";
    QTest::newRow("unix-dgram") << int(AF_UNIX) << int(SOCK_DGRAM) << "/tmp/a"
                                << "unix-dgram:/tmp/a";
    QTest::newRow("abstract") << int(AF_UNIX) << int(SOCK_DGRAM) << "@x"
                              << "unix-dgram:@x";
}

void TestServing::printedAddressIsTheCommandLineForm()
{
    QFETCH(int, family);
    QFETCH(int, type);
    QFETCH(QString, bound);
    QFETCH(QString, printed);
    SocketInfo info;
    info.family = family;
    info.type = type;
    if (family == AF_UNIX) {
        info.local = SocketAddress(AF_UNIX, bound, 0);
    } else {
        const HostPortText::Parts parts = HostPortText::parse(bound);
        info.local = SocketAddress(family, parts.host, quint16(parts.port));
    }
    QCOMPARE(AutoServer::commandLineAddress(info), printed);
    // And it reads back as the same kind of socket.
    const HostPortText::Parts back = HostPortText::parse(printed);
    QVERIFY2(back.error.isEmpty(), qPrintable(back.error));
    QCOMPARE(back.family, family);
    QCOMPARE(back.type, type);
}

QTEST_MAIN(TestServing)
#include "tst_serving.moc"
