// The TCP lifecycle through SocketSession over real loopback sockets: the course's
// "getting the flow" exercise, blocking, cancelling, bulk data and many clients.

#include "LoopbackSession.h"
#include "engine/ReceiveBufferPool.h"
#include "present/PythonForm.h"
#include "session/AutoServer.h"

#include <QCryptographicHash>
#include <QProcess>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTest>

#include <cerrno>
#include <memory>

#include <fcntl.h>
#include <netinet/in.h>
#include <sys/socket.h>

namespace {
// A python3 peer that sends COUNT random bytes from one thread while it reads the echo on
// another (so neither side's buffers fill), then prints both digests and how much came back.
const char echoCheckingClient[] = R"(
import hashlib, os, socket, sys, threading
s = socket.create_connection(('127.0.0.1', int(sys.argv[1])))
payload = os.urandom(int(sys.argv[2]))
def send():
    s.sendall(payload)
    s.shutdown(socket.SHUT_WR)
t = threading.Thread(target=send)
t.start()
got = bytearray()
while True:
    chunk = s.recv(1 << 16)
    if not chunk:
        break
    got += chunk
t.join()
print(hashlib.sha256(payload).hexdigest(), hashlib.sha256(got).hexdigest(), len(got))
)";
} // namespace

class TestSocketLifecycle : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void wholeFlow();
    void acceptBlocksUntilClientConnects();
    void recvBlocksUntilDataArrives();
    void recvReturnsZeroAfterPeerCloses();
    void recvSplitsOneMessage();
    void sendRunsWhileRecvWaits();
    void secondCallTheSameWayIsRefused();
    void sendAllTenMebibytesArrivesIntact();
    void receiveBuffersComeBackOnceReleased();
    void echoKeepsEveryByteWhenEventsCarryAPreview();
    void closeCancelsBlockedCall_data();
    void closeCancelsBlockedCall();
    void quittingWithBlockedCallsDoesNotWaitForThem();
    void twoHundredConcurrentClients();
    void chatRelaysToEveryOtherClient();
    void connectByNameUsesTheResolvedAddress();
    void viewsHearOfEachChangedSocketsLatestState();

private:
    std::unique_ptr<LoopbackSession> m_lab;
    SocketSession *m_session = nullptr;
    EventRecorder *m_events = nullptr;
};

void TestSocketLifecycle::init()
{
    m_lab = std::make_unique<LoopbackSession>();
    m_session = &m_lab->session();
    m_events = &m_lab->events();
}

void TestSocketLifecycle::cleanup()
{
    m_lab.reset();
}

void TestSocketLifecycle::wholeFlow()
{
    quint16 port = 0;
    const QString server = m_lab->listeningServer(1, &port);
    QCOMPARE(server, QStringLiteral("server#1"));
    QCOMPARE(m_session->socket(server).state, SocketState::Listening);

    QVERIFY(m_session->accept(server).isEmpty());
    QVERIFY(m_events->waitFor(server, SocketCall::Accept, CallPhase::Blocked).call ==
            SocketCall::Accept);
    QTRY_VERIFY(m_session->socket(server).blocked);

    const QString client = m_lab->connectedClient(port);
    QCOMPARE(client, QStringLiteral("client#1"));
    const SocketEvent accepted = m_events->waitForEnd(server, SocketCall::Accept);
    QCOMPARE(accepted.phase, CallPhase::Returned);
    const QString conn = accepted.result.toMap().value(QStringLiteral("socket")).toString();
    QCOMPARE(conn, QStringLiteral("conn#1"));
    const SocketInfo connInfo = m_session->socket(conn);
    QCOMPARE(connInfo.state, SocketState::Connected);
    QCOMPARE(connInfo.parentId, server);
    QCOMPARE(connInfo.peer, m_session->socket(client).local);
    QCOMPARE(connInfo.local.port(), port);

    const QByteArray question("Hey, can you hear me?");
    m_session->sendAll(client, question);
    QCOMPARE(m_events->waitForEnd(client, SocketCall::SendAll).byteCount, qint64(21));
    m_session->recv(conn, 4096);
    const SocketEvent heard = m_events->waitForEnd(conn, SocketCall::Recv);
    QCOMPARE(heard.data, question);
    QCOMPARE(heard.byteCount, qint64(21));

    const QByteArray answer("Yes, I can hear you.");
    m_session->sendAll(conn, answer);
    QCOMPARE(m_events->waitForEnd(conn, SocketCall::SendAll).phase, CallPhase::Returned);
    m_session->recv(client, 4096);
    QCOMPARE(m_events->waitForEnd(client, SocketCall::Recv).data, answer);

    m_session->close(conn);
    QCOMPARE(m_events->waitForEnd(conn, SocketCall::Close).phase, CallPhase::Returned);
    m_session->recv(client, 4096);
    const SocketEvent eof = m_events->waitForEnd(client, SocketCall::Recv);
    QCOMPARE(eof.phase, CallPhase::Returned);
    QCOMPARE(eof.byteCount, qint64(0));
    QTRY_COMPARE(m_session->socket(client).state, SocketState::PeerClosed);

    m_session->close(client);
    m_session->close(server);
    QCOMPARE(m_events->waitForEnd(server, SocketCall::Close).phase, CallPhase::Returned);
    QCOMPARE(m_session->socket(client).state, SocketState::Closed);
    QCOMPARE(m_session->socket(server).state, SocketState::Closed);
    QCOMPARE(m_session->socket(client).bytesSent, qint64(21));
    QCOMPARE(m_session->socket(client).bytesReceived, qint64(20));

    // Events are numbered in order and their clock never runs backwards.
    const QVector<SocketEvent> &all = m_events->events();
    for (int i = 1; i < all.size(); ++i) {
        QCOMPARE(all.at(i).seq, all.at(i - 1).seq + 1);
        QVERIFY(all.at(i).tMs >= all.at(i - 1).tMs);
    }
}

void TestSocketLifecycle::acceptBlocksUntilClientConnects()
{
    quint16 port = 0;
    const QString server = m_lab->listeningServer(1, &port);
    m_session->accept(server);
    m_events->waitFor(server, SocketCall::Accept, CallPhase::Blocked);
    QTest::qWait(100);
    QVERIFY(!m_events->has(server, SocketCall::Accept, CallPhase::Returned));
    QCOMPARE(m_session->socket(server).callInProgress, SocketCall::Accept);

    m_lab->connectedClient(port);
    QCOMPARE(m_events->waitForEnd(server, SocketCall::Accept).phase, CallPhase::Returned);
    QCOMPARE(m_session->socket(server).callInProgress, SocketCall::None);
}

void TestSocketLifecycle::recvBlocksUntilDataArrives()
{
    QString client, conn;
    QVERIFY(m_lab->connectedPair(&client, &conn));
    m_session->recv(conn, 4096);
    m_events->waitFor(conn, SocketCall::Recv, CallPhase::Blocked);
    QTest::qWait(100);
    QVERIFY(!m_events->has(conn, SocketCall::Recv, CallPhase::Returned));

    m_session->sendAll(client, "ping");
    const SocketEvent got = m_events->waitForEnd(conn, SocketCall::Recv);
    QCOMPARE(got.phase, CallPhase::Returned);
    QCOMPARE(got.data, QByteArray("ping"));
}

void TestSocketLifecycle::recvReturnsZeroAfterPeerCloses()
{
    QString client, conn;
    QVERIFY(m_lab->connectedPair(&client, &conn));
    m_session->recv(conn, 4096);
    m_events->waitFor(conn, SocketCall::Recv, CallPhase::Blocked);
    m_session->close(client);
    const SocketEvent eof = m_events->waitForEnd(conn, SocketCall::Recv);
    QCOMPARE(eof.phase, CallPhase::Returned);
    QCOMPARE(eof.byteCount, qint64(0));
    QVERIFY(eof.data.isEmpty());
    QTRY_COMPARE(m_session->socket(conn).state, SocketState::PeerClosed);
}

void TestSocketLifecycle::sendRunsWhileRecvWaits()
{
    // A socket is full duplex: a chat server's second thread sends while recv() waits.
    QString client, conn;
    QVERIFY(m_lab->connectedPair(&client, &conn));
    m_session->recv(conn, 4096);
    m_events->waitFor(conn, SocketCall::Recv, CallPhase::Blocked);
    QCOMPARE(m_session->sendAll(conn, "news while you wait"), QString());
    const SocketEvent sent = m_events->waitForEnd(conn, SocketCall::SendAll);
    QCOMPARE(sent.phase, CallPhase::Returned);
    QVERIFY(m_session->socket(conn).blocked); // the recv is still waiting
    QCOMPARE(m_session->socket(conn).callInProgress, SocketCall::Recv);

    m_session->recv(client, 4096);
    QCOMPARE(m_events->waitForEnd(client, SocketCall::Recv).data,
             QByteArray("news while you wait"));
    m_session->sendAll(client, "reply");
    const SocketEvent got = m_events->waitForEnd(conn, SocketCall::Recv);
    QCOMPARE(got.phase, CallPhase::Returned);
    QCOMPARE(got.data, QByteArray("reply"));
    QTRY_VERIFY(!m_session->socket(conn).isBusy());
}

void TestSocketLifecycle::secondCallTheSameWayIsRefused()
{
    QString client, conn;
    QVERIFY(m_lab->connectedPair(&client, &conn));
    m_session->recv(conn, 4096);
    m_events->waitFor(conn, SocketCall::Recv, CallPhase::Blocked);
    QCOMPARE(m_session->recv(conn, 10),
             QStringLiteral("recv() is still running on %1; wait for it to return, or close the "
                            "socket to cancel it.")
                 .arg(conn));
    QVERIFY(m_session->shutdown(conn, SHUT_WR).contains(QStringLiteral("recv() is still")));

    // A sendall that cannot finish (the client reads nothing) keeps the send side busy.
    QCOMPARE(m_session->sendAll(conn, QByteArray(64 * 1024 * 1024, 'x')), QString());
    m_events->waitFor(conn, SocketCall::SendAll, CallPhase::Blocked);
    QTRY_VERIFY(m_session->socket(conn).duplexBlocked);
    QCOMPARE(m_session->send(conn, "more"),
             QStringLiteral("sendall() is still running on %1; wait for it to return, or close "
                            "the socket to cancel it.")
                 .arg(conn));

    // Closing cancels both: the log says so for each call.
    m_session->close(conn);
    QCOMPARE(m_events->waitForEnd(conn, SocketCall::SendAll).error.kind(),
             CallError::Kind::Cancelled);
    QCOMPARE(m_events->waitForEnd(conn, SocketCall::Recv).error.kind(), CallError::Kind::Cancelled);
    QCOMPARE(m_events->waitForEnd(conn, SocketCall::Close).phase, CallPhase::Returned);
}

void TestSocketLifecycle::recvSplitsOneMessage()
{
    QString client, conn;
    QVERIFY(m_lab->connectedPair(&client, &conn));
    m_session->sendAll(client, "Hey, can you hear me?");
    m_events->waitForEnd(client, SocketCall::SendAll);

    m_session->recv(conn, 16);
    const SocketEvent first = m_events->waitForEnd(conn, SocketCall::Recv);
    QCOMPARE(first.data, QByteArray("Hey, can you hea"));
    m_session->recv(conn, 16);
    const SocketEvent second = m_events->waitForEnd(conn, SocketCall::Recv);
    QCOMPARE(second.data, QByteArray("r me?"));
    QCOMPARE(second.byteCount, qint64(5));
}

void TestSocketLifecycle::sendAllTenMebibytesArrivesIntact()
{
    QString client, conn;
    QVERIFY(m_lab->connectedPair(&client, &conn));
    QByteArray payload(10 * 1024 * 1024, Qt::Uninitialized);
    QRandomGenerator generator(20261122);
    generator.fillRange(reinterpret_cast<quint32 *>(payload.data()), payload.size() / 4);

    QByteArray received;
    connect(m_session, &SocketSession::eventOccurred, this, [&](const SocketEvent &e) {
        if (e.socketId != conn || e.call != SocketCall::Recv || e.phase != CallPhase::Returned)
            return;
        received += e.data;
        if (e.byteCount > 0 && received.size() < payload.size())
            m_session->recv(conn, 65536);
    });
    m_session->sendAll(client, payload);
    m_session->recv(conn, 65536);
    QTRY_COMPARE_WITH_TIMEOUT(received.size(), payload.size(), 30000);
    const SocketEvent sent = m_events->waitForEnd(client, SocketCall::SendAll, 30000);
    QCOMPARE(sent.phase, CallPhase::Returned);
    QCOMPARE(sent.byteCount, qint64(payload.size()));
    QCOMPARE(QCryptographicHash::hash(received, QCryptographicHash::Sha256),
             QCryptographicHash::hash(payload, QCryptographicHash::Sha256));
    QCOMPARE(m_session->socket(conn).bytesReceived, qint64(payload.size()));
}

void TestSocketLifecycle::receiveBuffersComeBackOnceReleased()
{
    ReceiveBufferPool pool;
    QByteArray first = pool.take(65536);
    QCOMPARE(first.size(), 65536);
    const char *memory = first.constData();
    first.fill('a', 40000);
    QByteArray passedOn = pool.finish(std::move(first), 40000);
    // A long chunk is passed on as it is, not copied.
    QCOMPARE(passedOn, QByteArray(40000, 'a'));
    QCOMPARE(passedOn.constData(), memory);

    // Still held (by an event, say): the next recv gets other memory.
    QByteArray second = pool.take(65536);
    QVERIFY(second.constData() != memory);
    pool.finish(std::move(second), 0);

    passedOn = QByteArray();
    QByteArray third = pool.take(65536);
    QCOMPARE(third.constData(), memory);
    QCOMPARE(third.size(), 65536);
    third.fill('b', 5);
    // A short chunk is copied out, so keeping it does not pin 64 KiB.
    const QByteArray shortChunk = pool.finish(std::move(third), 5);
    QCOMPARE(shortChunk, QByteArray("bbbbb"));
    QVERIFY(shortChunk.constData() != memory);
    QVERIFY(shortChunk.capacity() < 1024);
    QCOMPARE(pool.take(4096).constData(), memory);
}

void TestSocketLifecycle::echoKeepsEveryByteWhenEventsCarryAPreview()
{
    // As socketlab-cli serve runs: its log reads only a line's preview of each chunk.
    const qint64 limit = PythonForm::previewBytes + 1;
    m_session->setEventDataLimit(limit);
    quint16 port = 0;
    const QString server = m_lab->listeningServer(1, &port);
    AutoServer echo(m_session);
    echo.setMaxClients(1);
    QSignalSpy finished(&echo, &AutoServer::finished);
    QVERIFY(echo.serve(server, ServerMode::Echo).isEmpty());

    QProcess peer;
    peer.start(QStringLiteral("python3"),
               {QStringLiteral("-c"), QString::fromLatin1(echoCheckingClient),
                QString::number(port), QString::number(8 * 1024 * 1024)});
    QVERIFY(peer.waitForStarted());
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30000);
    // (waitForFinished() is false for a process that has already ended.)
    QTRY_COMPARE_WITH_TIMEOUT(peer.state(), QProcess::NotRunning, 30000);
    const QList<QByteArray> answer = peer.readAllStandardOutput().trimmed().split(' ');
    QCOMPARE(answer.size(), 3);
    QCOMPARE(answer.at(2), QByteArray::number(8 * 1024 * 1024));
    QCOMPARE(answer.at(1), answer.at(0));

    qint64 received = 0;
    int cut = 0;
    for (const SocketEvent &e : m_events->events()) {
        QVERIFY2(e.data.size() <= limit, qPrintable(QString::number(e.data.size())));
        if (e.role == SocketRole::Connection && e.call == SocketCall::Recv &&
            e.phase == CallPhase::Returned) {
            received += e.byteCount;
            if (e.byteCount > limit) {
                ++cut;
                QCOMPARE(e.data.size(), limit);
            } else {
                QCOMPARE(e.data.size(), e.byteCount);
            }
        }
    }
    QCOMPARE(received, qint64(8 * 1024 * 1024));
    QVERIFY(cut > 0);
}

void TestSocketLifecycle::closeCancelsBlockedCall_data()
{
    QTest::addColumn<bool>("onRecv");
    QTest::newRow("accept") << false;
    QTest::newRow("recv") << true;
}

void TestSocketLifecycle::closeCancelsBlockedCall()
{
    QFETCH(bool, onRecv);
    QString blockedId;
    SocketCall call;
    if (onRecv) {
        QString client;
        QVERIFY(m_lab->connectedPair(&client, &blockedId));
        call = SocketCall::Recv;
        m_session->recv(blockedId, 4096);
    } else {
        quint16 port = 0;
        blockedId = m_lab->listeningServer(1, &port);
        call = SocketCall::Accept;
        m_session->accept(blockedId);
    }
    m_events->waitFor(blockedId, call, CallPhase::Blocked);
    QTRY_VERIFY(m_session->socket(blockedId).blocked);

    // Nobody connects and nothing is sent: the call ends only because close cancels it.
    // (How long that takes is bench/cancel_latency's business, not a unit test's.)
    QVERIFY(m_session->close(blockedId).isEmpty());
    const SocketEvent cancelled = m_events->waitForEnd(blockedId, call);
    QCOMPARE(cancelled.phase, CallPhase::Failed);
    QCOMPARE(cancelled.error.kind(), CallError::Kind::Cancelled);
    QCOMPARE(m_events->waitForEnd(blockedId, SocketCall::Close).phase, CallPhase::Returned);
    QCOMPARE(m_session->socket(blockedId).state, SocketState::Closed);
}

void TestSocketLifecycle::quittingWithBlockedCallsDoesNotWaitForThem()
{
    QString client, conn;
    QVERIFY(m_lab->connectedPair(&client, &conn));
    quint16 port = 0;
    const QString server = m_lab->listeningServer(1, &port);
    m_session->accept(server);
    m_session->recv(conn, 100);
    m_session->recv(client, 100);
    m_events->waitFor(client, SocketCall::Recv, CallPhase::Blocked);

    // None of the three calls would ever return by itself: if destroying the session waited
    // for them, this would hang. Their fds are closed, so the peer sees the end.
    const int clientFd = m_session->socket(client).fd;
    QVERIFY(clientFd >= 0);
    m_lab.reset();
    QCOMPARE(::fcntl(clientFd, F_GETFD), -1);
    QCOMPARE(errno, EBADF);
}

void TestSocketLifecycle::twoHundredConcurrentClients()
{
    constexpr int clients = 200;
    quint16 port = 0;
    const QString server = m_lab->listeningServer(clients, &port);
    AutoServer echo(m_session);
    echo.setMaxClients(clients);
    QSignalSpy finished(&echo, &AutoServer::finished);
    QVERIFY(finished.isValid());
    QVERIFY(echo.serve(server, ServerMode::Echo).isEmpty());

    QHash<QString, QByteArray> expected;
    QHash<QString, QByteArray> echoed;
    int closed = 0;
    connect(m_session, &SocketSession::eventOccurred, this, [&](const SocketEvent &e) {
        if (!expected.contains(e.socketId) || e.phase != CallPhase::Returned)
            return;
        if (e.call == SocketCall::Socket) {
            m_session->connectTo(e.socketId, QStringLiteral("127.0.0.1"), port);
        } else if (e.call == SocketCall::Connect) {
            m_session->sendAll(e.socketId, expected.value(e.socketId));
        } else if (e.call == SocketCall::SendAll) {
            m_session->recv(e.socketId, 4096);
        } else if (e.call == SocketCall::Recv) {
            echoed[e.socketId] += e.data;
            if (echoed[e.socketId].size() < expected[e.socketId].size())
                m_session->recv(e.socketId, 4096);
            else
                m_session->close(e.socketId);
        } else if (e.call == SocketCall::Close) {
            ++closed;
        }
    });
    for (int i = 0; i < clients; ++i) {
        QString id;
        m_session->createSocket(SocketRole::Client, AF_INET, SOCK_STREAM, 0, &id);
        expected.insert(id, QStringLiteral("hello from client %1").arg(i).toUtf8());
    }
    QTRY_COMPARE_WITH_TIMEOUT(closed, clients, 20000);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 20000);
    QCOMPARE(echo.status().served, clients);
    for (auto it = expected.constBegin(); it != expected.constEnd(); ++it)
        QCOMPARE(echoed.value(it.key()), it.value());
}

void TestSocketLifecycle::chatRelaysToEveryOtherClient()
{
    quint16 port = 0;
    const QString server = m_lab->listeningServer(8, &port);
    AutoServer chat(m_session);
    QVERIFY(chat.serve(server, ServerMode::Chat).isEmpty());
    QStringList clients;
    for (int i = 0; i < 3; ++i) {
        clients.append(m_lab->connectedClient(port));
        QVERIFY(!clients.last().isEmpty());
        QTRY_COMPARE(chat.status().open, i + 1);
    }
    for (const QString &id : clients)
        m_session->recv(id, 4096);
    m_session->sendAll(clients.at(0), "hello, all");
    QCOMPARE(m_events->waitForEnd(clients.at(1), SocketCall::Recv).data, QByteArray("hello, all"));
    QCOMPARE(m_events->waitForEnd(clients.at(2), SocketCall::Recv).data, QByteArray("hello, all"));
    // The sender does not get its own words back.
    QTest::qWait(200);
    QVERIFY(!m_events->has(clients.at(0), SocketCall::Recv, CallPhase::Returned));

    // Every relayed message was a sendall beside a waiting recv on the server's side.
    int sendsBesideRecv = 0;
    QSet<QString> recvWaiting;
    for (const SocketEvent &e : m_events->events()) {
        if (e.role != SocketRole::Connection)
            continue;
        if (e.call == SocketCall::Recv && e.phase == CallPhase::Started)
            recvWaiting.insert(e.socketId);
        else if (e.call == SocketCall::Recv && e.phase != CallPhase::Blocked)
            recvWaiting.remove(e.socketId);
        else if (e.call == SocketCall::SendAll && e.phase == CallPhase::Returned &&
                 recvWaiting.contains(e.socketId))
            ++sendsBesideRecv;
    }
    QCOMPARE(sendsBesideRecv, 2);

    // One leaves; the others go on talking.
    m_session->close(clients.at(2));
    QTRY_COMPARE(chat.status().open, 2);
    m_session->sendAll(clients.at(1), "still here");
    QCOMPARE(m_events->waitForEnd(clients.at(0), SocketCall::Recv).data, QByteArray("still here"));
}

void TestSocketLifecycle::connectByNameUsesTheResolvedAddress()
{
    quint16 port = 0;
    QVERIFY(!m_lab->listeningServer(1, &port).isEmpty());
    QString client;
    m_session->createSocket(SocketRole::Client, AF_INET, SOCK_STREAM, 0, &client);
    m_events->waitForEnd(client, SocketCall::Socket);
    QVERIFY(m_session->connectTo(client, QStringLiteral("localhost"), port).isEmpty());
    const SocketEvent connected = m_events->waitForEnd(client, SocketCall::Connect);
    QCOMPARE(connected.phase, CallPhase::Returned);
    QCOMPARE(connected.args.value(QStringLiteral("resolved")).toString(),
             QStringLiteral("127.0.0.1"));
    QCOMPARE(PythonForm::statement(connected),
             QStringLiteral("client_socket.connect(('localhost', %1))").arg(port));
    QCOMPARE(PythonForm::outcome(connected), QStringLiteral("None  (localhost → 127.0.0.1)"));
    QCOMPARE(m_session->socket(client).peer.host(), QStringLiteral("127.0.0.1"));
}

QTEST_GUILESS_MAIN(TestSocketLifecycle)
void TestSocketLifecycle::viewsHearOfEachChangedSocketsLatestState()
{
    // Fifty sockets, each made and bound at once: every one changes several times within a
    // frame. The views hear of each in the end, with the state it has now.
    QHash<QString, SocketInfo> announced;
    int announcements = 0;
    connect(m_session, &SocketSession::socketChanged, this, [&](const SocketInfo &info) {
        announced.insert(info.id, info);
        ++announcements;
    });
    QStringList ids;
    for (int i = 0; i < 50; ++i) {
        QString id;
        QCOMPARE(m_session->createSocket(SocketRole::Server, AF_INET, SOCK_STREAM, 0, &id),
                 QString());
        ids.append(id);
    }
    for (const QString &id : ids)
        m_events->waitForEnd(id, SocketCall::Socket);
    for (const QString &id : ids)
        m_session->bind(id, QStringLiteral("127.0.0.1"), 0);
    for (const QString &id : ids)
        QCOMPARE(m_events->waitForEnd(id, SocketCall::Bind).phase, CallPhase::Returned);
    QTRY_VERIFY(std::all_of(ids.cbegin(), ids.cend(), [&](const QString &id) {
        return announced.value(id).state == SocketState::Bound;
    }));
    for (const QString &id : ids)
        QCOMPARE(announced.value(id).local, m_session->socket(id).local);
    // Each socket's snapshot came twice per call (started, returned), four times in all; the
    // views heard of it fewer times than that.
    QVERIFY2(announcements < 4 * 50, qPrintable(QString::number(announcements)));
}

#include "tst_socketlifecycle.moc"
