// SPDX-License-Identifier: MIT
// socketlab-cli watch on real programs: python3 servers and clients as students write them, a
// forking one, one that execs another, one killed by a signal. The calls go to stderr in
// SocketLab's words; the program's own output and exit status are left as they were.

#include "CliProcess.h"
#include "ExportedPrograms.h"
#include "FreePort.h"
#include "StudentPrograms.h"

#include "trace/TraceReplay.h"

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <sys/types.h>
#include <unistd.h>

using ExportedPrograms::python3;

namespace {
struct Watched
{
    int code = -1;
    QString err; // the calls
};

Watched watch(const QStringList &command)
{
    Watched w;
    QByteArray err;
    CliProcess::run(QStringLiteral(SOCKETLAB_CLI),
                    QStringList{QStringLiteral("watch"), QStringLiteral("--")} + command,
                    QByteArray(), &w.code, &err);
    w.err = QString::fromUtf8(err);
    return w;
}

QString numbersOut(QString calls)
{
    static const QRegularExpression numbered(QStringLiteral("sock_[0-9]+"));
    return calls.replace(numbered, QStringLiteral("sock_N"));
}

} // namespace

class TestWatch : public QObject
{
    Q_OBJECT
private slots:
    void anEchoServerShowsItsCallsAndKeepsItsOutput();
    void theProgramsExitStatusIsTheWatchers_data();
    void theProgramsExitStatusIsTheWatchers();
    void aForkedChildIsWatchedToo();
    void aProgramThatExecsAnotherIsStillWatched();
    void theProgramDiesWithItsWatcher();
    void anUnprivilegedUserWatchesTheirOwnProgram();
    void aWatchedSessionIsReplayedAndExported();
    void aCProgramsReadAndWriteOnASocketAreItsCalls();
    void ncIsWatchedLikeAnyProgram();
    void eachCallCarriesThePythonLineThatMadeIt();
    void sendmsgAndRecvmsgShowTheirBytes();

private:
    QTemporaryDir m_dir;
};

void TestWatch::anEchoServerShowsItsCallsAndKeepsItsOutput()
{
    const int port = freePort();
    const QString server =
        StudentPrograms::write(m_dir, "server.py",
                               "import socket, sys\n"
                               "server_socket = socket.socket(socket.AF_INET, socket.SOCK_STREAM)\n"
                               "server_socket.bind(('127.0.0.1', int(sys.argv[1])))\n"
                               "server_socket.listen(1)\n"
                               "print('listening', flush=True)\n"
                               "conn, addr = server_socket.accept()\n"
                               "while True:\n"
                               "    data = conn.recv(1024)\n"
                               "    if not data:\n"
                               "        break\n"
                               "    conn.sendall(data)\n"
                               "conn.close()\n");
    QProcess watcher;
    watcher.start(QStringLiteral(SOCKETLAB_CLI), {QStringLiteral("watch"), QStringLiteral("--"),
                                                  python3(), server, QString::number(port)});
    QVERIFY(watcher.waitForReadyRead(10000)); // "listening", on the watcher's stdout
    QProcess client;
    client.start(python3(),
                 {QStringLiteral("-c"),
                  QStringLiteral("import socket; s = socket.create_connection(('127.0.0.1', %1)); "
                                 "s.sendall(b'Hey, can you hear me?'); print(s.recv(100)); "
                                 "s.close()")
                      .arg(port)});
    QVERIFY(client.waitForFinished(10000));
    QCOMPARE(client.readAllStandardOutput(), QByteArray("b'Hey, can you hear me?'\n"));
    QVERIFY(watcher.waitForFinished(10000));
    QCOMPARE(watcher.exitCode(), 0);
    QCOMPARE(watcher.readAllStandardOutput(), QByteArray("listening\n"));
    // Descriptors are numbered by what the program inherited (CTest passes one more): the
    // names are sock_3 in a terminal, sock_4 here.
    const QString calls = numbersOut(QString::fromUtf8(watcher.readAllStandardError()));
    for (const QString &line :
         {QStringLiteral("sock_N.bind(('127.0.0.1', %1))  → None").arg(port),
          QStringLiteral("sock_N.listen(1)  → None"),
          QStringLiteral("sock_N, addr = sock_N.accept()  → ('127.0.0.1', "),
          QStringLiteral("msg = sock_N.recv(1024)  → b'Hey, can you hear me?'  (21 bytes)"),
          QStringLiteral("sock_N.send(b'Hey, can you hear me?')  → 21"),
          QStringLiteral("(0 bytes: the peer closed its side)"),
          QStringLiteral("sock_N.close()  → None")})
        QVERIFY2(calls.contains(line), qPrintable(line + QStringLiteral(" not in:\n") + calls));
    // Its own prints and files are not socket calls.
    QVERIFY2(!calls.contains(QStringLiteral("listening")), qPrintable(calls));
}

void TestWatch::theProgramsExitStatusIsTheWatchers_data()
{
    QTest::addColumn<QStringList>("command");
    QTest::addColumn<int>("code");
    QTest::newRow("exit 3") << QStringList{python3(), QStringLiteral("-c"),
                                           QStringLiteral("import sys; sys.exit(3)")}
                            << 3;
    QTest::newRow("killed by SIGKILL: 128 + 9")
        << QStringList{python3(), QStringLiteral("-c"),
                       QStringLiteral("import os, signal; os.kill(os.getpid(), signal.SIGKILL)")}
        << 128 + SIGKILL;
    QTest::newRow("no such program: 125")
        << QStringList{QStringLiteral("/nonexistent/program")} << 125;
}

void TestWatch::theProgramsExitStatusIsTheWatchers()
{
    QFETCH(QStringList, command);
    QFETCH(int, code);
    const Watched w = watch(command);
    QCOMPARE(w.code, code);
    if (code == 125)
        QVERIFY2(w.err.contains(QStringLiteral("no such program")), qPrintable(w.err));
}

void TestWatch::aForkedChildIsWatchedToo()
{
    // The child listens on the socket its parent made: a forking server's pattern.
    const Watched w = watch({python3(), QStringLiteral("-c"),
                             QStringLiteral("import os, socket\n"
                                            "s = socket.socket()\n"
                                            "pid = os.fork()\n"
                                            "if pid == 0:\n"
                                            "    s.listen(7)\n"
                                            "    os._exit(0)\n"
                                            "os.waitpid(pid, 0)\n")});
    QCOMPARE(w.code, 0);
    QVERIFY2(numbersOut(w.err).contains(QStringLiteral("sock_N.listen(7)  → None")),
             qPrintable(w.err));
}

void TestWatch::aProgramThatExecsAnotherIsStillWatched()
{
    // As pyenv's python3, a shell script that execs the real one.
    const Watched w =
        watch({QStringLiteral("/bin/sh"), QStringLiteral("-c"),
               QStringLiteral("exec %1 -c 'import socket; socket.socket(socket.AF_INET6, "
                              "socket.SOCK_DGRAM)'")
                   .arg(python3())});
    QCOMPARE(w.code, 0);
    QVERIFY2(w.err.contains(QStringLiteral("socket.AF_INET6, socket.SOCK_DGRAM")),
             qPrintable(w.err));
}

void TestWatch::theProgramDiesWithItsWatcher()
{
    // With its filter in place and no watcher, the program's socket calls would fail: it must
    // not live on.
    QProcess watcher;
    watcher.start(
        QStringLiteral(SOCKETLAB_CLI),
        {QStringLiteral("watch"), QStringLiteral("--"), python3(), QStringLiteral("-c"),
         QStringLiteral("import os, time; print(os.getpid(), flush=True); time.sleep(60)")});
    QVERIFY(watcher.waitForReadyRead(10000));
    const qint64 program = watcher.readAllStandardOutput().trimmed().toLongLong();
    QVERIFY(program > 0);
    QVERIFY(QFile::exists(QStringLiteral("/proc/%1").arg(program)));
    ::kill(pid_t(watcher.processId()), SIGKILL);
    QVERIFY(watcher.waitForFinished(5000));
    QTRY_VERIFY_WITH_TIMEOUT(!QFile::exists(QStringLiteral("/proc/%1").arg(program)), 5000);
}

void TestWatch::anUnprivilegedUserWatchesTheirOwnProgram()
{
    // No root, no capability: ptrace of one's own child and a seccomp filter under
    // NO_NEW_PRIVS are what every user may do.
    if (::geteuid() != 0)
        QSKIP("needs root, to run the watcher as the user nobody (CI runs as root)");
    if (QStandardPaths::findExecutable(QStringLiteral("runuser")).isEmpty())
        QSKIP("runuser (util-linux) is needed to become nobody");
    // A copy nobody may run: the build folder may be closed to other users.
    QTemporaryDir dir(QStringLiteral("/tmp/socketlab-watch-XXXXXX"));
    const QString copy = dir.filePath(QStringLiteral("socketlab-cli"));
    QVERIFY(QFile::copy(QStringLiteral(SOCKETLAB_CLI), copy));
    QFile::setPermissions(dir.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner |
                                          QFile::ReadOther | QFile::ExeOther);
    QFile::setPermissions(copy,
                          QFile::ReadOwner | QFile::ExeOwner | QFile::ReadOther | QFile::ExeOther);
    QProcess p;
    p.start(QStringLiteral("runuser"),
            {QStringLiteral("-u"), QStringLiteral("nobody"), QStringLiteral("--"), copy,
             QStringLiteral("watch"), QStringLiteral("--"), python3(), QStringLiteral("-c"),
             QStringLiteral("import os, socket; s = socket.socket(); s.listen(2); "
                            "print(os.geteuid())")});
    QVERIFY(p.waitForFinished(20000));
    QCOMPARE(p.exitCode(), 0);
    QVERIFY(p.readAllStandardOutput().trimmed().toInt() != 0);
    QVERIFY2(numbersOut(QString::fromUtf8(p.readAllStandardError()))
                 .contains(QStringLiteral("sock_N.listen(2)  → None")),
             "the listen of nobody's program was not shown");
}

void TestWatch::aWatchedSessionIsReplayedAndExported()
{
    // One program that is its own server and client: both sides' calls in one trace.
    const QString program =
        StudentPrograms::write(m_dir, "both.py",
                               "import socket\n"
                               "server_socket = socket.socket()\n"
                               "server_socket.bind(('127.0.0.1', 0))\n"
                               "server_socket.listen(1)\n"
                               "client_socket = socket.create_connection("
                               "server_socket.getsockname())\n"
                               "conn, addr = server_socket.accept()\n"
                               "client_socket.sendall(b'round trip')\n"
                               "conn.sendall(conn.recv(1024))\n"
                               "print(client_socket.recv(1024))\n"
                               "for s in (conn, client_socket, server_socket):\n"
                               "    s.close()\n");
    const QString trace = m_dir.filePath(QStringLiteral("both.sltrace"));
    int code = -1;
    CliProcess::run(QStringLiteral(SOCKETLAB_CLI),
                    {QStringLiteral("watch"), QStringLiteral("--trace"), trace,
                     QStringLiteral("--"), python3(), program},
                    QByteArray(), &code);
    QCOMPARE(code, 0);
    TraceReplay replay;
    QString error;
    QVERIFY2(replay.load(trace, &error), qPrintable(error));
    int listening = 0;
    int connections = 0;
    for (const SocketInfo &s : replay.socketsAfter(replay.count())) {
        listening += s.role == SocketRole::Server;
        connections += s.role == SocketRole::Connection;
        QCOMPARE(s.state, SocketState::Closed);
    }
    QCOMPARE(listening, 1);
    QCOMPARE(connections, 1);
    const QString out = m_dir.filePath(QStringLiteral("exported"));
    CliProcess::run(QStringLiteral(SOCKETLAB_CLI),
                    {QStringLiteral("export"), trace, QStringLiteral("--out"), out}, QByteArray(),
                    &code);
    QCOMPARE(code, 0);
    for (const char *name : {"server.py", "client.py"}) {
        const QString path = out + QLatin1Char('/') + QLatin1String(name);
        QVERIFY2(QFile::exists(path), name);
        int compiled = -1;
        CliProcess::run(python3(), {QStringLiteral("-m"), QStringLiteral("py_compile"), path},
                        QByteArray(), &compiled);
        QCOMPARE(compiled, 0);
    }
}

void TestWatch::aCProgramsReadAndWriteOnASocketAreItsCalls()
{
    // Not Python: a C server, compiled here, that echoes with read(2) and write(2) as C
    // programs do; nc, which nobody here wrote, is its client.
    const QString cc = QStandardPaths::findExecutable(QStringLiteral("cc"));
    if (cc.isEmpty())
        QSKIP("no C compiler (cc) to build the test's program");
    if (QStandardPaths::findExecutable(QStringLiteral("nc")).isEmpty())
        QSKIP("nc (netcat-openbsd) is needed as the client");
    const QString source =
        StudentPrograms::write(m_dir, "echo.c",
                               "#include <arpa/inet.h>\n"
                               "#include <stdio.h>\n"
                               "#include <stdlib.h>\n"
                               "#include <sys/socket.h>\n"
                               "#include <unistd.h>\n"
                               "int main(int argc, char **argv)\n"
                               "{\n"
                               "    int s = socket(AF_INET, SOCK_STREAM, 0);\n"
                               "    struct sockaddr_in a = {0};\n"
                               "    a.sin_family = AF_INET;\n"
                               "    a.sin_port = htons(atoi(argv[1]));\n"
                               "    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);\n"
                               "    if (bind(s, (struct sockaddr *)&a, sizeof a) || listen(s, 1))\n"
                               "        return 1;\n"
                               "    puts(\"listening\");\n"
                               "    fflush(stdout);\n"
                               "    int c = accept(s, 0, 0);\n"
                               "    char buf[256];\n"
                               "    ssize_t n;\n"
                               "    while ((n = read(c, buf, sizeof buf)) > 0)\n"
                               "        write(c, buf, n);\n"
                               "    close(c);\n"
                               "    close(s);\n"
                               "    return 0;\n"
                               "}\n");
    const QString program = m_dir.filePath(QStringLiteral("echo"));
    QCOMPARE(QProcess::execute(cc, {QStringLiteral("-o"), program, source}), 0);
    const int port = freePort();
    QProcess watcher;
    watcher.start(QStringLiteral(SOCKETLAB_CLI),
                  {QStringLiteral("watch"), QStringLiteral("--"), program, QString::number(port)});
    QVERIFY(watcher.waitForReadyRead(10000));
    QProcess nc;
    nc.start(QStringLiteral("nc"),
             {QStringLiteral("-N"), QStringLiteral("127.0.0.1"), QString::number(port)});
    nc.write("from nc\n");
    nc.closeWriteChannel();
    QVERIFY(nc.waitForFinished(10000));
    QCOMPARE(nc.readAllStandardOutput(), QByteArray("from nc\n"));
    QVERIFY(watcher.waitForFinished(10000));
    QCOMPARE(watcher.exitCode(), 0);
    const QString calls = numbersOut(QString::fromUtf8(watcher.readAllStandardError()));
    for (const QString &line :
         {QStringLiteral("sock_N = socket.socket(socket.AF_INET, socket.SOCK_STREAM"),
          QStringLiteral("sock_N.bind(('127.0.0.1', %1))  → None").arg(port),
          QStringLiteral("sock_N, addr = sock_N.accept()  → <socket fd="),
          QStringLiteral("msg = sock_N.recv(256)  → b'from nc\\n'  (8 bytes)"),
          QStringLiteral("sock_N.send(b'from nc\\n')  → 8"),
          QStringLiteral("sock_N.close()  → None")})
        QVERIFY2(calls.contains(line), qPrintable(line + QStringLiteral(" not in:\n") + calls));
    // Its puts() to the terminal is no socket call.
    QVERIFY2(!calls.contains(QStringLiteral("listening")), qPrintable(calls));
}

void TestWatch::ncIsWatchedLikeAnyProgram()
{
    if (QStandardPaths::findExecutable(QStringLiteral("nc")).isEmpty())
        QSKIP("nc (netcat-openbsd) is needed");
    const int port = freePort();
    QProcess server;
    server.start(python3(), {QStringLiteral("-c"),
                             QStringLiteral("import socket\n"
                                            "s = socket.create_server(('127.0.0.1', %1))\n"
                                            "print('ready', flush=True)\n"
                                            "conn, _ = s.accept()\n"
                                            "conn.sendall(conn.recv(100).upper())\n"
                                            "conn.close()\n")
                                 .arg(port)});
    QVERIFY(server.waitForReadyRead(10000));
    QProcess watcher;
    watcher.start(QStringLiteral(SOCKETLAB_CLI),
                  {QStringLiteral("watch"), QStringLiteral("--"), QStringLiteral("nc"),
                   QStringLiteral("-N"), QStringLiteral("127.0.0.1"), QString::number(port)});
    watcher.write("quiet\n");
    watcher.closeWriteChannel();
    QVERIFY(watcher.waitForFinished(10000));
    QCOMPARE(watcher.readAllStandardOutput(), QByteArray("QUIET\n"));
    const QString calls = numbersOut(QString::fromUtf8(watcher.readAllStandardError()));
    for (const QString &line : {QStringLiteral("sock_N.connect(('127.0.0.1', %1))").arg(port),
                                QStringLiteral("sock_N.send(b'quiet\\n')  → 6"),
                                QStringLiteral("→ b'QUIET\\n'  (6 bytes)")})
        QVERIFY2(calls.contains(line), qPrintable(line + QStringLiteral(" not in:\n") + calls));
    server.waitForFinished(5000);
}

void TestWatch::eachCallCarriesThePythonLineThatMadeIt()
{
    QProcess version;
    version.start(python3(),
                  {QStringLiteral("-c"), QStringLiteral("import sys; print(sys.version_info[1])")});
    QVERIFY(version.waitForFinished(10000));
    const int minor = version.readAllStandardOutput().trimmed().toInt();
    if (minor != 11 && minor != 12)
        QSKIP("python3 here is not 3.11 or 3.12, whose frames the watcher reads");
    // The recv and send run on a second thread: its line is found by the thread's own id.
    const QString server = StudentPrograms::write(
        m_dir, "server.py",
        "import socket, sys, threading\n"
        "def serve(conn):\n"
        "    data = conn.recv(1024)\n"
        "    conn.sendall(data.upper())\n"
        "    conn.close()\n"
        "server_socket = socket.create_server(('127.0.0.1', int(sys.argv[1])))\n"
        "print('ready', flush=True)\n"
        "conn, addr = server_socket.accept()\n"
        "worker = threading.Thread(target=serve, args=(conn,))\n"
        "worker.start()\n"
        "worker.join()\n"
        "server_socket.close()\n");
    const int port = freePort();
    QProcess watcher;
    watcher.start(QStringLiteral(SOCKETLAB_CLI), {QStringLiteral("watch"), QStringLiteral("--"),
                                                  python3(), server, QString::number(port)});
    QVERIFY(watcher.waitForReadyRead(10000));
    QTcpSocket client;
    client.connectToHost(QStringLiteral("127.0.0.1"), quint16(port));
    QVERIFY(client.waitForConnected(5000));
    client.write("lines");
    QByteArray back;
    while (back.size() < 5 && client.waitForReadyRead(10000))
        back += client.readAll();
    QCOMPARE(back, QByteArray("LINES"));
    QVERIFY(watcher.waitForFinished(10000));
    QCOMPARE(watcher.exitCode(), 0);
    const QString calls = numbersOut(QString::fromUtf8(watcher.readAllStandardError()));
    for (const QString &line :
         {// create_server() is Python's own code: the student's line that called it is shown.
          QStringLiteral("sock_N.listen(128)  → None  # server.py:6  server_socket = "
                         "socket.create_server(('127.0.0.1', int(sys.argv[1])))"),
          QStringLiteral("→ ('127.0.0.1', %1)  # server.py:8  conn, addr = server_socket.accept()")
              .arg(client.localPort()),
          QStringLiteral("(5 bytes)  # server.py:3  data = conn.recv(1024)"),
          QStringLiteral("sock_N.send(b'LINES')  → 5  # server.py:4  conn.sendall(data.upper())"),
          QStringLiteral("sock_N.close()  → None  # server.py:5  conn.close()"),
          QStringLiteral("sock_N.close()  → None  # server.py:12  server_socket.close()")})
        QVERIFY2(calls.contains(line), qPrintable(line + QStringLiteral(" not in:\n") + calls));
}

void TestWatch::sendmsgAndRecvmsgShowTheirBytes()
{
    const Watched w = watch({python3(), QStringLiteral("-c"),
                             QStringLiteral("import socket\n"
                                            "srv = socket.create_server(('127.0.0.1', 0))\n"
                                            "cli = socket.create_connection(srv.getsockname())\n"
                                            "conn, _ = srv.accept()\n"
                                            "cli.sendmsg([b'scatter', b'-gather'])\n"
                                            "print(conn.recvmsg(100)[0])\n")});
    QCOMPARE(w.code, 0);
    const QString calls = numbersOut(w.err);
    for (const QString &line :
         {QStringLiteral("sock_N.send(b'scatter-gather')  → 14"),
          QStringLiteral("sock_N.recv(100)  → b'scatter-gather'  (14 bytes)")})
        QVERIFY2(calls.contains(line), qPrintable(line + QStringLiteral(" not in:\n") + calls));
}

QTEST_GUILESS_MAIN(TestWatch)
#include "tst_watch.moc"
