// The TCP lifecycle through SocketSession over real loopback sockets: the course's
// "getting the flow" exercise, blocking and cancelling, errors, and many clients.

#include "AutoServer.h"
#include "EventRecorder.h"
#include "SocketSession.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTest>

#include <memory>

#include <netinet/in.h>

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
    void sendAllTenMebibytesArrivesIntact();
    void connectToClosedPortIsRefused();
    void secondBindIsAddressInUse();
    void reuseAddressIsSetAndLogged();
    void invalidAddressIsAClearError_data();
    void invalidAddressIsAClearError();
    void closeCancelsBlockedCall_data();
    void closeCancelsBlockedCall();
    void sendAfterPeerClosedIsEpipeNotSigpipe();
    void rulesRefuseInvalidCallsUnlessAllowed();
    void invalidCallReachesKernelWhenAllowed();
    void quittingWithBlockedCallsIsImmediate();
    void twoHundredConcurrentClients();

private:
    // A listener on 127.0.0.1 with a kernel-chosen port.
    QString listeningServer(int backlog, quint16 *port);
    QString connectedClient(quint16 port);
    // A client and the server-side connection socket for it.
    void connectedPair(QString *client, QString *conn);

    std::unique_ptr<SocketSession> m_session;
    std::unique_ptr<EventRecorder> m_events;
};

void TestSocketLifecycle::init()
{
    m_session = std::make_unique<SocketSession>();
    m_events = std::make_unique<EventRecorder>(m_session.get());
}

void TestSocketLifecycle::cleanup()
{
    m_events.reset();
    m_session.reset();
}

QString TestSocketLifecycle::listeningServer(int backlog, quint16 *port)
{
    QString id;
    m_session->createSocket(SocketRole::Server, AF_INET, SOCK_STREAM, IPPROTO_TCP, &id);
    if (m_events->waitForEnd(id, SocketCall::Socket).phase != CallPhase::Returned)
        return QString();
    m_session->bind(id, QStringLiteral("127.0.0.1"), 0);
    const SocketEvent bound = m_events->waitForEnd(id, SocketCall::Bind);
    if (bound.phase != CallPhase::Returned)
        return QString();
    *port = SocketAddress::fromVariant(bound.result.toMap()).port();
    m_session->listen(id, backlog);
    if (m_events->waitForEnd(id, SocketCall::Listen).phase != CallPhase::Returned)
        return QString();
    return id;
}

QString TestSocketLifecycle::connectedClient(quint16 port)
{
    QString id;
    m_session->createSocket(SocketRole::Client, AF_INET, SOCK_STREAM, 0, &id);
    m_events->waitForEnd(id, SocketCall::Socket);
    m_session->connectTo(id, QStringLiteral("127.0.0.1"), port);
    if (m_events->waitForEnd(id, SocketCall::Connect).phase != CallPhase::Returned)
        return QString();
    return id;
}

void TestSocketLifecycle::connectedPair(QString *client, QString *conn)
{
    quint16 port = 0;
    const QString server = listeningServer(1, &port);
    QVERIFY(!server.isEmpty());
    *client = connectedClient(port);
    QVERIFY(!client->isEmpty());
    m_session->accept(server);
    const SocketEvent accepted = m_events->waitForEnd(server, SocketCall::Accept);
    QCOMPARE(accepted.phase, CallPhase::Returned);
    *conn = accepted.result.toMap().value(QStringLiteral("socket")).toString();
    QVERIFY(m_session->contains(*conn));
}

void TestSocketLifecycle::wholeFlow()
{
    quint16 port = 0;
    const QString server = listeningServer(1, &port);
    QCOMPARE(server, QStringLiteral("server#1"));
    QCOMPARE(m_session->socket(server).state, SocketState::Listening);

    QVERIFY(m_session->accept(server).isEmpty());
    QVERIFY(m_events->waitFor(server, SocketCall::Accept, CallPhase::Blocked).call ==
            SocketCall::Accept);
    QTRY_VERIFY(m_session->socket(server).blocked);

    const QString client = connectedClient(port);
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
    const QString server = listeningServer(1, &port);
    m_session->accept(server);
    m_events->waitFor(server, SocketCall::Accept, CallPhase::Blocked);
    QTest::qWait(100);
    QVERIFY(!m_events->has(server, SocketCall::Accept, CallPhase::Returned));
    QCOMPARE(m_session->socket(server).callInProgress, SocketCall::Accept);

    connectedClient(port);
    QCOMPARE(m_events->waitForEnd(server, SocketCall::Accept).phase, CallPhase::Returned);
    QCOMPARE(m_session->socket(server).callInProgress, SocketCall::None);
}

void TestSocketLifecycle::recvBlocksUntilDataArrives()
{
    QString client, conn;
    connectedPair(&client, &conn);
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
    connectedPair(&client, &conn);
    m_session->recv(conn, 4096);
    m_events->waitFor(conn, SocketCall::Recv, CallPhase::Blocked);
    m_session->close(client);
    const SocketEvent eof = m_events->waitForEnd(conn, SocketCall::Recv);
    QCOMPARE(eof.phase, CallPhase::Returned);
    QCOMPARE(eof.byteCount, qint64(0));
    QVERIFY(eof.data.isEmpty());
    QTRY_COMPARE(m_session->socket(conn).state, SocketState::PeerClosed);
}

void TestSocketLifecycle::recvSplitsOneMessage()
{
    QString client, conn;
    connectedPair(&client, &conn);
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
    connectedPair(&client, &conn);
    QByteArray payload(10 * 1024 * 1024, Qt::Uninitialized);
    QRandomGenerator generator(20261122);
    generator.fillRange(reinterpret_cast<quint32 *>(payload.data()), payload.size() / 4);

    QByteArray received;
    connect(m_session.get(), &SocketSession::eventOccurred, this, [&](const SocketEvent &e) {
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

void TestSocketLifecycle::connectToClosedPortIsRefused()
{
    // A bound socket that never listens holds a port nobody accepts on.
    QString holder;
    m_session->createSocket(SocketRole::Server, AF_INET, SOCK_STREAM, 0, &holder);
    m_events->waitForEnd(holder, SocketCall::Socket);
    m_session->bind(holder, QStringLiteral("127.0.0.1"), 0);
    const quint16 port =
        SocketAddress::fromVariant(m_events->waitForEnd(holder, SocketCall::Bind).result.toMap())
            .port();
    QVERIFY(port != 0);

    QString client;
    m_session->createSocket(SocketRole::Client, AF_INET, SOCK_STREAM, 0, &client);
    m_events->waitForEnd(client, SocketCall::Socket);
    m_session->connectTo(client, QStringLiteral("127.0.0.1"), port);
    const SocketEvent refused = m_events->waitForEnd(client, SocketCall::Connect);
    QCOMPARE(refused.phase, CallPhase::Failed);
    QCOMPARE(refused.error.name(), QStringLiteral("ECONNREFUSED"));
    QCOMPARE(refused.error.code(), ECONNREFUSED);
    QVERIFY(refused.error.hint().contains(QStringLiteral("127.0.0.1:%1").arg(port)));
    QVERIFY(refused.error.pythonException().startsWith(QStringLiteral("ConnectionRefusedError")));
    QTRY_COMPARE(m_session->socket(client).state, SocketState::Failed);
}

void TestSocketLifecycle::secondBindIsAddressInUse()
{
    quint16 port = 0;
    listeningServer(1, &port);
    QString second;
    m_session->createSocket(SocketRole::Server, AF_INET, SOCK_STREAM, 0, &second);
    m_events->waitForEnd(second, SocketCall::Socket);
    m_session->bind(second, QStringLiteral("127.0.0.1"), port);
    const SocketEvent e = m_events->waitForEnd(second, SocketCall::Bind);
    QCOMPARE(e.phase, CallPhase::Failed);
    QCOMPARE(e.error.name(), QStringLiteral("EADDRINUSE"));
    QVERIFY(e.error.hint().contains(QStringLiteral("SO_REUSEADDR")));
    QTRY_COMPARE(m_session->socket(second).state, SocketState::Created);
}

void TestSocketLifecycle::reuseAddressIsSetAndLogged()
{
    QString id;
    m_session->createSocket(SocketRole::Server, AF_INET, SOCK_STREAM, 0, &id);
    m_events->waitForEnd(id, SocketCall::Socket);
    m_session->setReuseAddress(id);
    const SocketEvent e = m_events->waitForEnd(id, SocketCall::SetSockOpt);
    QCOMPARE(e.phase, CallPhase::Returned);
    QCOMPARE(e.args.value(QStringLiteral("option")).toString(), QStringLiteral("SO_REUSEADDR"));
    int value = 0;
    socklen_t length = sizeof value;
    QCOMPARE(::getsockopt(m_session->socket(id).fd, SOL_SOCKET, SO_REUSEADDR, &value, &length), 0);
    QCOMPARE(value, 1);
}

void TestSocketLifecycle::invalidAddressIsAClearError_data()
{
    QTest::addColumn<int>("call");
    QTest::addColumn<int>("family");
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");
    QTest::addColumn<QString>("errorName");
    QTest::addColumn<QString>("messagePart");

    const int bind = int(SocketCall::Bind);
    const int connect = int(SocketCall::Connect);
    QTest::newRow("bind bad dotted quad") << bind << AF_INET << "999.1.1.1" << 50000 << "ValueError" << "not a valid IPv4";
    QTest::newRow("connect bad dotted quad") << connect << AF_INET << "999.1.1.1" << 50000 << "ValueError" << "not a valid IPv4";
    QTest::newRow("bind port too large") << bind << AF_INET << "127.0.0.1" << 70000 << "OverflowError" << "0-65535";
    QTest::newRow("connect port too large") << connect << AF_INET << "127.0.0.1" << 70000 << "OverflowError" << "0-65535";
    QTest::newRow("negative port") << bind << AF_INET << "127.0.0.1" << -1 << "OverflowError" << "0-65535";
    QTest::newRow("IPv6 address on IPv4 socket") << connect << AF_INET << "::1" << 50000 << "ValueError" << "IPv6";
    QTest::newRow("IPv4 address on IPv6 socket") << bind << AF_INET6 << "127.0.0.1" << 50000 << "ValueError" << "IPv4";
    QTest::newRow("not a host name") << connect << AF_INET << "local host!" << 50000 << "ValueError" << "neither";
}

void TestSocketLifecycle::invalidAddressIsAClearError()
{
    QFETCH(int, call);
    QFETCH(int, family);
    QFETCH(QString, host);
    QFETCH(int, port);
    QFETCH(QString, errorName);
    QFETCH(QString, messagePart);

    QString id;
    m_session->createSocket(SocketRole::Client, family, SOCK_STREAM, 0, &id);
    m_events->waitForEnd(id, SocketCall::Socket);
    if (SocketCall(call) == SocketCall::Bind)
        m_session->bind(id, host, port);
    else
        m_session->connectTo(id, host, port);
    const SocketEvent e = m_events->waitForEnd(id, SocketCall(call));
    QCOMPARE(e.phase, CallPhase::Failed);
    QCOMPARE(e.error.kind(), CallError::Kind::Usage);
    QCOMPARE(e.error.name(), errorName);
    QVERIFY2(e.error.message().contains(messagePart), qPrintable(e.error.message()));
    QVERIFY(!e.error.hint().isEmpty());
    // Nothing reached the kernel, so the socket is still fresh and usable.
    QTRY_COMPARE(m_session->socket(id).state, SocketState::Created);
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
        connectedPair(&client, &blockedId);
        call = SocketCall::Recv;
        m_session->recv(blockedId, 4096);
    } else {
        quint16 port = 0;
        blockedId = listeningServer(1, &port);
        call = SocketCall::Accept;
        m_session->accept(blockedId);
    }
    m_events->waitFor(blockedId, call, CallPhase::Blocked);
    QTRY_VERIFY(m_session->socket(blockedId).blocked);

    QElapsedTimer timer;
    timer.start();
    QVERIFY(m_session->close(blockedId).isEmpty());
    const SocketEvent cancelled = m_events->waitForEnd(blockedId, call, 1000);
    const qint64 elapsed = timer.elapsed();
    QCOMPARE(cancelled.phase, CallPhase::Failed);
    QCOMPARE(cancelled.error.kind(), CallError::Kind::Cancelled);
    QVERIFY2(elapsed < 100, qPrintable(QStringLiteral("took %1 ms").arg(elapsed)));
    QCOMPARE(m_events->waitForEnd(blockedId, SocketCall::Close).phase, CallPhase::Returned);
    QCOMPARE(m_session->socket(blockedId).state, SocketState::Closed);
}

void TestSocketLifecycle::sendAfterPeerClosedIsEpipeNotSigpipe()
{
    QString client, conn;
    connectedPair(&client, &conn);
    m_session->close(conn);
    m_session->recv(client, 4096);
    QCOMPARE(m_events->waitForEnd(client, SocketCall::Recv).byteCount, qint64(0));

    // The first send after the peer closed is accepted by our kernel; the peer answers it
    // with a reset, and only then does a send fail.
    SocketEvent last;
    for (int attempt = 0; attempt < 50 && last.phase != CallPhase::Failed; ++attempt) {
        m_session->sendAll(client, "anyone there?");
        last = m_events->waitForEnd(client, SocketCall::SendAll);
        QVERIFY(last.call == SocketCall::SendAll);
        if (last.phase != CallPhase::Failed)
            QTest::qWait(10);
    }
    QCOMPARE(last.phase, CallPhase::Failed);
    QCOMPARE(last.error.name(), QStringLiteral("EPIPE"));
    QVERIFY(last.error.pythonException().startsWith(QStringLiteral("BrokenPipeError")));
}

void TestSocketLifecycle::rulesRefuseInvalidCallsUnlessAllowed()
{
    QString id;
    m_session->createSocket(SocketRole::Server, AF_INET, SOCK_STREAM, 0, &id);
    m_events->waitForEnd(id, SocketCall::Socket);
    QTRY_COMPARE(m_session->socket(id).state, SocketState::Created);
    const QString reason = m_session->listen(id, 1);
    QCOMPARE(reason, QStringLiteral("listen needs a bound socket: call bind first."));
    QVERIFY(!m_session->recv(id, 10).isEmpty());
    QVERIFY(m_session->whyInvalid(id, SocketCall::Bind).isEmpty());
    m_session->setAllowInvalidCalls(true);
    QVERIFY(m_session->whyInvalid(id, SocketCall::Recv).isEmpty());
}

void TestSocketLifecycle::invalidCallReachesKernelWhenAllowed()
{
    m_session->setAllowInvalidCalls(true);
    QString id;
    m_session->createSocket(SocketRole::Client, AF_INET, SOCK_STREAM, 0, &id);
    m_events->waitForEnd(id, SocketCall::Socket);
    QVERIFY(m_session->recv(id, 10).isEmpty());
    const SocketEvent e = m_events->waitForEnd(id, SocketCall::Recv);
    QCOMPARE(e.phase, CallPhase::Failed);
    QCOMPARE(e.error.name(), QStringLiteral("ENOTCONN"));
    QCOMPARE(e.error.kind(), CallError::Kind::Errno);

    QVERIFY(m_session->accept(id).isEmpty());
    QCOMPARE(m_events->waitForEnd(id, SocketCall::Accept).error.name(), QStringLiteral("EINVAL"));
}

void TestSocketLifecycle::quittingWithBlockedCallsIsImmediate()
{
    QString client, conn;
    connectedPair(&client, &conn);
    quint16 port = 0;
    const QString server = listeningServer(1, &port);
    m_session->accept(server);
    m_session->recv(conn, 100);
    m_session->recv(client, 100);
    m_events->waitFor(client, SocketCall::Recv, CallPhase::Blocked);

    QElapsedTimer timer;
    timer.start();
    m_events.reset();
    m_session.reset();
    QVERIFY2(timer.elapsed() < 100, qPrintable(QString::number(timer.elapsed())));
}

void TestSocketLifecycle::twoHundredConcurrentClients()
{
    constexpr int clients = 200;
    quint16 port = 0;
    const QString server = listeningServer(clients, &port);
    AutoServer echo(m_session.get(), ServerMode::Echo);
    echo.setMaxClients(clients);
    QSignalSpy finished(&echo, &AutoServer::finished);
    QVERIFY(finished.isValid());
    echo.serve(server);

    QHash<QString, QByteArray> expected;
    QHash<QString, QByteArray> echoed;
    int closed = 0;
    connect(m_session.get(), &SocketSession::eventOccurred, this, [&](const SocketEvent &e) {
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
    QCOMPARE(echo.clientsServed(), clients);
    for (auto it = expected.constBegin(); it != expected.constEnd(); ++it)
        QCOMPARE(echoed.value(it.key()), it.value());
}

QTEST_GUILESS_MAIN(TestSocketLifecycle)
#include "tst_socketlifecycle.moc"
