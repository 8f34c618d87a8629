// SPDX-License-Identifier: MIT
// A session that serves connection after connection: closed sockets stay while the kernel
// still lists them (TIME_WAIT is taught) and while they are among the last few closed, and
// then leave every table, so the tables stay bounded however long a server runs.

#include "EventRecorder.h"
#include "LoopbackSession.h"
#include "session/EventLog.h"
#include "session/SocketSession.h"

#include <QSignalSpy>
#include <QTest>

#include <netinet/in.h>

class TestLongSession : public QObject
{
    Q_OBJECT

private slots:
    void closedSocketsLeaveOnceTheKernelLetsGo();
    void timeWaitIsFoundForIpv4AndIpv6_data();
    void timeWaitIsFoundForIpv4AndIpv6();
    void logDropsItsOldestEvents();
};

void TestLongSession::closedSocketsLeaveOnceTheKernelLetsGo()
{
    LoopbackSession lab;
    SocketSession &s = lab.session();
    EventRecorder &ev = lab.events();
    QSignalSpy forgotten(&s, &SocketSession::socketForgotten);
    QVERIFY(forgotten.isValid());
    quint16 port = 0;
    const QString server = lab.listeningServer(16, &port);
    QVERIFY(!server.isEmpty());

    // One connection closed the usual way, client first: the client's end waits in
    // TIME_WAIT for a minute, and the kernel's tables list it all that time.
    const auto pair = [&](bool reset) {
        QString client;
        s.createSocket(SocketRole::Client, AF_INET, SOCK_STREAM, 0, &client);
        ev.waitForEnd(client, SocketCall::Socket);
        if (reset) { // SO_LINGER 0: close sends RST, and neither end lingers
            s.setOption(client, QStringLiteral("SO_LINGER"), 0);
            ev.waitForEnd(client, SocketCall::SetSockOpt);
        }
        s.connectTo(client, QStringLiteral("127.0.0.1"), port);
        ev.waitForEnd(client, SocketCall::Connect);
        s.accept(server);
        const QString conn = ev.waitForEnd(server, SocketCall::Accept)
                                 .result.toMap()
                                 .value(QStringLiteral("socket"))
                                 .toString();
        s.close(client);
        ev.waitForEnd(client, SocketCall::Close);
        s.close(conn);
        ev.waitForEnd(conn, SocketCall::Close);
        return client;
    };
    const QString lingering = pair(false);
    QString firstReset;
    for (int i = 0; i < 60; ++i) {
        const QString client = pair(true);
        if (firstReset.isEmpty())
            firstReset = client;
    }
    // 122 closed sockets: beyond the newest 64, those the kernel let go of are forgotten at
    // the next kernel tick.
    QTRY_VERIFY_WITH_TIMEOUT(!s.contains(firstReset), 3000);
    // Everything but the newest 64 closed, the listener and the TIME_WAIT end.
    QTRY_COMPARE_WITH_TIMEOUT(forgotten.count(), 122 - 64 - 1, 3000);
    QCOMPARE(s.socketIds().size(), 64 + 2);
    // The listener is open, and the TIME_WAIT end is still the kernel's: both stay.
    QVERIFY(s.contains(server));
    QVERIFY2(s.contains(lingering), "a socket in TIME_WAIT left the table");
    QCOMPARE(s.socket(lingering).kernel.stateName(), QStringLiteral("TIME_WAIT"));
    // The forgotten ones' events are still there to read.
    QVERIFY(ev.has(firstReset, SocketCall::Close, CallPhase::Returned));
}

void TestLongSession::timeWaitIsFoundForIpv4AndIpv6_data()
{
    QTest::addColumn<int>("family");
    QTest::addColumn<QString>("host");
    QTest::newRow("IPv4") << int(AF_INET) << "127.0.0.1";
    QTest::newRow("IPv6") << int(AF_INET6) << "::1";
}

void TestLongSession::timeWaitIsFoundForIpv4AndIpv6()
{
    // A closed socket's state comes from the kernel's tables, matched by their own text
    // (tcp for IPv4, tcp6 for IPv6).
    QFETCH(int, family);
    QFETCH(QString, host);
    SocketSession s;
    EventRecorder ev(&s);
    QString server, client;
    s.createSocket(SocketRole::Server, family, SOCK_STREAM, 0, &server);
    ev.waitForEnd(server, SocketCall::Socket);
    s.bind(server, host, 0);
    const int port =
        SocketAddress::fromVariant(ev.waitForEnd(server, SocketCall::Bind).result.toMap()).port();
    if (port == 0)
        QSKIP("no such loopback address here");
    s.listen(server, 1);
    ev.waitForEnd(server, SocketCall::Listen);
    s.createSocket(SocketRole::Client, family, SOCK_STREAM, 0, &client);
    ev.waitForEnd(client, SocketCall::Socket);
    s.connectTo(client, host, port);
    QCOMPARE(ev.waitForEnd(client, SocketCall::Connect).phase, CallPhase::Returned);
    s.accept(server);
    const QString conn = ev.waitForEnd(server, SocketCall::Accept)
                             .result.toMap()
                             .value(QStringLiteral("socket"))
                             .toString();
    s.close(client); // first: this end waits in TIME_WAIT
    ev.waitForEnd(client, SocketCall::Close);
    s.close(conn);
    ev.waitForEnd(conn, SocketCall::Close);
    QTRY_COMPARE(s.socket(client).kernel.stateName(), QStringLiteral("TIME_WAIT"));
}

void TestLongSession::logDropsItsOldestEvents()
{
    EventLog log;
    for (int i = 1; i <= 10; ++i) {
        SocketEvent e;
        e.seq = i;
        e.socketId = QStringLiteral("client#1");
        e.call = SocketCall::Recv;
        e.phase = CallPhase::Returned;
        e.byteCount = 3;
        e.data = "abc";
        log.append(e);
    }
    log.showPendingRows();
    QSignalSpy removed(&log, &QAbstractItemModel::rowsRemoved);
    log.dropOldest(4);
    QCOMPARE(removed.count(), 1);
    QCOMPARE(log.count(), 6);
    QCOMPARE(log.rowCount(), 6);
    QCOMPARE(log.event(0).seq, qint64(5));
    QCOMPARE(log.rowOfSeq(7), 2);
    QCOMPARE(log.rowOfSeq(2), -1);
    QCOMPARE(log.droppedEvents(), qint64(4));
    QCOMPARE(log.keptBytes(), qint64(18));
    log.clear();
    QCOMPARE(log.droppedEvents(), qint64(0));
}

QTEST_GUILESS_MAIN(TestLongSession)
#include "tst_longsession.moc"
