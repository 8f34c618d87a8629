// SPDX-License-Identifier: MIT
// Peers that do not play along, against the real console programs: a server out of
// descriptors keeps serving once they come back, an HTTP client with an endless or a
// trickling request head is cut off, Unix sockets clean up only what they made, and a
// client never waits for ever on a silent peer or a reader that went away.

#include "engine/HttpPage.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <sys/resource.h>
#include <unistd.h>

namespace {
// A line of the process's stdout matching pattern, within timeoutMs; empty if none came.
QRegularExpressionMatch waitForLine(QProcess &p, const QRegularExpression &pattern,
                                    int timeoutMs = 10000)
{
    QElapsedTimer waited;
    waited.start();
    while (waited.elapsed() < timeoutMs) {
        if (!p.canReadLine()) {
            p.waitForReadyRead(50);
            continue;
        }
        const QRegularExpressionMatch m = pattern.match(QString::fromUtf8(p.readLine()));
        if (m.hasMatch())
            return m;
    }
    return QRegularExpressionMatch();
}

int startServe(QProcess &serve, const QStringList &extra)
{
    serve.start(QStringLiteral(SOCKETLAB_CLI),
                QStringList{QStringLiteral("serve"), QStringLiteral("--bind"),
                            QStringLiteral("127.0.0.1:0")} +
                    extra);
    const QRegularExpressionMatch m = waitForLine(
        serve, QRegularExpression(QStringLiteral("^serving \\w+ on 127\\.0\\.0\\.1:(\\d+)")));
    return m.hasMatch() ? m.captured(1).toInt() : 0;
}

QByteArray runPython(const QString &script, const QStringList &arguments, int *exitCode,
                     int timeoutMs = 30000)
{
    QProcess p;
    p.start(QStringLiteral("python3"), QStringList{QStringLiteral("-c"), script} + arguments);
    if (!p.waitForFinished(timeoutMs))
        p.kill();
    p.waitForFinished(1000);
    *exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    return p.readAllStandardOutput() + p.readAllStandardError();
}

void stop(QProcess &p)
{
    if (p.state() == QProcess::NotRunning)
        return;
    ::kill(pid_t(p.processId()), SIGTERM);
    if (!p.waitForFinished(5000))
        p.kill();
}
} // namespace

class TestRudeClients : public QObject
{
    Q_OBJECT

private slots:
    void serverOutOfDescriptorsServesAgainLater_data();
    void serverOutOfDescriptorsServesAgainLater();
    void httpHeadEndIsFoundAcrossChunks_data();
    void httpHeadEndIsFoundAcrossChunks();
    void httpHeadOverTheCapGets431();
    void httpClientThatTricklesIsClosed();
    void abstractUnixNameMakesNoFile();
    void serverRemovesOnlyTheSocketFileItMade();
    void everyAddressOnTheCommandLineIsSaid();
    void connectGivesUpOnASilentPeer();
    void connectStopsWhenItsReaderIsGone();
};

void TestRudeClients::serverOutOfDescriptorsServesAgainLater_data()
{
    QTest::addColumn<QString>("mode");
    QTest::addColumn<bool>("window");
    QTest::newRow("console echo") << "echo" << false;
    QTest::newRow("console http") << "http" << false;
    QTest::newRow("window echo") << "echo" << true;
}

void TestRudeClients::serverOutOfDescriptorsServesAgainLater()
{
    QFETCH(QString, mode);
    QFETCH(bool, window);
    QTemporaryDir settings;
    QProcess serve;
    // 48 descriptors: Qt and the engine take about ten, so 45 clients use them up while the
    // rest wait in the listen queue (backlog 16), as they did with 1,150 clients and 1,024.
    serve.setChildProcessModifier([] {
        const rlimit few{48, 48};
        ::setrlimit(RLIMIT_NOFILE, &few);
    });
    int port = 0;
    if (window) {
        // The window's server pane runs the same automatic server; it says so in its pane.
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), settings.path());
        serve.setProcessEnvironment(env);
        serve.start(QStringLiteral(SOCKETLAB_GUI),
                    {QStringLiteral("-platform"), QStringLiteral("offscreen"),
                     QStringLiteral("--serve"), QStringLiteral("127.0.0.1:0"),
                     QStringLiteral("--mode"), mode});
        const QRegularExpressionMatch m = waitForLine(
            serve, QRegularExpression(QStringLiteral("^serving \\w+ on 127\\.0\\.0\\.1:(\\d+)")));
        port = m.hasMatch() ? m.captured(1).toInt() : 0;
    } else {
        port = startServe(serve, {QStringLiteral("--mode"), mode});
    }
    QVERIFY(port > 0);
    // Hold 45 idle connections, let go, then five clients in turn must each get their answer.
    const char script[] = R"(
import socket, sys, time
port, mode = int(sys.argv[1]), sys.argv[2]
idle = [socket.create_connection(('127.0.0.1', port), timeout=10) for _ in range(45)]
time.sleep(1.0)
for s in idle:
    s.close()
time.sleep(0.5)
served = 0
for i in range(5):
    c = socket.create_connection(('127.0.0.1', port), timeout=10)
    if mode == 'echo':
        c.sendall(b'hello %d' % i)
        ok = c.recv(100) == b'hello %d' % i
    else:
        c.sendall(b'GET / HTTP/1.0\r\n\r\n')
        got = b''
        while True:
            chunk = c.recv(65536)
            if not chunk:
                break
            got += chunk
        ok = got.startswith(b'HTTP/1.0 200 OK')
    served += ok
    c.close()
print('served', served)
)";
    QProcess clients;
    clients.start(QStringLiteral("python3"),
                  {QStringLiteral("-c"), QString::fromLatin1(script), QString::number(port), mode});
    // The server's log is read as it comes, so its pipe never fills and stalls it.
    QByteArray log;
    QElapsedTimer took;
    took.start();
    while (clients.state() != QProcess::NotRunning && took.elapsed() < 60000) {
        clients.waitForFinished(20);
        serve.waitForReadyRead(20);
        log += serve.readAllStandardOutput();
    }
    const QByteArray out = clients.readAll() + clients.readAllStandardError();
    QCOMPARE(clients.exitCode(), 0);
    QVERIFY2(out.contains("served 5"), out.constData());
    stop(serve);
    log += serve.readAllStandardOutput();
    if (window)
        return;
    QVERIFY2(log.contains("accept() failed with EMFILE; still serving"),
             log.right(2000).constData());
    QVERIFY(log.contains("# accepting again"));
}

void TestRudeClients::httpHeadEndIsFoundAcrossChunks_data()
{
    QTest::addColumn<QByteArray>("received");
    QTest::addColumn<int>("newFrom");
    QTest::addColumn<int>("end");
    QTest::newRow("whole, CRLF") << QByteArray("GET / HTTP/1.0\r\n\r\nrest") << 0 << 18;
    QTest::newRow("whole, LF") << QByteArray("GET / HTTP/1.0\n\nrest") << 0 << 16;
    QTest::newRow("not yet") << QByteArray("GET / HTTP/1.0\r\nHost: x\r\n") << 0 << -1;
    QTest::newRow("blank line split 1|3") << QByteArray("GET / HTTP/1.0\r\n\r\n") << 15 << 18;
    QTest::newRow("blank line split 3|1") << QByteArray("GET / HTTP/1.0\r\n\r\n") << 17 << 18;
    QTest::newRow("only the last byte new") << QByteArray("GET /\n\n") << 6 << 7;
    QTest::newRow("earlier CRLF wins") << QByteArray("A\r\n\r\nB\n\n") << 0 << 5;
    QTest::newRow("earlier LF wins") << QByteArray("A\n\nB\r\n\r\n") << 0 << 3;
}

void TestRudeClients::httpHeadEndIsFoundAcrossChunks()
{
    QFETCH(QByteArray, received);
    QFETCH(int, newFrom);
    QFETCH(int, end);
    QCOMPARE(HttpPage::headEnd(received, newFrom), qsizetype(end));
}

void TestRudeClients::httpHeadOverTheCapGets431()
{
    QProcess serve;
    const int port = startServe(serve, {QStringLiteral("--mode"), QStringLiteral("http")});
    QVERIFY(port > 0);
    // A head that never ends, sent in pieces; the server answers 431 and closes instead of
    // keeping (and rescanning) it.
    const char script[] = R"(
import socket, sys
c = socket.create_connection(('127.0.0.1', int(sys.argv[1])), timeout=10)
c.sendall(b'GET / HTTP/1.0\r\n')
try:
    for _ in range(4096):
        c.sendall(b'X-Filler: ' + b'y' * 1014 + b'\r\n')
except (BrokenPipeError, ConnectionResetError):
    pass
got = b''
try:
    while True:
        chunk = c.recv(65536)
        if not chunk:
            break
        got += chunk
except ConnectionResetError:
    pass
print(got.split(b'\r\n')[0].decode())
# Meanwhile a normal request is answered at once.
n = socket.create_connection(('127.0.0.1', int(sys.argv[1])), timeout=10)
n.sendall(b'GET / HTTP/1.0\r\n\r\n')
print(n.recv(100).split(b'\r\n')[0].decode())
)";
    int code = 0;
    const QByteArray out = runPython(QString::fromLatin1(script), {QString::number(port)}, &code);
    stop(serve);
    QVERIFY2(code == 0, out.constData());
    QVERIFY2(out.contains("HTTP/1.0 431 Request Header Fields Too Large"), out.constData());
    QVERIFY2(out.contains("HTTP/1.0 200 OK"), out.constData());
}

void TestRudeClients::httpClientThatTricklesIsClosed()
{
    QProcess serve;
    const int port = startServe(serve, {QStringLiteral("--mode"), QStringLiteral("http")});
    QVERIFY(port > 0);
    QTcpSocket slow;
    slow.connectToHost(QStringLiteral("127.0.0.1"), quint16(port));
    QVERIFY(slow.waitForConnected(5000));
    slow.write("GET / HTTP/1.0\r\n");
    QElapsedTimer held;
    held.start();
    // One header byte a second, as slowloris does, until the server hangs up.
    while (slow.state() == QAbstractSocket::ConnectedState &&
           held.elapsed() < HttpPage::headTimeoutMs + 5000) {
        slow.write("X");
        slow.waitForDisconnected(1000);
    }
    stop(serve);
    QCOMPARE(slow.state(), QAbstractSocket::UnconnectedState);
    QVERIFY(held.elapsed() >= HttpPage::headTimeoutMs - 1000);
}

void TestRudeClients::abstractUnixNameMakesNoFile()
{
    QTemporaryDir dir;
    const QString name = QStringLiteral("@socketlab-test-%1").arg(::getpid());
    QProcess serve;
    serve.setWorkingDirectory(dir.path());
    serve.start(QStringLiteral(SOCKETLAB_CLI), {QStringLiteral("serve"), QStringLiteral("--bind"),
                                                QStringLiteral("unix:") + name});
    QVERIFY(waitForLine(serve, QRegularExpression(QStringLiteral("^serving echo on unix:@")))
                .hasMatch());
    QProcess client;
    client.start(QStringLiteral(SOCKETLAB_CLI),
                 {QStringLiteral("connect"), QStringLiteral("unix:") + name,
                  QStringLiteral("--send"), QStringLiteral("abstract")});
    QVERIFY(client.waitForFinished(10000));
    QCOMPARE(client.exitCode(), 0);
    QCOMPARE(client.readAllStandardOutput(), QByteArray("abstract"));
    stop(serve);
    // Nothing named "@…" was made in the working folder (or anywhere).
    QVERIFY(QDir(dir.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot).isEmpty());
}

void TestRudeClients::serverRemovesOnlyTheSocketFileItMade()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("server.sock"));
    QProcess serve;
    serve.start(QStringLiteral(SOCKETLAB_CLI), {QStringLiteral("serve"), QStringLiteral("--bind"),
                                                QStringLiteral("unix:") + path});
    QVERIFY(waitForLine(serve, QRegularExpression(QStringLiteral("^serving echo on unix:")))
                .hasMatch());
    // Someone replaces the socket file with their own file while the server runs.
    QVERIFY(QFile::remove(path));
    QFile replaced(path);
    QVERIFY(replaced.open(QIODevice::WriteOnly));
    replaced.write("print('my homework')\n");
    replaced.close();
    stop(serve);
    QCOMPARE(serve.exitCode(), 0);
    QVERIFY(replaced.open(QIODevice::ReadOnly));
    QCOMPARE(replaced.readAll(), QByteArray("print('my homework')\n"));

    // And the usual case still cleans up: its own socket file goes with it.
    QFile::remove(path);
    QProcess again;
    again.start(QStringLiteral(SOCKETLAB_CLI), {QStringLiteral("serve"), QStringLiteral("--bind"),
                                                QStringLiteral("unix:") + path});
    QVERIFY(waitForLine(again, QRegularExpression(QStringLiteral("^serving echo on unix:")))
                .hasMatch());
    QVERIFY(QFileInfo::exists(path));
    stop(again);
    QVERIFY(!QFileInfo::exists(path));
}

void TestRudeClients::everyAddressOnTheCommandLineIsSaid()
{
    // Bound for a moment and closed at once; nothing is sent anywhere.
    QProcess serve;
    serve.start(QStringLiteral(SOCKETLAB_CLI),
                {QStringLiteral("serve"), QStringLiteral("--bind"), QStringLiteral("0.0.0.0:0")});
    const QRegularExpressionMatch said = waitForLine(
        serve, QRegularExpression(QStringLiteral("bound to every address: other machines")));
    stop(serve);
    QVERIFY(said.hasMatch());

    QProcess local;
    local.start(QStringLiteral(SOCKETLAB_CLI),
                {QStringLiteral("serve"), QStringLiteral("--bind"), QStringLiteral("127.0.0.1:0")});
    QVERIFY(waitForLine(local, QRegularExpression(QStringLiteral("^serving"))).hasMatch());
    QTest::qWait(200);
    const QByteArray rest = local.readAllStandardOutput();
    stop(local);
    QVERIFY(!rest.contains("every address"));
}

void TestRudeClients::connectGivesUpOnASilentPeer()
{
    // A peer that accepts and then says nothing: --send '' sends nothing to answer.
    QTcpServer silent;
    QVERIFY(silent.listen(QHostAddress::LocalHost));
    QProcess client;
    client.start(QStringLiteral(SOCKETLAB_CLI),
                 {QStringLiteral("connect"),
                  QStringLiteral("127.0.0.1:%1").arg(silent.serverPort()), QStringLiteral("--send"),
                  QString(), QStringLiteral("--timeout"), QStringLiteral("1")});
    QElapsedTimer took;
    took.start();
    while (client.state() != QProcess::NotRunning && took.elapsed() < 15000)
        client.waitForFinished(50); // the QTcpServer's queue needs no event loop
    QCOMPARE(client.state(), QProcess::NotRunning);
    QCOMPARE(client.exitCode(), 1);
    QVERIFY(took.elapsed() < 10000);
    const QByteArray err = client.readAllStandardError();
    QVERIFY2(err.contains("recv waited 1 s with nothing from the peer"), err.constData());
}

void TestRudeClients::connectStopsWhenItsReaderIsGone()
{
    // A server that streams for ever; the client's reader (`head -c 10`) leaves at once.
    const char streamer[] = R"(
import socket, sys
s = socket.socket()
s.bind(('127.0.0.1', 0))
s.listen(1)
print(s.getsockname()[1], flush=True)
c, _ = s.accept()
try:
    while True:
        c.sendall(b'z' * 65536)
except OSError:
    pass
)";
    QProcess server;
    server.start(QStringLiteral("python3"), {QStringLiteral("-c"), QString::fromLatin1(streamer)});
    QVERIFY(server.waitForReadyRead(10000));
    const QString port = QString::fromLatin1(server.readLine()).trimmed();
    QProcess client, reader;
    client.setStandardOutputProcess(&reader);
    reader.start(QStringLiteral("head"), {QStringLiteral("-c"), QStringLiteral("10")});
    client.start(QStringLiteral(SOCKETLAB_CLI),
                 {QStringLiteral("connect"), QStringLiteral("127.0.0.1:") + port,
                  QStringLiteral("--until-close")});
    QVERIFY(reader.waitForFinished(10000));
    const bool ended = client.waitForFinished(10000);
    if (!ended)
        client.kill();
    server.kill();
    server.waitForFinished();
    QVERIFY2(ended, "connect --until-close went on after its reader had gone");
    QCOMPARE(client.exitCode(), 1);
    QVERIFY(client.readAllStandardError().contains("cannot write what was received to stdout"));
}

QTEST_GUILESS_MAIN(TestRudeClients)
#include "tst_rudeclients.moc"
