// SPDX-License-Identifier: MIT
// socketlab-cli over UDP and Unix sockets, and its chat mode, against python3 and nc.

#include "CliProcess.h"

#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

namespace {
const QString cli = QStringLiteral(SOCKETLAB_CLI);

// Three chat clients. Each joins by saying so; a client's own words never come back.
const char pythonChatClients[] = R"(
import socket, sys
port = int(sys.argv[1])
def join(name):
    s = socket.create_connection(('127.0.0.1', port))
    s.settimeout(5)
    return s
def expect(s, text):
    got = b''
    while len(got) < len(text):
        got += s.recv(100)
    assert got == text, (got, text)
a = join('a')
b = join('b')
b.sendall(b'b joined\n')
expect(a, b'b joined\n')
c = join('c')
c.sendall(b'c joined\n')
expect(a, b'c joined\n')
expect(b, b'c joined\n')
a.sendall(b'hello from a\n')
expect(b, b'hello from a\n')
expect(c, b'hello from a\n')
a.settimeout(0.3)
try:
    print('a heard itself', a.recv(100))
except socket.timeout:
    print('a did not hear itself')
for s in (a, b, c):
    s.close()
)";

} // namespace

class TestCliDatagrams : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void udpEchoAnswersPythonAndNc();
    void connectOverUdp();
    void chatRelaysBetweenPythonClients();
    void udpChatRelaysToOtherSenders();
    void unixStreamAndDatagram_data();
    void unixStreamAndDatagram();
};

void TestCliDatagrams::initTestCase()
{
    QVERIFY2(QFileInfo::exists(cli), qPrintable(cli));
    QVERIFY2(!QStandardPaths::findExecutable(QStringLiteral("python3")).isEmpty(),
             "python3 is needed (scripts/test installs it)");
    QVERIFY2(!QStandardPaths::findExecutable(QStringLiteral("nc")).isEmpty(),
             "nc is needed (scripts/test installs netcat-openbsd)");
}

void TestCliDatagrams::udpEchoAnswersPythonAndNc()
{
    QProcess serve;
    const quint16 port =
        CliProcess::startServe(serve, cli,
                               {QStringLiteral("--bind"), QStringLiteral("udp://127.0.0.1:0"),
                                QStringLiteral("--max-clients"), QStringLiteral("3")});
    QVERIFY(port != 0);
    int code = -1;
    const QString out =
        CliProcess::run(QStringLiteral("python3"),
                        {QStringLiteral("-c"),
                         QStringLiteral("import socket\n"
                                        "s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)\n"
                                        "s.settimeout(5)\n"
                                        "for m in (b'first', b'second'):\n"
                                        "    s.sendto(m, ('127.0.0.1', %1))\n"
                                        "    print(s.recvfrom(100)[0].decode())\n")
                             .arg(port)},
                        QByteArray(), &code);
    QCOMPARE(code, 0);
    QCOMPARE(out, QStringLiteral("first\nsecond\n"));
    // nc -u sends its input as a datagram and prints what comes back; -w1 ends it.
    const QString fromNc = CliProcess::run(QStringLiteral("nc"),
                                           {QStringLiteral("-u"), QStringLiteral("-w1"),
                                            QStringLiteral("127.0.0.1"), QString::number(port)},
                                           "over udp\n", &code);
    QCOMPARE(fromNc, QStringLiteral("over udp\n"));
    QVERIFY(serve.waitForFinished(10000));
    QCOMPARE(serve.exitCode(), 0);
    const QString log = QString::fromUtf8(serve.readAllStandardOutput());
    QVERIFY(log.contains(QStringLiteral("data, addr = server_socket.recvfrom(65536)  → "
                                        "(b'first', ('127.0.0.1', ")));
    QVERIFY(!log.contains(QStringLiteral("listen(")));
}

void TestCliDatagrams::connectOverUdp()
{
    QProcess serve;
    const quint16 port = CliProcess::startServe(
        serve, cli,
        {QStringLiteral("--bind"), QStringLiteral("udp://127.0.0.1:0"), QStringLiteral("--mode"),
         QStringLiteral("reply"), QStringLiteral("--reply"), QStringLiteral("got it\\n"),
         QStringLiteral("--max-clients"), QStringLiteral("2")});
    QVERIFY(port != 0);
    int code = -1;
    QByteArray err;
    const QString out =
        CliProcess::run(cli,
                        {QStringLiteral("connect"), QStringLiteral("udp://127.0.0.1:%1").arg(port),
                         QStringLiteral("--send"), QStringLiteral("a"), QStringLiteral("--send"),
                         QStringLiteral("b")},
                        QByteArray(), &code, &err);
    QCOMPARE(code, 0);
    QCOMPARE(out, QStringLiteral("got it\ngot it\n"));
    QVERIFY(err.contains("client_socket.sendto(b'a', ('127.0.0.1', "));
    QVERIFY(serve.waitForFinished(10000));
}

void TestCliDatagrams::chatRelaysBetweenPythonClients()
{
    QProcess serve;
    const quint16 port =
        CliProcess::startServe(serve, cli,
                               {QStringLiteral("--mode"), QStringLiteral("chat"),
                                QStringLiteral("--max-clients"), QStringLiteral("3")});
    QVERIFY(port != 0);
    int code = -1;
    QByteArray err;
    const QString out = CliProcess::run(
        QStringLiteral("python3"),
        {QStringLiteral("-c"), QString::fromLatin1(pythonChatClients), QString::number(port)},
        QByteArray(), &code, &err);
    QVERIFY2(code == 0, err.constData());
    QCOMPARE(out, QStringLiteral("a did not hear itself\n"));
    QVERIFY(serve.state() == QProcess::NotRunning || serve.waitForFinished(10000));
    QCOMPARE(serve.exitCode(), 0);
    const QString log = QString::fromUtf8(serve.readAllStandardOutput());
    QVERIFY(log.contains(QStringLiteral("conn.sendall(b'b joined\\n')")));
    QVERIFY(log.contains(QStringLiteral("conn_3.sendall(b'hello from a\\n')")));
}

void TestCliDatagrams::udpChatRelaysToOtherSenders()
{
    QProcess serve;
    const quint16 port = CliProcess::startServe(
        serve, cli,
        {QStringLiteral("--bind"), QStringLiteral("udp://127.0.0.1:0"), QStringLiteral("--mode"),
         QStringLiteral("chat"), QStringLiteral("--max-clients"), QStringLiteral("3")});
    QVERIFY(port != 0);
    int code = -1;
    QByteArray err;
    const QString out = CliProcess::run(
        QStringLiteral("python3"),
        {QStringLiteral("-c"),
         QStringLiteral("import socket\n"
                        "server = ('127.0.0.1', %1)\n"
                        "a, b = (socket.socket(socket.AF_INET, socket.SOCK_DGRAM) for _ in "
                        "range(2))\n"
                        "for s in (a, b): s.settimeout(5)\n"
                        "a.sendto(b'a here', server)\n"
                        "b.sendto(b'b here', server)\n"
                        "print(a.recvfrom(100)[0].decode())\n"
                        "a.sendto(b'hi b', server)\n"
                        "print(b.recvfrom(100)[0].decode())\n")
             .arg(port)},
        QByteArray(), &code, &err);
    QVERIFY2(code == 0, err.constData());
    QCOMPARE(out, QStringLiteral("b here\nhi b\n"));
    QVERIFY(serve.state() == QProcess::NotRunning || serve.waitForFinished(10000));
    QCOMPARE(serve.exitCode(), 0);
}

void TestCliDatagrams::unixStreamAndDatagram_data()
{
    QTest::addColumn<QString>("scheme");
    QTest::newRow("stream") << "unix:";
    QTest::newRow("datagram") << "unix-dgram:";
}

void TestCliDatagrams::unixStreamAndDatagram()
{
    QFETCH(QString, scheme);
    QTemporaryDir dir;
    const QString address = scheme + dir.filePath(QStringLiteral("cli.sock"));
    QProcess serve;
    serve.start(cli, {QStringLiteral("serve"), QStringLiteral("--bind"), address,
                      QStringLiteral("--max-clients"), QStringLiteral("1")});
    QByteArray seen;
    QTRY_VERIFY_WITH_TIMEOUT((seen += serve.readAllStandardOutput()).contains("serving echo on "),
                             5000);
    QVERIFY(QFileInfo::exists(dir.filePath(QStringLiteral("cli.sock"))));
    int code = -1;
    QByteArray err;
    const QString out =
        CliProcess::run(cli,
                        {QStringLiteral("connect"), address, QStringLiteral("--send"),
                         QStringLiteral("through a file\\n")},
                        QByteArray(), &code, &err);
    QCOMPARE(code, 0);
    QCOMPARE(out, QStringLiteral("through a file\n"));
    QVERIFY(serve.state() == QProcess::NotRunning || serve.waitForFinished(10000));
    QCOMPARE(serve.exitCode(), 0);
    // The server removed its socket file when it closed.
    QVERIFY(!QFileInfo::exists(dir.filePath(QStringLiteral("cli.sock"))));
}

QTEST_GUILESS_MAIN(TestCliDatagrams)
#include "tst_clidatagrams.moc"
