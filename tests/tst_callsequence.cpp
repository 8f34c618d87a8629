// SPDX-License-Identifier: MIT
// CallSequence, the one way SocketLab scripts calls: each step issued when the previous one
// ended, on real loopback sockets, and the outcomes its steps' Expects can give.

#include "FreePort.h"
#include "LoopbackSession.h"
#include "session/CallSequence.h"

#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <netinet/in.h>

using Outcome = CallSequence::Outcome;
Q_DECLARE_METATYPE(CallSequence::Outcome)

class TestCallSequence : public QObject
{
    Q_OBJECT

private slots:
    void theStandardExpectsDecideEachPhase_data();
    void theStandardExpectsDecideEachPhase();
    void eachStepIsIssuedOnlyAfterThePreviousReturned();
    void aFailedStepStopsTheScriptAndDropsTheRest();
    void aRefusedStepEndsTheScriptWithTheSessionsReason();
    void againIssuesTheSameStepUntilThePeerCloses();
    void acceptThatBlocksLetsTheNextStepMakeItsClient();
    void aStepThatIsNotReadyWaitsAndSaysWhy();
    void finishDropsTheStepsLeft();
    void aStepAppendedAfterTheEndNeedsStartAgain();

private:
    // Issues createSocket for a client and remembers its id.
    static CallSequence::Issue newClient(SocketSession &session, QString *id);
    static CallSequence::Issue connectTo(SocketSession &session, const QString *id, quint16 port);
};

CallSequence::Issue TestCallSequence::newClient(SocketSession &session, QString *id)
{
    return [&session, id](QString *socketId) {
        const QString refusal =
            session.createSocket(SocketRole::Client, AF_INET, SOCK_STREAM, 0, id);
        *socketId = *id;
        return refusal;
    };
}

CallSequence::Issue TestCallSequence::connectTo(SocketSession &session, const QString *id,
                                                quint16 port)
{
    return [&session, id, port](QString *socketId) {
        *socketId = *id;
        return session.connectTo(*id, QStringLiteral("127.0.0.1"), port);
    };
}

void TestCallSequence::theStandardExpectsDecideEachPhase_data()
{
    QTest::addColumn<bool>("orBlocks");
    QTest::addColumn<int>("phase");
    QTest::addColumn<Outcome>("outcome");
    const auto row = [](const char *name, bool orBlocks, CallPhase phase, Outcome outcome) {
        QTest::newRow(name) << orBlocks << int(phase) << outcome;
    };
    row("returns: started goes on", false, CallPhase::Started, Outcome::Pending);
    row("returns: blocked goes on", false, CallPhase::Blocked, Outcome::Pending);
    row("returns: returned is the next step", false, CallPhase::Returned, Outcome::Next);
    row("returns: failed stops", false, CallPhase::Failed, Outcome::Stop);
    row("or blocks: started goes on", true, CallPhase::Started, Outcome::Pending);
    row("or blocks: blocked is the next step", true, CallPhase::Blocked, Outcome::Next);
    row("or blocks: returned is the next step", true, CallPhase::Returned, Outcome::Next);
    row("or blocks: failed stops", true, CallPhase::Failed, Outcome::Stop);
}

void TestCallSequence::theStandardExpectsDecideEachPhase()
{
    QFETCH(bool, orBlocks);
    QFETCH(int, phase);
    QFETCH(Outcome, outcome);
    SocketEvent event;
    event.phase = CallPhase(phase);
    const CallSequence::Expect expect =
        orBlocks ? CallSequence::returnsOrBlocks() : CallSequence::returns();
    QCOMPARE(expect(event), outcome);
}

void TestCallSequence::eachStepIsIssuedOnlyAfterThePreviousReturned()
{
    LoopbackSession lab;
    quint16 port = 0;
    QVERIFY(!lab.listeningServer(5, &port).isEmpty());
    QString id;
    CallSequence calls(&lab.session());
    calls.append(SocketCall::Socket, newClient(lab.session(), &id));
    calls.append(SocketCall::Connect, connectTo(lab.session(), &id, port));
    calls.append(SocketCall::SendAll, [&](QString *socketId) {
        *socketId = id;
        return lab.session().sendAll(id, "hello");
    });
    QSignalSpy finished(&calls, &CallSequence::finished);
    QSignalSpy ended(&calls, &CallSequence::stepEnded);
    calls.start();
    QVERIFY(finished.wait(5000));
    QCOMPARE(ended.size(), 3);
    // In the log, each call starts only after the one before it returned.
    QStringList order;
    for (const SocketEvent &e : lab.events().events()) {
        if (e.socketId == id && (e.phase == CallPhase::Started || e.phase == CallPhase::Returned))
            order << QStringLiteral("%1 %2").arg(
                socketCallName(e.call), e.phase == CallPhase::Started ? "started" : "returned");
    }
    QCOMPARE(order, (QStringList{"socket started", "socket returned", "connect started",
                                 "connect returned", "sendall started", "sendall returned"}));
    QVERIFY(!calls.isRunning());
}

void TestCallSequence::aFailedStepStopsTheScriptAndDropsTheRest()
{
    LoopbackSession lab;
    QString id;
    CallSequence calls(&lab.session());
    calls.append(SocketCall::Socket, newClient(lab.session(), &id));
    calls.append(SocketCall::Connect, connectTo(lab.session(), &id, freePort()));
    bool sendIssued = false;
    calls.append(SocketCall::SendAll, [&](QString *) {
        sendIssued = true;
        return QString();
    });
    QSignalSpy failed(&calls, &CallSequence::stepFailed);
    QSignalSpy finished(&calls, &CallSequence::finished);
    calls.start();
    QVERIFY(failed.wait(5000));
    QCOMPARE(failed.first().first().value<SocketEvent>().error.name(), QString("ECONNREFUSED"));
    QTest::qWait(50);
    QVERIFY(!sendIssued);
    QCOMPARE(finished.size(), 0);
    QVERIFY(!calls.isRunning());
}

void TestCallSequence::aRefusedStepEndsTheScriptWithTheSessionsReason()
{
    LoopbackSession lab;
    CallSequence calls(&lab.session());
    calls.append(SocketCall::Listen, [&](QString *socketId) {
        *socketId = QStringLiteral("no-such-socket");
        return lab.session().listen(*socketId, 1);
    });
    QSignalSpy refused(&calls, &CallSequence::refused);
    calls.start();
    QCOMPARE(refused.size(), 1);
    QVERIFY(!refused.first().first().toString().isEmpty());
    QVERIFY(!calls.isRunning());
}

void TestCallSequence::againIssuesTheSameStepUntilThePeerCloses()
{
    // A peer nobody here wrote the socket code of: Qt's own server sends three pieces
    // apart, then closes.
    QTcpServer peer;
    QVERIFY(peer.listen(QHostAddress::LocalHost));
    connect(&peer, &QTcpServer::newConnection, this, [&peer] {
        QTcpSocket *s = peer.nextPendingConnection();
        for (int i = 0; i < 3; ++i) {
            QTimer::singleShot(30 * i, s, [s] {
                s->write("abc");
                s->flush();
            });
        }
        QTimer::singleShot(120, s, [s] { s->disconnectFromHost(); });
    });
    LoopbackSession lab;
    QString id;
    CallSequence calls(&lab.session());
    calls.append(SocketCall::Socket, newClient(lab.session(), &id));
    calls.append(SocketCall::Connect, connectTo(lab.session(), &id, peer.serverPort()));
    calls.append(
        SocketCall::Recv,
        [&](QString *socketId) {
            *socketId = id;
            return lab.session().recv(id, 2);
        },
        [](const SocketEvent &e) {
            return e.phase == CallPhase::Returned && e.byteCount > 0 ? Outcome::Again
                                                                     : CallSequence::returns()(e);
        });
    QByteArray received;
    int recvs = 0;
    connect(&calls, &CallSequence::stepEnded, this, [&](const SocketEvent &e) {
        if (e.call == SocketCall::Recv) {
            ++recvs;
            received += e.data;
        }
    });
    QSignalSpy finished(&calls, &CallSequence::finished);
    calls.start();
    QVERIFY(finished.wait(5000));
    QCOMPARE(received, QByteArray("abcabcabc"));
    // Two bytes at a time, then b'' once the peer closed.
    QVERIFY2(recvs >= 6, qPrintable(QString::number(recvs)));
}

void TestCallSequence::acceptThatBlocksLetsTheNextStepMakeItsClient()
{
    LoopbackSession lab;
    quint16 port = 0;
    const QString server = lab.listeningServer(5, &port);
    QVERIFY(!server.isEmpty());
    QString id;
    CallSequence calls(&lab.session());
    calls.append(
        SocketCall::Accept,
        [&](QString *socketId) {
            *socketId = server;
            return lab.session().accept(server);
        },
        CallSequence::returnsOrBlocks());
    calls.append(SocketCall::Socket, newClient(lab.session(), &id));
    calls.append(SocketCall::Connect, connectTo(lab.session(), &id, port));
    QSignalSpy finished(&calls, &CallSequence::finished);
    calls.start();
    QVERIFY(finished.wait(5000));
    // The blocked accept returned once the client connected.
    QVERIFY(lab.events().waitFor(server, SocketCall::Accept, CallPhase::Returned).call ==
            SocketCall::Accept);
}

void TestCallSequence::aStepThatIsNotReadyWaitsAndSaysWhy()
{
    LoopbackSession lab;
    QString id;
    bool ready = false;
    CallSequence calls(&lab.session());
    calls.append(SocketCall::Socket, newClient(lab.session(), &id), CallSequence::returns(),
                 [&] { return ready ? QString() : QStringLiteral("the flag is down"); });
    QSignalSpy waiting(&calls, &CallSequence::waiting);
    QSignalSpy finished(&calls, &CallSequence::finished);
    calls.start();
    QCOMPARE(waiting.size(), 1);
    QCOMPARE(waiting.first().first().toString(), QString("the flag is down"));
    QTest::qWait(100);
    QVERIFY(id.isEmpty());
    // Asked again without any session event: the step goes out once it is ready.
    ready = true;
    QVERIFY(finished.wait(5000));
    QVERIFY(!id.isEmpty());
    QCOMPARE(waiting.size(), 1);
}

void TestCallSequence::finishDropsTheStepsLeft()
{
    LoopbackSession lab;
    QString id;
    CallSequence calls(&lab.session());
    calls.append(SocketCall::Socket, newClient(lab.session(), &id), [](const SocketEvent &e) {
        return e.phase == CallPhase::Returned ? Outcome::Finish : Outcome::Pending;
    });
    bool closeIssued = false;
    calls.append(SocketCall::Close, [&](QString *) {
        closeIssued = true;
        return QString();
    });
    QSignalSpy finished(&calls, &CallSequence::finished);
    calls.start();
    QVERIFY(finished.wait(5000));
    QTest::qWait(50);
    QVERIFY(!closeIssued);
    QCOMPARE(finished.size(), 1);
}

void TestCallSequence::aStepAppendedAfterTheEndNeedsStartAgain()
{
    LoopbackSession lab;
    QString id;
    CallSequence calls(&lab.session());
    calls.append(SocketCall::Socket, newClient(lab.session(), &id));
    QSignalSpy finished(&calls, &CallSequence::finished);
    calls.start();
    QVERIFY(finished.wait(5000));
    calls.append(SocketCall::Close, [&](QString *socketId) {
        *socketId = id;
        return lab.session().close(id);
    });
    QTest::qWait(50);
    QCOMPARE(lab.session().socket(id).state == SocketState::Closed, false);
    calls.start();
    QVERIFY(finished.wait(5000));
    QCOMPARE(lab.session().socket(id).state, SocketState::Closed);
}

QTEST_GUILESS_MAIN(TestCallSequence)
#include "tst_callsequence.moc"
