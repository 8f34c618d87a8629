// SPDX-License-Identifier: MIT
// Which calls the model allows in which state, and the words it uses when it says no.

#include "calls/CallRules.h"

#include <QTest>

class TestCallRules : public QObject
{
    Q_OBJECT

private slots:
    void validity_data();
    void validity();
    void busySocketRefusesEverythingButClose();
    void oneCallEachWay_data();
    void oneCallEachWay();
    void reasonsAreSentences();
};

Q_DECLARE_METATYPE(SocketState)

void TestCallRules::validity_data()
{
    QTest::addColumn<SocketState>("state");
    QTest::addColumn<SocketCall>("call");
    QTest::addColumn<bool>("valid");

    using S = SocketState;
    using C = SocketCall;
    const struct
    {
        S state;
        QVector<C> valid;
    } table[] = {
        {S::Created, {C::SetSockOpt, C::Bind, C::Connect, C::Close}},
        {S::Bound, {C::Listen, C::Connect, C::Close}},
        {S::Listening, {C::Accept, C::Close}},
        {S::Connecting, {C::Close}},
        {S::Connected, {C::Send, C::SendAll, C::Recv, C::Shutdown, C::Close}},
        {S::PeerClosed, {C::Send, C::SendAll, C::Recv, C::Shutdown, C::Close}},
        {S::ShutDown, {C::Recv, C::Shutdown, C::Close}},
        {S::Closed, {}},
        {S::Failed, {C::Close}},
    };
    const QVector<C> calls = {C::SetSockOpt, C::Bind,    C::Listen, C::Accept,   C::Connect,
                              C::Send,       C::SendAll, C::Recv,   C::Shutdown, C::Close};
    for (const auto &row : table) {
        for (C call : calls) {
            QTest::newRow(qPrintable(
                QStringLiteral("%1 %2").arg(socketStateName(row.state), socketCallName(call))))
                << row.state << call << row.valid.contains(call);
        }
    }
}

void TestCallRules::validity()
{
    QFETCH(SocketState, state);
    QFETCH(SocketCall, call);
    QFETCH(bool, valid);
    SocketInfo info;
    info.id = QStringLiteral("server#1");
    info.state = state;
    const QString why = CallRules::whyInvalid(info, call);
    QVERIFY2(why.isEmpty() == valid, qPrintable(why));
    QVERIFY(CallRules::whyImpossible(info, call).isEmpty());
}

void TestCallRules::busySocketRefusesEverythingButClose()
{
    SocketInfo info;
    info.id = QStringLiteral("server#1");
    info.state = SocketState::Listening;
    info.callInProgress = SocketCall::Accept;
    // Named as every view names it: by the course's variable, not the id.
    QCOMPARE(CallRules::whyImpossible(info, SocketCall::Accept),
             QStringLiteral("accept() is still running on server_socket; wait for it to return, or "
                            "close the socket to cancel it."));
    QVERIFY(!CallRules::whyInvalid(info, SocketCall::Recv).isEmpty());
    QVERIFY(CallRules::whyInvalid(info, SocketCall::Close).isEmpty());
    QVERIFY(CallRules::whyImpossible(info, SocketCall::Close).isEmpty());
}

void TestCallRules::oneCallEachWay_data()
{
    QTest::addColumn<SocketCall>("first");
    QTest::addColumn<SocketCall>("second");
    QTest::addColumn<SocketCall>("call");
    QTest::addColumn<QString>("refusedBecause"); // empty: allowed

    const SocketCall none = SocketCall::None;
    QTest::newRow("send while recv waits") << SocketCall::Recv << none << SocketCall::SendAll << "";
    QTest::newRow("sendto while recvfrom waits")
        << SocketCall::RecvFrom << none << SocketCall::SendTo << "";
    QTest::newRow("recv while sendall waits")
        << SocketCall::SendAll << none << SocketCall::Recv << "";
    QTest::newRow("recv after the recv returned, beside a send")
        << none << SocketCall::SendAll << SocketCall::Recv << "";
    QTest::newRow("second recv") << SocketCall::Recv << none << SocketCall::Recv << "recv";
    QTest::newRow("second send") << SocketCall::SendAll << none << SocketCall::Send << "sendall";
    QTest::newRow("third call") << SocketCall::Recv << SocketCall::SendAll << SocketCall::Send
                                << "sendall";
    QTest::newRow("recv beside both")
        << SocketCall::Recv << SocketCall::SendAll << SocketCall::Recv << "recv";
    QTest::newRow("send while accept waits")
        << SocketCall::Accept << none << SocketCall::Send << "accept";
    QTest::newRow("send while connecting")
        << SocketCall::Connect << none << SocketCall::SendAll << "connect";
    QTest::newRow("shutdown while recv waits")
        << SocketCall::Recv << none << SocketCall::Shutdown << "recv";
    QTest::newRow("send beside a lone send")
        << none << SocketCall::SendAll << SocketCall::SendAll << "sendall";
    QTest::newRow("close always") << SocketCall::Recv << SocketCall::SendAll << SocketCall::Close
                                  << "";
}

void TestCallRules::oneCallEachWay()
{
    QFETCH(SocketCall, first);
    QFETCH(SocketCall, second);
    QFETCH(SocketCall, call);
    QFETCH(QString, refusedBecause);
    SocketInfo info;
    info.id = QStringLiteral("conn#1");
    info.state = SocketState::Connected;
    info.callInProgress = first;
    info.duplexCall = second;
    const QString why = CallRules::whyImpossible(info, call);
    if (refusedBecause.isEmpty())
        QVERIFY2(why.isEmpty(), qPrintable(why));
    else
        QCOMPARE(why, QStringLiteral("%1() is still running on conn; wait for it to return, or "
                                     "close the socket to cancel it.")
                          .arg(refusedBecause));
}

void TestCallRules::reasonsAreSentences()
{
    SocketInfo info;
    info.state = SocketState::Created;
    QCOMPARE(CallRules::whyInvalid(info, SocketCall::Listen),
             QStringLiteral("listen needs a bound socket: call bind first."));
    QCOMPARE(CallRules::whyInvalid(info, SocketCall::Accept),
             QStringLiteral("accept needs a listening socket: call bind, then listen."));
    info.state = SocketState::Connected;
    QCOMPARE(CallRules::whyInvalid(info, SocketCall::Bind),
             QStringLiteral("bind needs a new socket; this one is already connected."));
}

QTEST_GUILESS_MAIN(TestCallRules)
#include "tst_callrules.moc"
