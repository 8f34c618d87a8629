// SPDX-License-Identifier: MIT
// socketlab-cli check echo against servers written the way students write them: correct ones
// (a loop, a threading one, a forking one) pass every test; each typical bug fails the test
// that is about it, in words that say what went wrong.

#include "CliProcess.h"
#include "ExportedPrograms.h"

#include <QProcess>
#include <QTest>

using ExportedPrograms::python3;

namespace {
// Each server prints its port once it listens, then serves until killed.
const QByteArray listen = "import socket, socketserver, sys, os, time\n"
                          "s = socket.socket()\n"
                          "s.bind(('127.0.0.1', 0))\n"
                          "s.listen()\n"
                          "print(s.getsockname()[1], flush=True)\n";
} // namespace

class TestEchoCheck : public QObject
{
    Q_OBJECT
private slots:
    void theCourseTestsJudgeAServer_data();
    void theCourseTestsJudgeAServer();
    void nothingListeningFailsEveryTest();
    void badArgumentsAreRefused_data();
    void badArgumentsAreRefused();
};

void TestEchoCheck::theCourseTestsJudgeAServer_data()
{
    QTest::addColumn<QByteArray>("server");
    QTest::addColumn<QStringList>("lines"); // each test's line, as printed (a prefix)
    QTest::addColumn<int>("code");
    const QStringList allPass{"PASS  one message",
                              "PASS  a long message",
                              "PASS  several messages on one connection",
                              "PASS  a client that closes",
                              "PASS  two clients",
                              "All 5 tests passed."};
    QTest::newRow("a loop that closes each connection") << listen + "while True:\n"
                                                                    "    conn, addr = s.accept()\n"
                                                                    "    while True:\n"
                                                                    "        data = conn.recv(16)\n"
                                                                    "        if not data:\n"
                                                                    "            break\n"
                                                                    "        conn.sendall(data)\n"
                                                                    "    conn.close()\n"
                                                        << allPass << 0;
    // socketserver's servers make their own listener: the one above is closed first.
    QTest::newRow("threading")
        << listen + "port = s.getsockname()[1]\n"
                    "s.close()\n"
                    "class Echo(socketserver.BaseRequestHandler):\n"
                    "    def handle(self):\n"
                    "        while data := self.request.recv(1024):\n"
                    "            self.request.sendall(data)\n"
                    "socketserver.ThreadingTCPServer.allow_reuse_address = True\n"
                    "socketserver.ThreadingTCPServer(('127.0.0.1', port), Echo).serve_forever()\n"
        << allPass << 0;
    QTest::newRow("forking") << listen + "while True:\n"
                                         "    conn, addr = s.accept()\n"
                                         "    if os.fork() == 0:\n"
                                         "        s.close()\n"
                                         "        while data := conn.recv(1024):\n"
                                         "            conn.sendall(data)\n"
                                         "        conn.close()\n"
                                         "        os._exit(0)\n"
                                         "    conn.close()\n"
                             << allPass << 0;
    QTest::newRow("never closes its connection")
        << listen + "kept = []\n"
                    "while True:\n"
                    "    conn, addr = s.accept()\n"
                    "    kept.append(conn)\n"
                    "    while data := conn.recv(1024):\n"
                    "        conn.sendall(data)\n"
        << QStringList{"PASS  one message",
                       "PASS  a long message",
                       "PASS  several messages on one connection",
                       "FAIL  a client that closes: the client closed its side, but the server "
                       "did not close its end: recv() got nothing for 1 s (the server's socket "
                       "stays in CLOSE_WAIT",
                       "PASS  two clients",
                       "1 of 5 tests failed."}
        << 1;
    QTest::newRow("echoes one recv(1024) and closes")
        << listen + "while True:\n"
                    "    conn, addr = s.accept()\n"
                    "    conn.sendall(conn.recv(1024))\n"
                    "    time.sleep(0.2)\n"
                    "    conn.close()\n"
        << QStringList{"PASS  one message",
                       "FAIL  a long message: recv() failed: ConnectionResetError: [Errno 104] "
                       "Connection reset by peer, after ",
                       "FAIL  several messages on one connection: ",
                       "PASS  a client that closes",
                       "PASS  two clients",
                       "2 of 5 tests failed."}
        << 1;
    QTest::newRow("answers nothing")
        << listen + "kept = []\n"
                    "while True:\n"
                    "    conn, addr = s.accept()\n"
                    "    kept.append(conn)\n"
        << QStringList{"FAIL  one message: expected 21 bytes back, got 0 and then nothing for 1 s"}
        << 1;
}

void TestEchoCheck::theCourseTestsJudgeAServer()
{
    QFETCH(QByteArray, server);
    QFETCH(QStringList, lines);
    QFETCH(int, code);
    QProcess program;
    program.start(python3(), {QStringLiteral("-c"), QString::fromUtf8(server)});
    QVERIFY(program.waitForReadyRead(10000));
    const QString port = QString::fromUtf8(program.readLine()).trimmed();
    QVERIFY(port.toInt() > 0);
    int exitCode = -1;
    const QString out = CliProcess::run(QStringLiteral(SOCKETLAB_CLI),
                                        {QStringLiteral("check"), QStringLiteral("echo"),
                                         QStringLiteral("127.0.0.1:") + port,
                                         QStringLiteral("--timeout"), QStringLiteral("1")},
                                        QByteArray(), &exitCode);
    program.kill();
    program.waitForFinished();
    const QStringList printed = out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    for (int i = 0; i < lines.size(); ++i)
        QVERIFY2(
            printed.value(i).startsWith(lines.at(i)),
            qPrintable(
                QStringLiteral("line %1 is not \"%2…\":\n%3").arg(i + 1).arg(lines.at(i), out)));
    QCOMPARE(exitCode, code);
}

void TestEchoCheck::nothingListeningFailsEveryTest()
{
    QProcess holder; // a port nobody listens on: bound, never listening
    holder.start(python3(),
                 {QStringLiteral("-c"),
                  QString::fromUtf8("import socket, time\ns = socket.socket()\n"
                                    "s.bind(('127.0.0.1', 0))\nprint(s.getsockname()[1], "
                                    "flush=True)\ntime.sleep(30)\n")});
    QVERIFY(holder.waitForReadyRead(10000));
    const QString port = QString::fromUtf8(holder.readLine()).trimmed();
    int exitCode = -1;
    const QString out = CliProcess::run(
        QStringLiteral(SOCKETLAB_CLI),
        {QStringLiteral("check"), QStringLiteral("echo"), QStringLiteral("127.0.0.1:") + port},
        QByteArray(), &exitCode);
    holder.kill();
    holder.waitForFinished();
    QCOMPARE(exitCode, 1);
    QVERIFY2(out.startsWith(QLatin1String("FAIL  one message: connect() failed: "
                                          "ConnectionRefusedError: [Errno 111]")),
             qPrintable(out));
    QVERIFY2(out.contains(QLatin1String("5 of 5 tests failed.")), qPrintable(out));
}

void TestEchoCheck::badArgumentsAreRefused_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::newRow("nothing") << QStringList{};
    QTest::newRow("not echo") << QStringList{"chat", "127.0.0.1:5000"};
    QTest::newRow("no port") << QStringList{"echo", "127.0.0.1"};
    QTest::newRow("udp") << QStringList{"echo", "udp://127.0.0.1:5000"};
    QTest::newRow("timeout not a number")
        << QStringList{"echo", "127.0.0.1:5000", "--timeout", "x"};
}

void TestEchoCheck::badArgumentsAreRefused()
{
    QFETCH(QStringList, args);
    int exitCode = -1;
    QByteArray err;
    CliProcess::run(QStringLiteral(SOCKETLAB_CLI), QStringList{QStringLiteral("check")} + args,
                    QByteArray(), &exitCode, &err);
    QCOMPARE(exitCode, 2);
    QVERIFY2(err.startsWith("socketlab-cli check: "), err.constData());
}

QTEST_GUILESS_MAIN(TestEchoCheck)
#include "tst_echocheck.moc"
