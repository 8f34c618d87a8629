// SPDX-License-Identifier: MIT
// Things going wrong over loopback, with peers nobody here wrote where it matters:
// resets from python3 with SO_LINGER 0, a connect the kernel leaves hanging, an address
// not on this machine, running out of file descriptors, and a 100 MB flood into the log.

#include "LoopbackSession.h"
#include "session/EventLog.h"

#include <QCryptographicHash>
#include <QProcess>
#include <QTest>

#include <sys/resource.h>

namespace {
// A python3 peer that connects to PORT, optionally sends, and resets the connection when
// the test writes a line to its stdin.
const char resettingClient[] = R"(
import socket, struct, sys
s = socket.create_connection(('127.0.0.1', int(sys.argv[1])))
s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack('ii', 1, 0))
if len(sys.argv) > 2:
    s.sendall(sys.argv[2].encode())
sys.stdin.readline()
s.close()
)";

// A python3 peer that sends COUNT random bytes and prints their SHA-256.
const char floodingClient[] = R"(
import hashlib, os, socket, sys
s = socket.create_connection(('127.0.0.1', int(sys.argv[1])))
h = hashlib.sha256()
left = int(sys.argv[2])
while left:
    chunk = os.urandom(min(left, 1 << 20))
    s.sendall(chunk)
    h.update(chunk)
    left -= len(chunk)
s.close()
print(h.hexdigest(), flush=True)
)";
// True once the process has ended (waitForFinished alone is false if it already had).
bool ended(QProcess &p, int ms)
{
    return p.state() == QProcess::NotRunning || p.waitForFinished(ms);
}
} // namespace

class TestFaults : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void peerResetDuringRecv();
    void peerResetDuringSend();
    void peerClosesMidMessage();
    void hangingConnectIsCancelledByClose();
    void bindToAnAddressNotOnThisMachine();
    void runningOutOfFileDescriptors();
    void hundredMegabytesIntoTheLog();

private:
    QString acceptFrom(QProcess &peer, const QStringList &args, const char *script);

    std::unique_ptr<LoopbackSession> m_lab;
    QString m_server;
    quint16 m_port = 0;
};

void TestFaults::init()
{
    m_lab = std::make_unique<LoopbackSession>();
    m_server = m_lab->listeningServer(4, &m_port);
    QVERIFY(!m_server.isEmpty());
}

void TestFaults::cleanup()
{
    m_lab.reset();
}

QString TestFaults::acceptFrom(QProcess &peer, const QStringList &args, const char *script)
{
    peer.start(
        QStringLiteral("python3"),
        QStringList{QStringLiteral("-c"), QString::fromLatin1(script), QString::number(m_port)} +
            args);
    m_lab->session().accept(m_server);
    const SocketEvent accepted = m_lab->events().waitForEnd(m_server, SocketCall::Accept, 10000);
    return accepted.result.toMap().value(QStringLiteral("socket")).toString();
}

void TestFaults::peerResetDuringRecv()
{
    QProcess peer;
    const QString conn = acceptFrom(peer, {}, resettingClient);
    QVERIFY(!conn.isEmpty());
    m_lab->session().recv(conn, 4096);
    m_lab->events().waitFor(conn, SocketCall::Recv, CallPhase::Blocked);
    peer.write("reset now\n");
    const SocketEvent e = m_lab->events().waitForEnd(conn, SocketCall::Recv, 10000);
    QCOMPARE(e.phase, CallPhase::Failed);
    QCOMPARE(e.error.name(), QStringLiteral("ECONNRESET"));
    QVERIFY(e.error.hint().contains(QStringLiteral("SO_LINGER 0")));
    QCOMPARE(m_lab->session().socket(conn).state, SocketState::Failed);
    QVERIFY(m_lab->session().whyInvalid(conn, SocketCall::Close).isEmpty());
    ended(peer, 5000);
}

void TestFaults::peerResetDuringSend()
{
    QProcess peer;
    const QString conn = acceptFrom(peer, {}, resettingClient);
    QVERIFY(!conn.isEmpty());
    peer.write("reset now\n");
    QVERIFY(ended(peer, 5000));
    // The peer is gone with a reset: a big sendall fails instead of killing us (no SIGPIPE).
    m_lab->session().sendAll(conn, QByteArray(8 * 1024 * 1024, 'x'));
    const SocketEvent e = m_lab->events().waitForEnd(conn, SocketCall::SendAll, 10000);
    QCOMPARE(e.phase, CallPhase::Failed);
    QVERIFY2(e.error.name() == QLatin1String("ECONNRESET") ||
                 e.error.name() == QLatin1String("EPIPE"),
             qPrintable(e.error.name()));
}

void TestFaults::peerClosesMidMessage()
{
    // The peer sends part of what it meant to and closes: recv gets the part, then 0 bytes.
    QProcess peer;
    peer.start(
        QStringLiteral("python3"),
        {QStringLiteral("-c"),
         QStringLiteral(
             "import socket,sys; s=socket.create_connection(('127.0.0.1',int(sys.argv[1]))); "
             "s.sendall(b'GET / HTTP/1.0\\r\\nHost: exa'); s.close()"),
         QString::number(m_port)});
    m_lab->session().accept(m_server);
    const QString conn = m_lab->events()
                             .waitForEnd(m_server, SocketCall::Accept, 10000)
                             .result.toMap()
                             .value(QStringLiteral("socket"))
                             .toString();
    QVERIFY(ended(peer, 5000));
    QByteArray got;
    for (int i = 0; i < 10; ++i) {
        m_lab->session().recv(conn, 4096);
        const SocketEvent e = m_lab->events().waitForEnd(conn, SocketCall::Recv, 5000);
        QCOMPARE(e.phase, CallPhase::Returned);
        if (e.byteCount == 0)
            break;
        got += e.data;
    }
    QCOMPARE(got, QByteArray("GET / HTTP/1.0\r\nHost: exa"));
    QCOMPARE(m_lab->session().socket(conn).state, SocketState::PeerClosed);
}

void TestFaults::hangingConnectIsCancelledByClose()
{
    // A full accept queue makes Linux drop further SYNs: that connect hangs, on loopback.
    SocketSession &s = m_lab->session();
    quint16 port = 0;
    const QString tiny = m_lab->listeningServer(0, &port);
    QStringList clients;
    for (int i = 0; i < 3; ++i) {
        QString id;
        s.createSocket(SocketRole::Client, AF_INET, SOCK_STREAM, 0, &id);
        m_lab->events().waitForEnd(id, SocketCall::Socket);
        s.connectTo(id, QStringLiteral("127.0.0.1"), port);
        clients << id;
    }
    QString hanging;
    QTRY_VERIFY_WITH_TIMEOUT(([&] {
                                 for (const QString &id : clients) {
                                     if (s.socket(id).kernel.stateName() ==
                                         QLatin1String("SYN_SENT"))
                                         hanging = id;
                                 }
                                 return !hanging.isEmpty();
                             }()),
                             5000);
    // The handshake would wait for its SYN's retries (minutes): close cancels it instead.
    s.close(hanging);
    const SocketEvent cancelled = m_lab->events().waitForEnd(hanging, SocketCall::Connect);
    QCOMPARE(cancelled.phase, CallPhase::Failed);
    QCOMPARE(cancelled.error.kind(), CallError::Kind::Cancelled);
    Q_UNUSED(tiny)
}

void TestFaults::bindToAnAddressNotOnThisMachine()
{
    // 192.0.2.1 is reserved for documentation: never assigned, and bind sends nothing.
    QString id;
    m_lab->session().createSocket(SocketRole::Server, AF_INET, SOCK_STREAM, 0, &id);
    m_lab->events().waitForEnd(id, SocketCall::Socket);
    m_lab->session().bind(id, QStringLiteral("192.0.2.1"), 0);
    const SocketEvent e = m_lab->events().waitForEnd(id, SocketCall::Bind);
    QCOMPARE(e.error.name(), QStringLiteral("EADDRNOTAVAIL"));
    QVERIFY(e.error.hint().contains(QStringLiteral("not an address of this machine")));
}

void TestFaults::runningOutOfFileDescriptors()
{
    rlimit old{};
    QCOMPARE(::getrlimit(RLIMIT_NOFILE, &old), 0);
    rlimit lower = old;
    lower.rlim_cur = 64;
    QCOMPARE(::setrlimit(RLIMIT_NOFILE, &lower), 0);
    SocketSession &s = m_lab->session();
    QStringList made;
    SocketEvent last;
    for (int i = 0; i < 100 && last.phase != CallPhase::Failed; ++i) {
        QString id;
        s.createSocket(SocketRole::Client, AF_INET, SOCK_STREAM, 0, &id);
        last = m_lab->events().waitForEnd(id, SocketCall::Socket);
        made << id;
    }
    QCOMPARE(last.phase, CallPhase::Failed);
    QCOMPARE(last.error.name(), QStringLiteral("EMFILE"));
    QVERIFY(last.error.hint().contains(QStringLiteral("Too many open files")));
    // Closing sockets frees descriptors: the session keeps working.
    for (int i = 0; i < 10; ++i)
        s.close(made.at(i));
    m_lab->events().waitForEnd(made.at(9), SocketCall::Close);
    QString fresh;
    s.createSocket(SocketRole::Client, AF_INET, SOCK_STREAM, 0, &fresh);
    const SocketEvent ok = m_lab->events().waitForEnd(fresh, SocketCall::Socket);
    QCOMPARE(::setrlimit(RLIMIT_NOFILE, &old), 0);
    QCOMPARE(ok.phase, CallPhase::Returned);
}

void TestFaults::hundredMegabytesIntoTheLog()
{
    constexpr qint64 total = 100 * 1000 * 1000;
    EventLog log; // default caps: 64 KiB per event, 64 MiB in all
    connect(&m_lab->session(), &SocketSession::eventOccurred, &log, &EventLog::append);
    QProcess peer;
    const QString conn = acceptFrom(peer, {QString::number(total)}, floodingClient);
    QVERIFY(!conn.isEmpty());
    QCryptographicHash hash(QCryptographicHash::Sha256);
    qint64 received = 0;
    bool done = false;
    connect(&m_lab->session(), &SocketSession::eventOccurred, this, [&](const SocketEvent &e) {
        if (e.socketId != conn || e.call != SocketCall::Recv || e.phase != CallPhase::Returned)
            return;
        hash.addData(e.data);
        received += e.byteCount;
        if (e.byteCount == 0)
            done = true;
        else
            m_lab->session().recv(conn, 65536);
    });
    m_lab->session().recv(conn, 65536);
    QTRY_VERIFY_WITH_TIMEOUT(done, 120000);
    QVERIFY(ended(peer, 10000));
    QCOMPARE(received, total);
    QCOMPARE(QString::fromLatin1(hash.result().toHex()),
             QString::fromLatin1(peer.readAllStandardOutput().trimmed()));
    QVERIFY(log.keptBytes() <= EventLog::defaultTotalCap);
    qint64 counted = 0;
    for (const SocketEvent &e : log.events()) {
        if (e.socketId == conn && e.call == SocketCall::Recv && e.phase == CallPhase::Returned)
            counted += e.byteCount;
    }
    QCOMPARE(counted, total);
}

QTEST_GUILESS_MAIN(TestFaults)
#include "tst_faults.moc"
