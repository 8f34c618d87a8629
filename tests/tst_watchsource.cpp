// SPDX-License-Identifier: MIT
// A watched program as a source: real python3 programs started under a pseudo-terminal, their
// sockets and calls read the way the panes and log read the live session's, their output as it
// is printed (not when they exit), their input typed in, their end said in words.

#include "ExportedPrograms.h"
#include "FreePort.h"
#include "StudentPrograms.h"

#include "session/SessionClock.h"
#include "session/SocketNaming.h"
#include "sources/WatchSource.h"
#include "watch/SocketDiag.h"
#include "watch/SocketInodes.h"

#include <QFile>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <arpa/inet.h>
#include <csignal>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/types.h>

using ExportedPrograms::python3;

namespace {
struct Run
{
    explicit Run(WatchSource *source)
        : events(source, &SocketSource::eventOccurred), finished(source, &WatchSource::finished)
    {
        QObject::connect(source, &WatchSource::output, source,
                         [this](const QString &text) { output += text; });
    }
    QVector<SocketEvent> all() const
    {
        QVector<SocketEvent> list;
        for (const QList<QVariant> &args : events)
            list << args.at(0).value<SocketEvent>();
        return list;
    }
    bool has(SocketCall call, CallPhase phase) const
    {
        for (const SocketEvent &e : all()) {
            if (e.call == call && e.phase == phase)
                return true;
        }
        return false;
    }
    QSignalSpy events;
    QSignalSpy finished;
    QString output;
};
} // namespace

class TestWatchSource : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void anEchoServersSocketsAndCallsAreASource();
    void aServerAndItsClientAreWatchedAtOnce();
    void theKernelSaysCloseWaitWhenTheServerNeverCloses();
    void theKernelsSocketListIsAskedByInode();
    void printsArriveWhileTheProgramRunsAndInputReachesIt();
    void aTracebackIsTheEndingsReason();
    void stoppingEndsTheProgramAndWhatItForked();
    void whatCannotBeWatchedEndsWith125_data();
    void whatCannotBeWatchedEndsWith125();

private:
    QTemporaryDir m_dir;
    SessionClock m_clock;
    SocketNaming m_naming;
};

void TestWatchSource::initTestCase()
{
    qRegisterMetaType<SocketEvent>();
    QVERIFY(m_dir.isValid());
}

void TestWatchSource::anEchoServersSocketsAndCallsAreASource()
{
    const quint16 port = freePort();
    const QString server = StudentPrograms::write(m_dir, "echo.py",
                                                  StudentPrograms::listening(port, 1) +
                                                      "print('listening')\n"
                                                      "conn, addr = server_socket.accept()\n"
                                                      "data = conn.recv(1024)\n"
                                                      "conn.sendall(data)\n"
                                                      "conn.close()\n");
    WatchSource source(&m_clock, &m_naming, SocketRole::Server);
    Run run(&source);
    QString error;
    QVERIFY2(source.start(python3(), {server}, m_dir.path(), &error), qPrintable(error));
    QTRY_VERIFY_WITH_TIMEOUT(run.output.contains(QLatin1String("listening")), 10000);
    // Waiting in accept longer than a moment: blocked, as SocketLab's own accept would be.
    QTRY_VERIFY_WITH_TIMEOUT(run.has(SocketCall::Accept, CallPhase::Blocked), 5000);
    QString listener;
    for (const QString &id : source.socketIds()) {
        if (source.socket(id).role == SocketRole::Server)
            listener = id;
    }
    QVERIFY2(!listener.isEmpty(), "no listening socket in the table");
    QCOMPARE(source.socket(listener).state, SocketState::Listening);
    // Named as the course names them, not by descriptor.
    QCOMPARE(source.socket(listener).name, QStringLiteral("server_socket"));
    QCOMPARE(source.socket(listener).family, AF_INET);
    QCOMPARE(source.socket(listener).type, SOCK_STREAM);
    QVERIFY(source.socket(listener).blocked);
    QCOMPARE(source.socket(listener).local.port(), port);
    QVERIFY(!source.acceptsCalls());

    QTcpSocket client;
    client.connectToHost(QStringLiteral("127.0.0.1"), port);
    QVERIFY(client.waitForConnected(5000));
    client.write("Hello, server");
    QTRY_VERIFY_WITH_TIMEOUT(client.bytesAvailable() == 13 || client.waitForReadyRead(100), 5000);
    QCOMPARE(client.readAll(), QByteArray("Hello, server"));
    QTRY_COMPARE_WITH_TIMEOUT(run.finished.count(), 1, 10000);
    QCOMPARE(run.finished.at(0).at(0).toInt(), 0);
    QCOMPARE(run.finished.at(0).at(1).toString(), QStringLiteral("exited with status 0"));

    const QVector<SocketEvent> events = run.all();
    for (const SocketEvent &e : events)
        QVERIFY2(!e.socketId.isEmpty(), "an event of no socket reached the views");
    for (int i = 1; i < events.size(); ++i)
        QVERIFY2(events.at(i).seq > events.at(i - 1).seq, "the source's events are not in order");
    bool received = false;
    for (const SocketEvent &e : events)
        received |= e.call == SocketCall::Recv && e.phase == CallPhase::Returned &&
                    e.data == "Hello, server";
    QVERIFY(received);
    QString conn;
    for (const QString &id : source.socketIds()) {
        if (source.socket(id).role == SocketRole::Connection)
            conn = id;
    }
    QVERIFY2(!conn.isEmpty(), "the accepted connection is not in the table");
    QCOMPARE(source.socket(conn).parentId, listener);
    QCOMPARE(source.socket(conn).name, QStringLiteral("conn"));
    QCOMPARE(source.socket(conn).family, AF_INET);
    QCOMPARE(source.socket(conn).fd, -1); // closed
    QCOMPARE(source.socket(conn).state, SocketState::Closed);
}

void TestWatchSource::aServerAndItsClientAreWatchedAtOnce()
{
    // Two tracers in one process: each must see its own program's stops only.
    const quint16 port = freePort();
    const QByteArray p = QByteArray::number(port);
    const QString server = StudentPrograms::write(m_dir, "pair-server.py",
                                                  StudentPrograms::listening(port, 5) +
                                                      "conn, addr = server_socket.accept()\n"
                                                      "conn.sendall(conn.recv(1024))\n"
                                                      "conn.close()\n");
    const QString client =
        StudentPrograms::write(m_dir, "pair-client.py",
                               "import socket, time\n"
                               "for attempt in range(100):\n"
                               "    try:\n"
                               "        client_socket = socket.create_connection(('127.0.0.1', " +
                                   p +
                                   "))\n"
                                   "        break\n"
                                   "    except ConnectionRefusedError:\n"
                                   "        time.sleep(0.05)\n"
                                   "client_socket.sendall(b'both watched')\n"
                                   "print(client_socket.recv(1024))\n");
    WatchSource serverSource(&m_clock, &m_naming, SocketRole::Server);
    WatchSource clientSource(&m_clock, &m_naming, SocketRole::Client);
    Run serverRun(&serverSource);
    Run clientRun(&clientSource);
    QString error;
    QVERIFY(serverSource.start(python3(), {server}, QString(), &error));
    QVERIFY(clientSource.start(python3(), {client}, QString(), &error));
    QTRY_COMPARE_WITH_TIMEOUT(clientRun.finished.count(), 1, 15000);
    QTRY_COMPARE_WITH_TIMEOUT(serverRun.finished.count(), 1, 15000);
    QCOMPARE(serverRun.finished.at(0).at(0).toInt(), 0);
    QCOMPARE(clientRun.finished.at(0).at(0).toInt(), 0);
    QVERIFY2(clientRun.output.contains(QLatin1String("b'both watched'")),
             qPrintable(clientRun.output));
    QVERIFY(serverRun.has(SocketCall::Accept, CallPhase::Returned));
    QVERIFY(clientRun.has(SocketCall::Connect, CallPhase::Returned));
    QVERIFY(!clientRun.has(SocketCall::Accept, CallPhase::Returned));
    QVERIFY(!serverRun.has(SocketCall::Connect, CallPhase::Returned));
    bool clientNamed = false;
    for (const QString &id : clientSource.socketIds()) {
        QVERIFY2(!serverSource.contains(id), qPrintable(id + QStringLiteral(" is in both")));
        clientNamed |= clientSource.socket(id).name == QLatin1String("client_socket");
    }
    QVERIFY(clientNamed);
}

void TestWatchSource::theKernelSaysCloseWaitWhenTheServerNeverCloses()
{
    // What `ss` showed for the homework's first bug, now in the program's own table.
    const quint16 port = freePort();
    const QString server = StudentPrograms::write(m_dir, "noclose.py",
                                                  StudentPrograms::listening(port, 1) +
                                                      "conn, addr = server_socket.accept()\n"
                                                      "while conn.recv(1024):\n"
                                                      "    pass\n"
                                                      "time.sleep(60)\n");
    WatchSource source(&m_clock, &m_naming, SocketRole::Server);
    Run run(&source);
    QString error;
    QVERIFY(source.start(python3(), {server}, QString(), &error));
    QTRY_VERIFY_WITH_TIMEOUT(run.has(SocketCall::Accept, CallPhase::Blocked), 10000);
    const auto named = [&source](const QString &name) {
        for (const QString &id : source.socketIds()) {
            if (source.socket(id).name == name)
                return source.socket(id);
        }
        return SocketInfo();
    };
    QTRY_COMPARE(named(QStringLiteral("server_socket")).kernel.stateName(),
                 QStringLiteral("LISTEN"));
    QTcpSocket client;
    client.connectToHost(QStringLiteral("127.0.0.1"), port);
    QVERIFY(client.waitForConnected(5000));
    QTRY_COMPARE(named(QStringLiteral("conn")).kernel.stateName(), QStringLiteral("ESTABLISHED"));
    client.disconnectFromHost();
    QTRY_COMPARE(named(QStringLiteral("conn")).kernel.stateName(), QStringLiteral("CLOSE_WAIT"));
    source.stop();
    QTRY_COMPARE_WITH_TIMEOUT(run.finished.count(), 1, 10000);
}

void TestWatchSource::theKernelsSocketListIsAskedByInode()
{
    // Real sockets of this process, found as a watched program's are: by inode.
    const int listener = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in any{};
    any.sin_family = AF_INET;
    any.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    QCOMPARE(::bind(listener, reinterpret_cast<sockaddr *>(&any), sizeof any), 0);
    QCOMPARE(::listen(listener, 7), 0);
    const SocketAddress listening = SocketAddress::localOf(listener);
    const int client = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in to{};
    to.sin_family = AF_INET;
    to.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    to.sin_port = htons(listening.port());
    QCOMPARE(::connect(client, reinterpret_cast<sockaddr *>(&to), sizeof to), 0);
    QCOMPARE(::send(client, "forty bytes the server has not read yet.", 40, 0), ssize_t(40));
    // Bound: the kernel lists a UDP socket only once it has an address (as ss shows).
    const int udp = ::socket(AF_INET6, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    sockaddr_in6 loopback6{};
    loopback6.sin6_family = AF_INET6;
    loopback6.sin6_addr = in6addr_loopback;
    QCOMPARE(::bind(udp, reinterpret_cast<sockaddr *>(&loopback6), sizeof loopback6), 0);
    const int pid = int(::getpid());
    const quint64 listenerInode = SocketInodes::inodeOf(pid, listener);
    const quint64 clientInode = SocketInodes::inodeOf(pid, client);
    const quint64 udpInode = SocketInodes::inodeOf(pid, udp);
    QVERIFY(listenerInode && clientInode && udpInode);
    QCOMPARE(SocketInodes::inodeOf(pid, 0), quint64(0)); // stdin is no socket

    QHash<quint64, SocketDiag::Entry> found;
    QTRY_VERIFY((found = SocketDiag::query({listenerInode, clientInode, udpInode}),
                 found.value(listenerInode).kernel.acceptQueue == 1));
    const SocketDiag::Entry l = found.value(listenerInode);
    QCOMPARE(l.kernel.stateName(), QStringLiteral("LISTEN"));
    QCOMPARE(l.kernel.backlog, 7);
    QCOMPARE(l.local.port(), listening.port());
    QVERIFY(!l.peer.isValid());
    const SocketDiag::Entry c = found.value(clientInode);
    QCOMPARE(c.kernel.stateName(), QStringLiteral("ESTABLISHED"));
    QCOMPARE(c.peer.port(), listening.port());
    QCOMPARE(c.local, SocketAddress::localOf(client));
    QCOMPARE(c.kernel.source, KernelSample::Source::SockDiag);
    const SocketDiag::Entry u = found.value(udpInode);
    QCOMPARE(u.family, AF_INET6);
    QCOMPARE(u.protocol, int(IPPROTO_UDP));
    QCOMPARE(u.local, SocketAddress::localOf(udp));
    QVERIFY(!u.kernel.isAvailable()); // UDP has no state to show

    // Accepted, the bytes wait in the connection's receive queue.
    const int conn = ::accept4(listener, nullptr, nullptr, SOCK_CLOEXEC);
    const quint64 connInode = SocketInodes::inodeOf(pid, conn);
    found = SocketDiag::query({connInode, 12345678});
    QCOMPARE(found.size(), 1);
    QCOMPARE(found.value(connInode).kernel.receiveQueue, qint64(40));
    for (int fd : {listener, client, udp, conn})
        ::close(fd);
}

void TestWatchSource::printsArriveWhileTheProgramRunsAndInputReachesIt()
{
    // No flush: only a terminal makes Python print each line at once.
    const QString program = StudentPrograms::write(m_dir, "ask.py",
                                                   "print('name?')\n"
                                                   "name = input()\n"
                                                   "print(name[::-1])\n");
    WatchSource source(&m_clock, &m_naming, SocketRole::Server);
    Run run(&source);
    QString error;
    QVERIFY(source.start(python3(), {program}, QString(), &error));
    QTRY_VERIFY_WITH_TIMEOUT(run.output.contains(QLatin1String("name?\n")), 10000);
    QVERIFY(source.isRunning());
    source.writeInput("SocketLab\n");
    QTRY_COMPARE_WITH_TIMEOUT(run.finished.count(), 1, 10000);
    QVERIFY2(run.output.contains(QLatin1String("baLtekcoS\n")), qPrintable(run.output));
    QVERIFY2(!run.output.contains(QLatin1Char('\r')), "a terminal's \\r was kept");
}

void TestWatchSource::aTracebackIsTheEndingsReason()
{
    const quint16 port = freePort();
    const QString server = StudentPrograms::write(m_dir, "str.py",
                                                  "import socket\n"
                                                  "s = socket.socket()\n"
                                                  "s.bind(('127.0.0.1', " +
                                                      QByteArray::number(port) +
                                                      "))\n"
                                                      "s.listen()\n"
                                                      "conn, addr = s.accept()\n"
                                                      "data = conn.recv(1024)\n"
                                                      "conn.sendall(data.decode())\n");
    WatchSource source(&m_clock, &m_naming, SocketRole::Server);
    Run run(&source);
    QString error;
    QVERIFY(source.start(python3(), {server}, QString(), &error));
    QTRY_VERIFY_WITH_TIMEOUT(run.has(SocketCall::Accept, CallPhase::Blocked), 10000);
    QTcpSocket client;
    client.connectToHost(QStringLiteral("127.0.0.1"), port);
    QVERIFY(client.waitForConnected(5000));
    client.write("hi");
    QVERIFY(client.waitForBytesWritten(5000));
    QTRY_COMPARE_WITH_TIMEOUT(run.finished.count(), 1, 10000);
    QCOMPARE(run.finished.at(0).at(0).toInt(), 1);
    QCOMPARE(run.finished.at(0).at(1).toString(),
             QStringLiteral("exited with status 1 after TypeError: a bytes-like object is "
                            "required, not 'str' (str.py, line 7)"));
}

void TestWatchSource::stoppingEndsTheProgramAndWhatItForked()
{
    const QString pidFile = m_dir.filePath(QStringLiteral("child.pid"));
    const QString program = StudentPrograms::write(m_dir, "fork.py",
                                                   "import os, sys, time\n"
                                                   "pid = os.fork()\n"
                                                   "if pid == 0:\n"
                                                   "    time.sleep(60)\n"
                                                   "    sys.exit(0)\n"
                                                   "open(sys.argv[1], 'w').write(str(pid))\n"
                                                   "print('forked')\n"
                                                   "time.sleep(60)\n");
    WatchSource source(&m_clock, &m_naming, SocketRole::Server);
    Run run(&source);
    QString error;
    QVERIFY(source.start(python3(), {program, pidFile}, QString(), &error));
    QTRY_VERIFY_WITH_TIMEOUT(run.output.contains(QLatin1String("forked")), 10000);
    QFile f(pidFile);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const pid_t child = pid_t(f.readAll().toInt());
    QVERIFY(child > 0);
    QVERIFY(source.pid() > 0);
    source.stop();
    QTRY_COMPARE_WITH_TIMEOUT(run.finished.count(), 1, 10000);
    QCOMPARE(run.finished.at(0).at(0).toInt(), 128 + SIGKILL);
    QCOMPARE(run.finished.at(0).at(1).toString(), QStringLiteral("killed by signal 9 (SIGKILL)"));
    QVERIFY(!source.isRunning());
    // The forked child went too: nothing of the program is left running unwatched.
    // (Where nothing reaps orphans, as in a container, it stays a zombie: dead all the same.)
    QFile stat(QStringLiteral("/proc/%1/stat").arg(child));
    const bool gone = !stat.open(QIODevice::ReadOnly) ||
                      stat.readAll().split(')').value(1).trimmed().startsWith('Z');
    QVERIFY2(gone, "the forked child outlived the watch");
}

void TestWatchSource::whatCannotBeWatchedEndsWith125_data()
{
    QTest::addColumn<QString>("program");
    QTest::addColumn<QString>("directory");
    QTest::addColumn<QString>("ending");
    QTest::newRow("no such program") << "no-such-program-here" << QString()
                                     << "could not be watched (status 125): "
                                        "no-such-program-here: no such program";
    QTest::newRow("no such folder") << python3() << "/nonexistent/folder"
                                    << "could not be watched (status 125): "
                                       "/nonexistent/folder: no such folder";
}

void TestWatchSource::whatCannotBeWatchedEndsWith125()
{
    QFETCH(QString, program);
    QFETCH(QString, directory);
    QFETCH(QString, ending);
    WatchSource source(&m_clock, &m_naming, SocketRole::Server);
    Run run(&source);
    QString error;
    QVERIFY(
        source.start(program, {QStringLiteral("-c"), QStringLiteral("pass")}, directory, &error));
    QTRY_COMPARE_WITH_TIMEOUT(run.finished.count(), 1, 10000);
    QCOMPARE(run.finished.at(0).at(0).toInt(), 125);
    QCOMPARE(run.finished.at(0).at(1).toString(), ending);
    QVERIFY(run.events.isEmpty());
}

QTEST_GUILESS_MAIN(TestWatchSource)
#include "tst_watchsource.moc"
