// SPDX-License-Identifier: MIT
// What the kernel says about each socket, observed over loopback: LISTEN and the accept
// queue, connect before accept, the backlog's limit (SYN_SENT), CLOSE_WAIT and TIME_WAIT.

#include "LoopbackSession.h"
#include "session/EventLog.h"
#include "trace/TraceFormat.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <memory>

class TestKernelView : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void listenerShowsItsAcceptQueue();
    void backlogOneQueuesTwoAndLeavesTheThirdInSynSent();
    void peerCloseGivesCloseWaitThenTimeWaitAfterClose();
    void eventsCarryTheKernelState();

private:
    QString client(quint16 port);

    std::unique_ptr<LoopbackSession> m_lab;
};

void TestKernelView::init()
{
#ifndef __linux__
    QSKIP("The kernel view reads Linux's TCP_INFO and /proc/net/tcp.");
#endif
    m_lab = std::make_unique<LoopbackSession>();
}

void TestKernelView::cleanup()
{
    m_lab.reset();
}

QString TestKernelView::client(quint16 port)
{
    QString id;
    m_lab->session().createSocket(SocketRole::Client, AF_INET, SOCK_STREAM, 0, &id);
    m_lab->events().waitForEnd(id, SocketCall::Socket);
    m_lab->session().connectTo(id, QStringLiteral("127.0.0.1"), port);
    return id;
}

void TestKernelView::listenerShowsItsAcceptQueue()
{
    quint16 port = 0;
    const QString server = m_lab->listeningServer(3, &port);
    SocketSession &s = m_lab->session();
    QCOMPARE(s.socket(server).kernel.stateName(), QStringLiteral("LISTEN"));
    QCOMPARE(s.socket(server).kernel.acceptQueue, 0);
    QCOMPARE(s.socket(server).kernel.backlog, 3);

    const QString c = client(port);
    QCOMPARE(m_lab->events().waitForEnd(c, SocketCall::Connect).phase, CallPhase::Returned);
    QCOMPARE(s.socket(c).kernel.stateName(), QStringLiteral("ESTABLISHED"));
    // Nobody called accept, yet the handshake is done: the kernel queues the connection.
    QTRY_COMPARE(s.socket(server).kernel.acceptQueue, 1);
    s.accept(server);
    m_lab->events().waitForEnd(server, SocketCall::Accept);
    QTRY_COMPARE(s.socket(server).kernel.acceptQueue, 0);
}

void TestKernelView::backlogOneQueuesTwoAndLeavesTheThirdInSynSent()
{
    quint16 port = 0;
    const QString server = m_lab->listeningServer(1, &port);
    SocketSession &s = m_lab->session();
    const QString first = client(port);
    const QString second = client(port);
    QCOMPARE(m_lab->events().waitForEnd(first, SocketCall::Connect).phase, CallPhase::Returned);
    QCOMPARE(m_lab->events().waitForEnd(second, SocketCall::Connect).phase, CallPhase::Returned);
    const QString third = client(port);
    QCOMPARE(m_lab->events().waitFor(third, SocketCall::Connect, CallPhase::Blocked).phase,
             CallPhase::Blocked);
    // Linux accepts backlog + 1 finished handshakes and drops further SYNs: the third
    // client neither connects nor is refused.
    QTRY_COMPARE(s.socket(third).kernel.stateName(), QStringLiteral("SYN_SENT"));
    QCOMPARE(s.socket(third).state, SocketState::Connecting);
    QTRY_COMPARE(s.socket(server).kernel.acceptQueue, 2);
    QCOMPARE(s.socket(server).kernel.backlog, 1);

    // Accepting one makes room; the third client's retried SYN then gets in.
    s.accept(server);
    QCOMPARE(m_lab->events().waitForEnd(server, SocketCall::Accept).phase, CallPhase::Returned);
    QCOMPARE(m_lab->events().waitForEnd(third, SocketCall::Connect, 10000).phase,
             CallPhase::Returned);
}

void TestKernelView::peerCloseGivesCloseWaitThenTimeWaitAfterClose()
{
    QString c, conn;
    QVERIFY(m_lab->connectedPair(&c, &conn));
    SocketSession &s = m_lab->session();
    s.close(conn); // the server closes first: it is the active closer
    m_lab->events().waitForEnd(conn, SocketCall::Close);
    // Nobody calls anything on the client; the sampler sees the FIN arrive.
    QTRY_COMPARE(s.socket(c).kernel.stateName(), QStringLiteral("CLOSE_WAIT"));
    s.close(c);
    m_lab->events().waitForEnd(c, SocketCall::Close);
    // The active closer's connection outlives its fd, in TIME_WAIT.
    QTRY_COMPARE(s.socket(conn).kernel.stateName(), QStringLiteral("TIME_WAIT"));
    QCOMPARE(s.socket(conn).kernel.source, KernelSample::Source::ProcTable);
    QCOMPARE(s.socket(conn).state, SocketState::Closed);
}

void TestKernelView::eventsCarryTheKernelState()
{
    quint16 port = 0;
    const QString server = m_lab->listeningServer(1, &port);
    const SocketEvent listened = [&] {
        for (const SocketEvent &e : m_lab->events().events()) {
            if (e.socketId == server && e.call == SocketCall::Listen &&
                e.phase == CallPhase::Returned)
                return e;
        }
        return SocketEvent();
    }();
    QCOMPARE(listened.kernelState, QStringLiteral("LISTEN"));
    const QJsonObject line = QJsonDocument::fromJson(TraceFormat::toLine(listened, 0)).object();
    QCOMPARE(line.value(QStringLiteral("kernel_state")).toString(), QStringLiteral("LISTEN"));
}

QTEST_GUILESS_MAIN(TestKernelView)
#include "tst_kernelview.moc"
