// SPDX-License-Identifier: MIT
// The sequence diagram's model as data: events in, lifelines, arrows and bars out.

#include "LoopbackSession.h"
#include "present/SequenceModel.h"

#include <QTest>

#include <cerrno>
#include <netinet/in.h>

namespace {
qint64 nextSeq = 0;

SocketEvent ev(const QString &socket, SocketCall call, CallPhase phase,
               const QVariantMap &args = {}, const QVariant &result = QVariant(),
               const QByteArray &data = QByteArray())
{
    SocketEvent e;
    e.seq = ++nextSeq;
    e.socketId = socket;
    e.role = socketRoleOf(socket);
    e.call = call;
    e.phase = phase;
    e.args = args;
    e.result = result;
    if (call == SocketCall::Send || call == SocketCall::SendAll || call == SocketCall::Recv) {
        e.data = data;
        e.byteCount = data.size();
    }
    return e;
}

QVariantMap address(const QString &host, int port)
{
    return SocketAddress(AF_INET, host, quint16(port)).toVariant();
}

// server#1 listening on 127.0.0.1:50000, client#1 connected from port 40000, conn#1 accepted.
void connectedPair(SequenceModel &m)
{
    using C = SocketCall;
    using P = CallPhase;
    m.addEvent(ev("server#1", C::Socket, P::Returned, {}, 3));
    m.addEvent(ev("server#1", C::Bind, P::Returned, {{"host", "127.0.0.1"}, {"port", 50000}},
                  address("127.0.0.1", 50000)));
    m.addEvent(ev("server#1", C::Listen, P::Returned, {{"backlog", 1}}));
    m.addEvent(ev("server#1", C::Accept, P::Started));
    m.addEvent(ev("server#1", C::Accept, P::Blocked));
    m.addEvent(ev("client#1", C::Socket, P::Returned, {}, 4));
    m.addEvent(
        ev("client#1", C::Connect, P::Returned,
           {{"host", "127.0.0.1"}, {"port", 50000}, {"address", address("127.0.0.1", 50000)}},
           QVariantMap{{"local", address("127.0.0.1", 40000)}}));
    m.addEvent(ev("server#1", C::Accept, P::Returned, {},
                  QVariantMap{{"socket", "conn#1"}, {"address", address("127.0.0.1", 40000)}}));
}

QList<SequenceModel::Arrow> ofKind(const SequenceModel &m, SequenceModel::ArrowKind kind)
{
    QList<SequenceModel::Arrow> found;
    for (const SequenceModel::Arrow &a : m.arrows()) {
        if (a.kind == kind)
            found << a;
    }
    return found;
}
} // namespace

class TestSequenceModel : public QObject
{
    Q_OBJECT

private slots:
    void handshakeLifelinesAndBlockedAccept();
    void oneSendReadByTwoRecvsFansOut();
    void twoSendsReadByOneRecvConverge();
    void unreadDataIsPending();
    void closeSendsFinSeenAsEmptyRecv();
    void resetIsDrawn();
    void failedCallIsAMark();
    void realSessionGivesTheSameShape();
};

void TestSequenceModel::handshakeLifelinesAndBlockedAccept()
{
    SequenceModel m;
    connectedPair(m);
    QCOMPARE(m.lifelines().size(), 3);
    QCOMPARE(m.lifelines().at(m.lifelineOf("conn#1")).role, SocketRole::Connection);
    const auto syn = ofKind(m, SequenceModel::ArrowKind::Syn);
    const auto synAck = ofKind(m, SequenceModel::ArrowKind::SynAck);
    const auto ack = ofKind(m, SequenceModel::ArrowKind::Ack);
    QCOMPARE(syn.size(), 1);
    QCOMPARE(syn.first().from, m.lifelineOf("client#1"));
    QCOMPARE(syn.first().to, m.lifelineOf("server#1"));
    QCOMPARE(synAck.first().from, m.lifelineOf("server#1"));
    QCOMPARE(ack.first().lane, 2);
    QVERIFY(syn.first().label.contains(QStringLiteral("inferred")));
    QCOMPARE(m.bars().size(), 1);
    QCOMPARE(m.bars().first().call, QStringLiteral("accept"));
    QVERIFY(m.bars().first().toRow > m.bars().first().fromRow);
    // Started events take no row; every other event does, in order.
    QCOMPARE(m.rowCount(), 7);
    QVERIFY(m.rowOfSeq(m.seqOfRow(3)) == 3);
}

void TestSequenceModel::oneSendReadByTwoRecvsFansOut()
{
    SequenceModel m;
    connectedPair(m);
    m.addEvent(ev("client#1", SocketCall::SendAll, CallPhase::Returned, {{"size", 21}}, QVariant(),
                  "Hey, can you hear me?"));
    const qint64 sendSeq = nextSeq;
    m.addEvent(ev("conn#1", SocketCall::Recv, CallPhase::Returned, {{"bufsize", 16}}, 16,
                  "Hey, can you hea"));
    m.addEvent(ev("conn#1", SocketCall::Recv, CallPhase::Returned, {{"bufsize", 16}}, 5, "r me?"));
    const auto data = ofKind(m, SequenceModel::ArrowKind::Data);
    QCOMPARE(data.size(), 2);
    for (const auto &a : data) {
        QCOMPARE(a.seq, sendSeq); // both leave from the one send
        QCOMPARE(a.from, m.lifelineOf("client#1"));
        QCOMPARE(a.to, m.lifelineOf("conn#1"));
        QVERIFY(!a.pending);
    }
    QCOMPARE(data.at(0).fromRow, data.at(1).fromRow);
    QVERIFY(data.at(1).toRow > data.at(0).toRow);
    QCOMPARE(data.at(0).label, QStringLiteral("16 of 21 bytes"));
    QCOMPARE(data.at(1).label, QStringLiteral("5 of 21 bytes"));
}

void TestSequenceModel::twoSendsReadByOneRecvConverge()
{
    SequenceModel m;
    connectedPair(m);
    m.addEvent(ev("client#1", SocketCall::Send, CallPhase::Returned, {{"size", 3}}, 3, "abc"));
    m.addEvent(ev("client#1", SocketCall::Send, CallPhase::Returned, {{"size", 4}}, 4, "defg"));
    m.addEvent(
        ev("conn#1", SocketCall::Recv, CallPhase::Returned, {{"bufsize", 4096}}, 7, "abcdefg"));
    const auto data = ofKind(m, SequenceModel::ArrowKind::Data);
    QCOMPARE(data.size(), 2);
    QVERIFY(data.at(0).fromRow < data.at(1).fromRow);
    QCOMPARE(data.at(0).toRow, data.at(1).toRow);
    QVERIFY(data.at(0).label.startsWith(QStringLiteral("3 bytes")));
    QVERIFY(data.at(1).label.startsWith(QStringLiteral("4 bytes")));
}

void TestSequenceModel::unreadDataIsPending()
{
    SequenceModel m;
    connectedPair(m);
    m.addEvent(
        ev("conn#1", SocketCall::SendAll, CallPhase::Returned, {{"size", 2}}, QVariant(), "hi"));
    const auto data = ofKind(m, SequenceModel::ArrowKind::Data);
    QCOMPARE(data.size(), 1);
    QVERIFY(data.first().pending);
    QCOMPARE(data.first().to, m.lifelineOf("client#1"));
}

void TestSequenceModel::closeSendsFinSeenAsEmptyRecv()
{
    SequenceModel m;
    connectedPair(m);
    m.addEvent(ev("conn#1", SocketCall::Close, CallPhase::Returned));
    auto fin = ofKind(m, SequenceModel::ArrowKind::Fin);
    QCOMPARE(fin.size(), 1);
    QVERIFY(fin.first().pending);
    m.addEvent(ev("client#1", SocketCall::Recv, CallPhase::Returned, {{"bufsize", 4096}}, 0,
                  QByteArray()));
    fin = ofKind(m, SequenceModel::ArrowKind::Fin);
    QVERIFY(!fin.first().pending);
    QVERIFY(fin.first().toRow > fin.first().fromRow);
    QCOMPARE(m.lifelines().at(m.lifelineOf("conn#1")).lastRow, fin.first().fromRow);
    m.addEvent(ev("client#1", SocketCall::Shutdown, CallPhase::Returned, {{"how", SHUT_WR}}));
    m.addEvent(ev("client#1", SocketCall::Close, CallPhase::Returned));
    QCOMPARE(ofKind(m, SequenceModel::ArrowKind::Fin).size(), 2); // one FIN per direction
}

void TestSequenceModel::resetIsDrawn()
{
    SequenceModel m;
    connectedPair(m);
    SocketEvent reset = ev("client#1", SocketCall::Recv, CallPhase::Failed, {{"bufsize", 4096}});
    reset.byteCount = -1;
    reset.error = CallError::fromErrno(ECONNRESET, QString());
    m.addEvent(reset);
    const auto rst = ofKind(m, SequenceModel::ArrowKind::Rst);
    QCOMPARE(rst.size(), 1);
    QCOMPARE(rst.first().from, m.lifelineOf("conn#1"));
    QCOMPARE(rst.first().to, m.lifelineOf("client#1"));
}

void TestSequenceModel::failedCallIsAMark()
{
    SequenceModel m;
    m.addEvent(ev("server#2", SocketCall::Socket, CallPhase::Returned, {}, 5));
    SocketEvent inUse = ev("server#2", SocketCall::Bind, CallPhase::Failed,
                           {{"host", "127.0.0.1"}, {"port", 50000}});
    inUse.error = CallError::fromErrno(EADDRINUSE, QString());
    m.addEvent(inUse);
    QCOMPARE(m.marks().size(), 2);
    QVERIFY(m.marks().last().failed);
    QCOMPARE(m.marks().last().label, QStringLiteral("bind ✗ EADDRINUSE"));
    QVERIFY(m.arrows().isEmpty());
}

void TestSequenceModel::realSessionGivesTheSameShape()
{
    LoopbackSession lab;
    QString client, conn;
    QVERIFY(lab.connectedPair(&client, &conn));
    lab.session().sendAll(client, "Hey, can you hear me?");
    lab.events().waitForEnd(client, SocketCall::SendAll);
    lab.session().recv(conn, 16);
    lab.events().waitForEnd(conn, SocketCall::Recv);
    lab.session().recv(conn, 16);
    lab.events().waitForEnd(conn, SocketCall::Recv);
    SequenceModel m;
    for (const SocketEvent &e : lab.events().events())
        m.addEvent(e);
    QCOMPARE(ofKind(m, SequenceModel::ArrowKind::Syn).size(), 1);
    QCOMPARE(ofKind(m, SequenceModel::ArrowKind::Syn).first().to,
             m.lifelineOf(QStringLiteral("server#1")));
    const auto data = ofKind(m, SequenceModel::ArrowKind::Data);
    QCOMPARE(data.size(), 2);
    QCOMPARE(data.at(0).to, m.lifelineOf(conn));
    QCOMPARE(data.at(1).label, QStringLiteral("5 of 21 bytes"));
}

QTEST_GUILESS_MAIN(TestSequenceModel)
#include "tst_sequencemodel.moc"
