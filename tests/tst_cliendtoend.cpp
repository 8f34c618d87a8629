// SPDX-License-Identifier: MIT
// socketlab-cli against peers nobody here wrote: python3's socket module, nc, curl and
// headless Chromium, over TCP (UDP, Unix sockets and chat: tst_clidatagrams).

#include "CliProcess.h"
#include "trace/TraceFormat.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

namespace {
const QString cli = QStringLiteral(SOCKETLAB_CLI);

// A client written like the course's homework client, with sizes in the arguments.
const char pythonEchoClient[] = R"(
import hashlib, socket, sys
port, size = int(sys.argv[1]), int(sys.argv[2])
payload = bytes((i * 7 + 3) % 256 for i in range(size))
client_socket = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_IP)
client_socket.connect(('127.0.0.1', port))
client_socket.sendall(payload)
client_socket.shutdown(socket.SHUT_WR)
received = b''
while True:
    part = client_socket.recv(4096)
    if not part:
        break
    received += part
client_socket.close()
print(len(received), hashlib.sha256(received).hexdigest() == hashlib.sha256(payload).hexdigest())
)";

// A server written like the course's: bind, listen(1), accept, recv, sendall, close.
const char pythonServer[] = R"(
import socket, sys
server_socket = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_IP)
server_socket.bind(('127.0.0.1', 0))
server_socket.listen(1)
print(server_socket.getsockname()[1], flush=True)
conn, addr = server_socket.accept()
msg = conn.recv(4096)
sys.stderr.write('server got %r\n' % msg)
conn.sendall(b'Yes, I can hear you. You said: ' + msg)
conn.close()
server_socket.close()
)";
// Every byte the server's recv calls returned, as its --trace file recorded them.
QByteArray receivedInTrace(const QString &trace, QString *error)
{
    QVector<SocketEvent> events;
    QString warning;
    if (!TraceFormat::readFile(trace, &events, error, &warning) || !warning.isEmpty()) {
        *error += warning; // a cut trace is a failure here too
        return QByteArray();
    }
    QByteArray received;
    for (const SocketEvent &e : events) {
        if (e.call == SocketCall::Recv && e.phase == CallPhase::Returned)
            received += e.data;
    }
    return received;
}

// Output may arrive in pieces: wait for a whole line.
QByteArray firstLine(QProcess &process)
{
    QElapsedTimer waited;
    waited.start();
    while (!process.canReadLine() && waited.elapsed() < 10000)
        process.waitForReadyRead(100);
    return process.readLine();
}
} // namespace

class TestCliEndToEnd : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void pythonClientGetsExactEcho_data();
    void pythonClientGetsExactEcho();
    void ncGetsEcho();
    void httpModeAnswersARequest();
    void httpOneOneKeepsTheConnectionOpen();
    void curlGetsThePageAndTheTraceHasItsRequest();
    void headlessChromiumGetsThePage();
    void connectTalksToPythonServer();
    void connectToClosedPortFailsWithErrnoName();
    void serveExitsCleanlyOnSigterm();
    void windowServesFromTheCommandLine();
    void badArgumentsAreClearErrors_data();
    void badArgumentsAreClearErrors();
};

void TestCliEndToEnd::initTestCase()
{
    QVERIFY2(QFileInfo::exists(cli), qPrintable(cli));
    QVERIFY2(!QStandardPaths::findExecutable(QStringLiteral("python3")).isEmpty(),
             "python3 is needed (scripts/test installs it)");
    QVERIFY2(!QStandardPaths::findExecutable(QStringLiteral("nc")).isEmpty(),
             "nc is needed (scripts/test installs netcat-openbsd)");
}

void TestCliEndToEnd::pythonClientGetsExactEcho_data()
{
    QTest::addColumn<int>("size");
    QTest::newRow("course message size") << 21;
    QTest::newRow("1 MiB") << 1024 * 1024;
}

void TestCliEndToEnd::pythonClientGetsExactEcho()
{
    QFETCH(int, size);
    QProcess serve;
    const quint16 port =
        CliProcess::startServe(serve, cli, {QStringLiteral("--max-clients"), QStringLiteral("1")});
    QVERIFY(port != 0);
    int code = -1;
    const QString out =
        CliProcess::run(QStringLiteral("python3"),
                        {QStringLiteral("-c"), QString::fromLatin1(pythonEchoClient),
                         QString::number(port), QString::number(size)},
                        QByteArray(), &code);
    QCOMPARE(code, 0);
    QCOMPARE(out.trimmed(), QStringLiteral("%1 True").arg(size));
    QVERIFY(serve.waitForFinished(10000));
    QCOMPARE(serve.exitCode(), 0);
    const QString log = QString::fromUtf8(serve.readAllStandardOutput());
    QVERIFY(log.contains(QStringLiteral("conn, addr = server_socket.accept()  → ('127.0.0.1', ")));
    QVERIFY(log.contains(QStringLiteral("b''  (0 bytes: the peer closed its side)")));
    QVERIFY(log.contains(QStringLiteral("server_socket.close()  → None")));
}

void TestCliEndToEnd::ncGetsEcho()
{
    QProcess serve;
    const quint16 port =
        CliProcess::startServe(serve, cli, {QStringLiteral("--max-clients"), QStringLiteral("1")});
    QVERIFY(port != 0);
    int code = -1;
    // -N: shut down writing after stdin ends, so the echo server sees the end and closes.
    const QString out =
        CliProcess::run(QStringLiteral("nc"),
                        {QStringLiteral("-N"), QStringLiteral("127.0.0.1"), QString::number(port)},
                        "Hey, can you hear me?\nline two\n", &code);
    QCOMPARE(code, 0);
    QCOMPARE(out, QStringLiteral("Hey, can you hear me?\nline two\n"));
    QVERIFY(serve.waitForFinished(10000));
    QCOMPARE(serve.exitCode(), 0);
}

void TestCliEndToEnd::curlGetsThePageAndTheTraceHasItsRequest()
{
    if (QStandardPaths::findExecutable(QStringLiteral("curl")).isEmpty())
        QFAIL("curl is needed (scripts/test installs it)");
    QTemporaryDir dir;
    const QString trace = dir.filePath(QStringLiteral("http.jsonl"));
    QProcess serve;
    const quint16 port = CliProcess::startServe(
        serve, cli,
        {QStringLiteral("--mode"), QStringLiteral("http"), QStringLiteral("--max-clients"),
         QStringLiteral("1"), QStringLiteral("--trace"), trace});
    QVERIFY(port != 0);
    int code = -1;
    const QString page = CliProcess::run(
        QStringLiteral("curl"),
        {QStringLiteral("-s"), QStringLiteral("-A"), QStringLiteral("curl-in-a-test"),
         QStringLiteral("http://127.0.0.1:%1/from-curl").arg(port)},
        QByteArray(), &code);
    QCOMPARE(code, 0);
    QVERIFY2(page.contains(QStringLiteral("GET /from-curl HTTP/1.1")), qPrintable(page));
    QVERIFY(serve.state() == QProcess::NotRunning || serve.waitForFinished(10000));
    QString error;
    const QByteArray received = receivedInTrace(trace, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(received.startsWith("GET /from-curl HTTP/1.1\r\n"));
    QVERIFY(received.contains("User-Agent: curl-in-a-test\r\n"));
}

void TestCliEndToEnd::headlessChromiumGetsThePage()
{
    const QString chromium = QStandardPaths::findExecutable(QStringLiteral("chromium"));
    if (chromium.isEmpty())
        QSKIP("Debian's chromium is not installed (scripts/install-deps installs it)");
    QTemporaryDir dir;
    const QString trace = dir.filePath(QStringLiteral("browser.jsonl"));
    QProcess serve;
    const quint16 port = CliProcess::startServe(
        serve, cli,
        {QStringLiteral("--mode"), QStringLiteral("http"), QStringLiteral("--trace"), trace});
    QVERIFY(port != 0);
    // Only loopback: no background fetches, updates or sync; a profile of its own.
    QProcess browser;
    browser.start(
        chromium,
        {QStringLiteral("--headless"), QStringLiteral("--no-sandbox"),
         QStringLiteral("--disable-gpu"), QStringLiteral("--disable-background-networking"),
         QStringLiteral("--disable-component-update"), QStringLiteral("--disable-sync"),
         QStringLiteral("--no-first-run"),
         QStringLiteral("--user-data-dir=%1").arg(dir.filePath(QStringLiteral("profile"))),
         QStringLiteral("--dump-dom"),
         QStringLiteral("http://127.0.0.1:%1/from-chromium").arg(port)});
    QVERIFY(browser.waitForStarted(10000));
    if (!browser.waitForFinished(60000))
        browser.kill();
    const QString dom = QString::fromUtf8(browser.readAllStandardOutput());
    QVERIFY2(dom.contains(QStringLiteral("<h1>Hello from SocketLab!</h1>")), qPrintable(dom));
    QVERIFY(dom.contains(QStringLiteral("GET /from-chromium HTTP/1.1")));
    QVERIFY(dom.contains(QStringLiteral("HeadlessChrome")));

    ::kill(pid_t(serve.processId()), SIGTERM);
    QVERIFY(serve.state() == QProcess::NotRunning || serve.waitForFinished(10000));
    QString error;
    const QByteArray received = receivedInTrace(trace, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(received.startsWith("GET /from-chromium HTTP/1.1\r\n"));
    QVERIFY(received.contains("HeadlessChrome/"));
}

void TestCliEndToEnd::httpModeAnswersARequest()
{
    QProcess serve;
    const quint16 port =
        CliProcess::startServe(serve, cli,
                               {QStringLiteral("--mode"), QStringLiteral("http"),
                                QStringLiteral("--max-clients"), QStringLiteral("1")});
    QVERIFY(port != 0);
    int code = -1;
    const QString out = CliProcess::run(
        QStringLiteral("python3"),
        {QStringLiteral("-c"),
         QStringLiteral("import urllib.request,sys; "
                        "r=urllib.request.urlopen('http://127.0.0.1:%1/hello?<b>'); "
                        "print(r.status); print(r.read().decode())")
             .arg(port)},
        QByteArray(), &code);
    QCOMPARE(code, 0);
    QVERIFY2(out.startsWith(QStringLiteral("200\n")), qPrintable(out));
    QVERIFY(out.contains(QStringLiteral("<h1>")));
    QVERIFY(out.contains(QStringLiteral("GET /hello?&lt;b&gt; HTTP/1.1")));
    QVERIFY(serve.waitForFinished(10000));
    QCOMPARE(serve.exitCode(), 0);
}

void TestCliEndToEnd::httpOneOneKeepsTheConnectionOpen()
{
    // Python's http.client speaks HTTP/1.1 and reuses its connection when the server lets it:
    // two requests, one connection (the server's own count says so).
    QProcess serve;
    const quint16 port =
        CliProcess::startServe(serve, cli, {QStringLiteral("--mode"), QStringLiteral("http")});
    QVERIFY(port != 0);
    int code = -1;
    const QString out = CliProcess::run(
        QStringLiteral("python3"),
        {QStringLiteral("-c"),
         QStringLiteral("import http.client\n"
                        "c = http.client.HTTPConnection('127.0.0.1', %1, timeout=10)\n"
                        "for path in ('/one', '/two'):\n"
                        "    c.request('GET', path)\n"
                        "    r = c.getresponse()\n"
                        "    body = r.read().decode()\n"
                        "    print(r.version, r.status, r.getheader('Connection'), path in body)\n"
                        "    print(c.sock.getsockname()[1])\n"
                        "c.close()\n")
             .arg(port)},
        QByteArray(), &code);
    QCOMPARE(code, 0);
    const QStringList lines = out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 4);
    QCOMPARE(lines.at(0), QStringLiteral("11 200 keep-alive True"));
    QCOMPARE(lines.at(2), QStringLiteral("11 200 keep-alive True"));
    QCOMPARE(lines.at(1), lines.at(3)); // the same client port: one connection
    serve.terminate();
    QVERIFY(serve.waitForFinished(10000));
    const QString log = QString::fromUtf8(serve.readAllStandardOutput());
    QCOMPARE(log.count(QStringLiteral("→ ('127.0.0.1'")), 1); // one accept
}

void TestCliEndToEnd::connectTalksToPythonServer()
{
    QProcess server;
    server.start(QStringLiteral("python3"),
                 {QStringLiteral("-c"), QString::fromLatin1(pythonServer)});
    const int port = firstLine(server).trimmed().toInt();
    QVERIFY(port > 0);
    int code = -1;
    QByteArray log;
    const QString out =
        CliProcess::run(cli,
                        {QStringLiteral("connect"), QStringLiteral("127.0.0.1:%1").arg(port),
                         QStringLiteral("--send"), QStringLiteral("Hey, can you hear me?"),
                         QStringLiteral("--until-close")},
                        QByteArray(), &code, &log);
    QCOMPARE(code, 0);
    QCOMPARE(out, QStringLiteral("Yes, I can hear you. You said: Hey, can you hear me?"));
    QVERIFY(log.contains("client_socket.sendall(b'Hey, can you hear me?')"));
    QVERIFY(log.contains("(0 bytes: the peer closed its side)"));
    QVERIFY(server.waitForFinished(10000));
    QCOMPARE(server.exitCode(), 0);
}

void TestCliEndToEnd::connectToClosedPortFailsWithErrnoName()
{
    // A python socket bound but not listening holds a port on which connect is refused.
    QProcess holder;
    holder.start(QStringLiteral("python3"),
                 {QStringLiteral("-c"),
                  QStringLiteral("import socket,sys; s=socket.socket(); s.bind(('127.0.0.1',0)); "
                                 "print(s.getsockname()[1], flush=True); sys.stdin.read()")});
    const int port = firstLine(holder).trimmed().toInt();
    int code = -1;
    QByteArray err;
    CliProcess::run(cli, {QStringLiteral("connect"), QStringLiteral("127.0.0.1:%1").arg(port)},
                    QByteArray(), &code, &err);
    holder.closeWriteChannel();
    holder.waitForFinished(5000);
    QCOMPARE(code, 1);
    QVERIFY2(err.contains("connect failed: ECONNREFUSED"), err.constData());
    QVERIFY(err.contains("hint: Nothing is listening on 127.0.0.1:"));
}

void TestCliEndToEnd::serveExitsCleanlyOnSigterm()
{
    QProcess serve;
    const quint16 port = CliProcess::startServe(serve, cli, {});
    QVERIFY(port != 0);
    ::kill(pid_t(serve.processId()), SIGTERM);
    QVERIFY(serve.waitForFinished(5000));
    QCOMPARE(serve.exitStatus(), QProcess::NormalExit);
    QCOMPARE(serve.exitCode(), 0);
    QVERIFY(serve.readAllStandardOutput().contains("server_socket.close()  → None"));
}

void TestCliEndToEnd::windowServesFromTheCommandLine()
{
    // socketlab --serve: the window opens with the server pane already serving.
    QProcess window;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    window.setProcessEnvironment(env);
    window.start(QStringLiteral(SOCKETLAB_GUI),
                 {QStringLiteral("--serve"), QStringLiteral("127.0.0.1:0"),
                  QStringLiteral("--mode"), QStringLiteral("http")});
    const QRegularExpressionMatch m =
        QRegularExpression(QStringLiteral("serving http on 127\\.0\\.0\\.1:(\\d+)"))
            .match(QString::fromUtf8(firstLine(window)));
    QVERIFY(m.hasMatch());
    int code = -1;
    const QString page = CliProcess::run(
        QStringLiteral("python3"),
        {QStringLiteral("-c"),
         QStringLiteral("import urllib.request; "
                        "print(urllib.request.urlopen('http://127.0.0.1:%1/').read().decode())")
             .arg(m.captured(1))},
        QByteArray(), &code);
    window.terminate();
    window.waitForFinished(5000);
    QCOMPARE(code, 0);
    QVERIFY(page.contains(QStringLiteral("Hello from SocketLab")));
}

void TestCliEndToEnd::badArgumentsAreClearErrors_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("message");
    QTest::newRow("bad mode") << QStringList{"serve", "--mode", "gopher"} << 2
                              << "unknown mode 'gopher'";
    QTest::newRow("http over udp")
        << QStringList{"serve", "--bind", "udp://127.0.0.1:0", "--mode", "http"} << 2
        << "needs connections (TCP)";
    QTest::newRow("unknown scheme")
        << QStringList{"serve", "--bind", "sctp://127.0.0.1:1"} << 2 << "udp://HOST:PORT";
    QTest::newRow("udp without data")
        << QStringList{"connect", "udp://127.0.0.1:9"} << 2 << "at least one --send";
    QTest::newRow("unix without path")
        << QStringList{"serve", "--bind", "unix:"} << 2 << "give the socket file's path";
    QTest::newRow("no port") << QStringList{"serve", "--bind", "127.0.0.1"} << 2
                             << "is not HOST:PORT";
    QTest::newRow("port too large")
        << QStringList{"serve", "--bind", "127.0.0.1:70000"} << 1 << "bind failed: OverflowError";
    QTest::newRow("bad address") << QStringList{"connect", "999.1.1.1:50000"} << 1
                                 << "connect failed: ValueError";
    QTest::newRow("bad escape") << QStringList{"connect", "127.0.0.1:1", "--send", "\\q"} << 2
                                << "unknown escape";
    QTest::newRow("unknown command") << QStringList{"frobnicate"} << 2 << "unknown command";
}

void TestCliEndToEnd::badArgumentsAreClearErrors()
{
    QFETCH(QStringList, args);
    QFETCH(int, exitCode);
    QFETCH(QString, message);
    int code = -1;
    QByteArray err;
    CliProcess::run(cli, args, QByteArray(), &code, &err);
    QCOMPARE(code, exitCode);
    QVERIFY2(QString::fromUtf8(err).contains(message), err.constData());
}

QTEST_GUILESS_MAIN(TestCliEndToEnd)
#include "tst_cliendtoend.moc"
