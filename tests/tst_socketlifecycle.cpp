// SPDX-License-Identifier: MIT
// The TCP lifecycle through SocketSession over real loopback sockets: the course's
// "getting the flow" exercise, blocking, cancelling (bulk data and many clients:
// tst_socketvolume).

#include "LoopbackSession.h"
#include "present/PythonForm.h"

#include <QTest>

#include <cerrno>
#include <memory>

#include <fcntl.h>
#include <netinet/in.h>
#include <sys/socket.h>

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
    void closeCancelsBlockedCall_data();
    void closeCancelsBlockedCall();
    void quittingWithBlockedCallsDoesNotWaitForThem();
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
                 .arg(m_session->socket(conn).name));
    QVERIFY(m_session->shutdown(conn, SHUT_WR).contains(QStringLiteral("recv() is still")));

    // A sendall that cannot finish (the client reads nothing) keeps the send side busy.
    QCOMPARE(m_session->sendAll(conn, QByteArray(64 * 1024 * 1024, 'x')), QString());
    m_events->waitFor(conn, SocketCall::SendAll, CallPhase::Blocked);
    QTRY_VERIFY(m_session->socket(conn).duplexBlocked);
    QCOMPARE(m_session->send(conn, "more"),
             QStringLiteral("sendall() is still running on %1; wait for it to return, or close "
                            "the socket to cancel it.")
                 .arg(m_session->socket(conn).name));

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

QTEST_GUILESS_MAIN(TestSocketLifecycle)
#include "tst_socketlifecycle.moc"
