// SPDX-License-Identifier: MIT
// UDP (SOCK_DGRAM) over loopback: message boundaries, truncation, several clients, the
// calls UDP does not have, connect on a datagram socket, a python3 peer, and the diagram.

#include "EventRecorder.h"
#include "present/PythonForm.h"
#include "present/SequenceModel.h"
#include "session/SocketSession.h"

#include <QProcess>
#include <QTest>

#include <netinet/in.h>

class TestUdp : public QObject
{
    Q_OBJECT
private slots:
    void boundariesArePreserved();
    void aLongDatagramIsCutAndSaysSo();
    void oneServerAnswersSeveralClients();
    void streamCallsAreNotOfferedForUdp_data();
    void streamCallsAreNotOfferedForUdp();
    void connectedUdpUsesSendAndRecv();
    void answersAPython3Client();

private:
    // A UDP socket bound to 127.0.0.1 and a kernel-chosen port.
    QString boundSocket(SocketSession &s, EventRecorder &ev, SocketRole role, quint16 *port);
};

QString TestUdp::boundSocket(SocketSession &s, EventRecorder &ev, SocketRole role, quint16 *port)
{
    QString id;
    s.createSocket(role, AF_INET, SOCK_DGRAM, 0, &id);
    if (ev.waitForEnd(id, SocketCall::Socket).phase != CallPhase::Returned)
        return QString();
    s.bind(id, QStringLiteral("127.0.0.1"), 0);
    const SocketEvent bound = ev.waitForEnd(id, SocketCall::Bind);
    if (bound.phase != CallPhase::Returned)
        return QString();
    *port = SocketAddress::fromVariant(bound.result.toMap()).port();
    return id;
}

void TestUdp::boundariesArePreserved()
{
    SocketSession s;
    EventRecorder ev(&s);
    quint16 port = 0;
    const QString server = boundSocket(s, ev, SocketRole::Server, &port);
    QVERIFY(!server.isEmpty());
    QString client;
    s.createSocket(SocketRole::Client, AF_INET, SOCK_DGRAM, 0, &client);
    QCOMPARE(ev.waitForEnd(client, SocketCall::Socket).phase, CallPhase::Returned);
    const QList<QByteArray> messages{"one", "two", "three"};
    for (const QByteArray &m : messages) {
        QVERIFY(s.sendTo(client, m, QStringLiteral("127.0.0.1"), port).isEmpty());
        const SocketEvent sent = ev.waitForEnd(client, SocketCall::SendTo);
        QCOMPARE(sent.phase, CallPhase::Returned);
        QCOMPARE(sent.byteCount, m.size());
    }
    // The first sendto gave the client a port, as bind would have.
    const SocketInfo info = s.socket(client);
    QCOMPARE(info.state, SocketState::Bound);
    QVERIFY(info.local.port() != 0);
    SequenceModel diagram;
    for (const SocketEvent &e : ev.events())
        diagram.addEvent(e);
    for (const QByteArray &m : messages) {
        QVERIFY(s.recvFrom(server, 1024).isEmpty());
        const SocketEvent got = ev.waitForEnd(server, SocketCall::RecvFrom);
        QCOMPARE(got.phase, CallPhase::Returned);
        QCOMPARE(got.data, m); // three datagrams, three reads: never merged
        const SocketAddress from =
            SocketAddress::fromVariant(got.result.toMap().value(QStringLiteral("address")).toMap());
        QCOMPARE(from.port(), info.local.port());
        QVERIFY(PythonForm::outcome(got).startsWith(QStringLiteral("(b'%1', ('127.0.0.1', %2))")
                                                        .arg(QString::fromLatin1(m))
                                                        .arg(from.port())));
        diagram.addEvent(got);
    }
    // One arrow per datagram, each ending at its own recvfrom.
    int arrows = 0;
    for (const SequenceModel::Arrow &a : diagram.arrows()) {
        if (a.kind != SequenceModel::ArrowKind::Data)
            continue;
        ++arrows;
        QVERIFY(!a.pending);
        QVERIFY(a.to >= 0);
        QVERIFY(a.toRow > a.fromRow);
    }
    QCOMPARE(arrows, 3);
    QCOMPARE(PythonForm::statement(ev.events().last()),
             QStringLiteral("data, addr = "
                            "server_socket.recvfrom(1024)"));
}

void TestUdp::aLongDatagramIsCutAndSaysSo()
{
    SocketSession s;
    EventRecorder ev(&s);
    quint16 port = 0;
    const QString server = boundSocket(s, ev, SocketRole::Server, &port);
    QString client;
    s.createSocket(SocketRole::Client, AF_INET, SOCK_DGRAM, 0, &client);
    ev.waitForEnd(client, SocketCall::Socket);
    const QByteArray big(100, 'x');
    s.sendTo(client, big, QStringLiteral("127.0.0.1"), port);
    ev.waitForEnd(client, SocketCall::SendTo);
    s.sendTo(client, "next", QStringLiteral("127.0.0.1"), port);
    ev.waitForEnd(client, SocketCall::SendTo);
    s.recvFrom(server, 10);
    const SocketEvent cut = ev.waitForEnd(server, SocketCall::RecvFrom);
    QCOMPARE(cut.byteCount, 10);
    QCOMPARE(cut.data, QByteArray(10, 'x'));
    QCOMPARE(cut.result.toMap().value(QStringLiteral("truncated")).toBool(), true);
    QCOMPARE(cut.result.toMap().value(QStringLiteral("datagram_length")).toLongLong(), 100);
    QVERIFY(PythonForm::outcome(cut).contains(QStringLiteral("TRUNCATED")));
    // The other 90 bytes are gone: the next read is the next datagram.
    s.recvFrom(server, 1024);
    const SocketEvent next = ev.waitForEnd(server, SocketCall::RecvFrom);
    QCOMPARE(next.data, QByteArray("next"));
    QVERIFY(!next.result.toMap().contains(QStringLiteral("truncated")));
}

void TestUdp::oneServerAnswersSeveralClients()
{
    SocketSession s;
    EventRecorder ev(&s);
    quint16 port = 0;
    const QString server = boundSocket(s, ev, SocketRole::Server, &port);
    QStringList clients;
    for (int i = 0; i < 3; ++i) {
        QString c;
        s.createSocket(SocketRole::Client, AF_INET, SOCK_DGRAM, 0, &c);
        ev.waitForEnd(c, SocketCall::Socket);
        s.sendTo(c, QByteArray("hello from ") + QByteArray::number(i), QStringLiteral("127.0.0.1"),
                 port);
        QCOMPARE(ev.waitForEnd(c, SocketCall::SendTo).phase, CallPhase::Returned);
        clients << c;
    }
    // The server answers each datagram to its sender, as an echo over UDP does.
    for (int i = 0; i < 3; ++i) {
        s.recvFrom(server, 1024);
        const SocketEvent got = ev.waitForEnd(server, SocketCall::RecvFrom);
        const SocketAddress from =
            SocketAddress::fromVariant(got.result.toMap().value(QStringLiteral("address")).toMap());
        s.sendTo(server, got.data.toUpper(), from.host(), from.port());
        QCOMPARE(ev.waitForEnd(server, SocketCall::SendTo).phase, CallPhase::Returned);
    }
    for (int i = 0; i < 3; ++i) {
        s.recvFrom(clients.at(i), 1024);
        const SocketEvent answer = ev.waitForEnd(clients.at(i), SocketCall::RecvFrom);
        QCOMPARE(answer.data, QByteArray("HELLO FROM ") + QByteArray::number(i));
    }
}

void TestUdp::streamCallsAreNotOfferedForUdp_data()
{
    QTest::addColumn<int>("call");
    QTest::addColumn<QString>("kernelError");
    QTest::newRow("listen") << int(SocketCall::Listen) << "EOPNOTSUPP";
    QTest::newRow("accept") << int(SocketCall::Accept) << "EOPNOTSUPP";
    QTest::newRow("shutdown") << int(SocketCall::Shutdown) << "ENOTCONN";
}

void TestUdp::streamCallsAreNotOfferedForUdp()
{
    QFETCH(int, call);
    QFETCH(QString, kernelError);
    SocketSession s;
    EventRecorder ev(&s);
    quint16 port = 0;
    const QString udp = boundSocket(s, ev, SocketRole::Server, &port);
    const auto c = SocketCall(call);
    QVERIFY(s.whyInvalid(udp, c).contains(QStringLiteral("UDP")));
    CallRequest r = CallRequest::on(c, udp);
    QVERIFY(!s.request(r).isEmpty()); // refused by the rules
    // With invalid calls allowed, the kernel answers.
    s.setAllowInvalidCalls(true);
    QVERIFY(s.request(r).isEmpty());
    const SocketEvent failed = ev.waitForEnd(udp, c);
    QCOMPARE(failed.phase, CallPhase::Failed);
    QCOMPARE(failed.error.name(), kernelError);
}

void TestUdp::connectedUdpUsesSendAndRecv()
{
    SocketSession s;
    EventRecorder ev(&s);
    quint16 port = 0;
    const QString server = boundSocket(s, ev, SocketRole::Server, &port);
    QString client;
    s.createSocket(SocketRole::Client, AF_INET, SOCK_DGRAM, 0, &client);
    ev.waitForEnd(client, SocketCall::Socket);
    QVERIFY(!s.whyInvalid(client, SocketCall::Send).isEmpty()); // no peer yet
    s.connectTo(client, QStringLiteral("127.0.0.1"), port);
    QCOMPARE(ev.waitForEnd(client, SocketCall::Connect).phase, CallPhase::Returned);
    QCOMPARE(s.socket(client).state, SocketState::Connected);
    QVERIFY(s.send(client, "via send").isEmpty());
    QCOMPARE(ev.waitForEnd(client, SocketCall::Send).phase, CallPhase::Returned);
    s.recvFrom(server, 1024);
    const SocketEvent got = ev.waitForEnd(server, SocketCall::RecvFrom);
    QCOMPARE(got.data, QByteArray("via send"));
    const SocketAddress from =
        SocketAddress::fromVariant(got.result.toMap().value(QStringLiteral("address")).toMap());
    s.sendTo(server, QByteArray(), from.host(), from.port()); // an empty datagram is a datagram
    ev.waitForEnd(server, SocketCall::SendTo);
    s.recv(client, 1024);
    const SocketEvent empty = ev.waitForEnd(client, SocketCall::Recv);
    QCOMPARE(empty.byteCount, 0);
    QCOMPARE(s.socket(client).state, SocketState::Connected); // not "peer closed"
}

void TestUdp::answersAPython3Client()
{
    SocketSession s;
    EventRecorder ev(&s);
    quint16 port = 0;
    const QString server = boundSocket(s, ev, SocketRole::Server, &port);
    QProcess python;
    python.start(QStringLiteral("python3"),
                 {QStringLiteral("-c"),
                  QStringLiteral("import socket, sys\n"
                                 "s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)\n"
                                 "s.settimeout(10)\n"
                                 "for m in (b'ping 1', b'ping 2'):\n"
                                 "    s.sendto(m, ('127.0.0.1', %1))\n"
                                 "    data, addr = s.recvfrom(1024)\n"
                                 "    print(data.decode(), addr[1] == %1, flush=True)\n")
                      .arg(port)});
    QVERIFY(python.waitForStarted());
    for (int i = 0; i < 2; ++i) {
        s.recvFrom(server, 1024);
        const SocketEvent got = ev.waitForEnd(server, SocketCall::RecvFrom, 10000);
        QCOMPARE(got.phase, CallPhase::Returned);
        const SocketAddress from =
            SocketAddress::fromVariant(got.result.toMap().value(QStringLiteral("address")).toMap());
        s.sendTo(server, got.data, from.host(), from.port());
        QCOMPARE(ev.waitForEnd(server, SocketCall::SendTo).phase, CallPhase::Returned);
    }
    // The event loop may already have seen it end, and then waitForFinished says false.
    QVERIFY(python.state() == QProcess::NotRunning || python.waitForFinished(10000));
    QCOMPARE(python.exitCode(), 0);
    QCOMPARE(python.readAllStandardOutput(), QByteArray("ping 1 True\nping 2 True\n"));
}

QTEST_GUILESS_MAIN(TestUdp)
#include "tst_udp.moc"
