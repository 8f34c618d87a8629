// RFC 793's diagram as data, and the view following a real socket's kernel state.

#include "LoopbackSession.h"
#include "TcpStateView.h"
#include "calls/TcpStateMachine.h"

#include <QTest>

class TestTcpStateMachine : public QObject
{
    Q_OBJECT

private slots:
    void everyTransitionJoinsKnownStates();
    void transitions_data();
    void transitions();
    void viewFollowsARealConnection();
};

void TestTcpStateMachine::everyTransitionJoinsKnownStates()
{
    QSet<int> numbers;
    for (const auto &s : TcpStateMachine::states())
        numbers.insert(s.number);
    QCOMPARE(numbers.size(), 11);
    for (const auto &t : TcpStateMachine::transitions()) {
        QVERIFY(numbers.contains(t.from));
        QVERIFY(numbers.contains(t.to));
        QVERIFY(!t.label.isEmpty());
    }
}

void TestTcpStateMachine::transitions_data()
{
    QTest::addColumn<int>("from");
    QTest::addColumn<int>("to");
    QTest::addColumn<QString>("label");
    // Linux numbers: 1 ESTABLISHED, 2 SYN_SENT, 4 FIN_WAIT1, 5 FIN_WAIT2, 6 TIME_WAIT,
    // 7 CLOSE, 8 CLOSE_WAIT, 9 LAST_ACK, 10 LISTEN; 0 (gone) counts as CLOSED.
    QTest::newRow("listen") << 7 << 10 << "listen()";
    QTest::newRow("active open") << 7 << 2 << "connect() / SYN";
    QTest::newRow("open done") << 2 << 1 << "SYN-ACK / ACK";
    QTest::newRow("active close") << 1 << 4 << "close() / FIN";
    QTest::newRow("passive close") << 1 << 8 << "FIN / ACK";
    QTest::newRow("time wait") << 5 << 6 << "FIN / ACK";
    QTest::newRow("time wait ends") << 6 << 0 << "2 MSL timeout";
    QTest::newRow("no direct arrow") << 10 << 6 << "";
}

void TestTcpStateMachine::transitions()
{
    QFETCH(int, from);
    QFETCH(int, to);
    QFETCH(QString, label);
    const int i = TcpStateMachine::transition(from, to);
    if (label.isEmpty())
        QCOMPARE(i, -1);
    else
        QCOMPARE(TcpStateMachine::transitions().at(i).label, label);
}

void TestTcpStateMachine::viewFollowsARealConnection()
{
#ifndef __linux__
    QSKIP("needs Linux's TCP_INFO");
#endif
    LoopbackSession lab;
    QString client, conn;
    QVERIFY(lab.connectedPair(&client, &conn));
    TcpStateView view;
    view.showSocket(lab.session().socket(client));
    QCOMPARE(view.currentState(), 1); // ESTABLISHED
    lab.session().close(conn);
    QTRY_COMPARE(lab.session().socket(client).kernel.state, 8); // CLOSE_WAIT
    view.showSocket(lab.session().socket(client));
    QCOMPARE(view.currentState(), 8);
    QCOMPARE(TcpStateMachine::transitions().at(view.lastTransition()).label,
             QStringLiteral("FIN / ACK"));
}

QTEST_MAIN(TestTcpStateMachine)
#include "tst_tcpstatemachine.moc"
