// SPDX-License-Identifier: MIT
// setsockopt over loopback: the kernel's answer read back with getsockopt, SO_LINGER 0 making
// close send RST, and IPV6_V6ONLY deciding whether IPv4 clients reach an IPv6 listener.

#include "EventRecorder.h"
#include "LoopbackSession.h"
#include "calls/SocketOption.h"
#include "present/PythonForm.h"

#include <QTest>

#include <netinet/in.h>

class TestSocketOptions : public QObject
{
    Q_OBJECT
private slots:
    void kernelAnswerIsShown_data();
    void kernelAnswerIsShown();
    void lingerZeroMakesCloseSendReset();
    void dualStackListenerSeesMappedIPv4();
    void v6OnlyListenerRefusesIPv4();
};

void TestSocketOptions::kernelAnswerIsShown_data()
{
    QTest::addColumn<QString>("option");
    QTest::addColumn<int>("value");
    QTest::addColumn<int>("kernelSays");
    QTest::newRow("SO_REUSEADDR") << "SO_REUSEADDR" << 1 << 1;
    QTest::newRow("TCP_NODELAY") << "TCP_NODELAY" << 1 << 1;
    QTest::newRow("SO_KEEPALIVE") << "SO_KEEPALIVE" << 1 << 1;
    // Linux keeps twice the size asked for, for its own bookkeeping.
    QTest::newRow("SO_RCVBUF") << "SO_RCVBUF" << 65536 << 131072;
    QTest::newRow("SO_LINGER off") << "SO_LINGER" << -1 << -1;
    QTest::newRow("SO_LINGER 5") << "SO_LINGER" << 5 << 5;
}

void TestSocketOptions::kernelAnswerIsShown()
{
    QFETCH(QString, option);
    QFETCH(int, value);
    QFETCH(int, kernelSays);
    SocketSession s;
    EventRecorder ev(&s);
    QString id;
    s.createSocket(SocketRole::Client, AF_INET, SOCK_STREAM, 0, &id);
    ev.waitForEnd(id, SocketCall::Socket);
    QVERIFY(s.setOption(id, option, value).isEmpty());
    const SocketEvent e = ev.waitForEnd(id, SocketCall::SetSockOpt);
    QCOMPARE(e.phase, CallPhase::Returned);
    QCOMPARE(e.result.toMap().value(QStringLiteral("getsockopt")).toInt(), kernelSays);
    QVERIFY(PythonForm::statement(e).contains(QStringLiteral("socket.") + option));
    QCOMPARE(PythonForm::outcome(e),
             QStringLiteral("None  (getsockopt now says %1)").arg(kernelSays));
}

void TestSocketOptions::lingerZeroMakesCloseSendReset()
{
    LoopbackSession lab;
    SocketSession &s = lab.session();
    quint16 port = 0;
    const QString server = lab.listeningServer(1, &port);
    QString client;
    s.createSocket(SocketRole::Client, AF_INET, SOCK_STREAM, 0, &client);
    lab.events().waitForEnd(client, SocketCall::Socket);
    s.setOption(client, QStringLiteral("SO_LINGER"), 0);
    QCOMPARE(lab.events().waitForEnd(client, SocketCall::SetSockOpt).phase, CallPhase::Returned);
    s.connectTo(client, QStringLiteral("127.0.0.1"), port);
    QCOMPARE(lab.events().waitForEnd(client, SocketCall::Connect).phase, CallPhase::Returned);
    s.accept(server);
    const QString conn = lab.events()
                             .waitForEnd(server, SocketCall::Accept)
                             .result.toMap()
                             .value(QStringLiteral("socket"))
                             .toString();
    s.close(client);
    lab.events().waitForEnd(client, SocketCall::Close);
    s.recv(conn, 100);
    const SocketEvent r = lab.events().waitForEnd(conn, SocketCall::Recv);
    QCOMPARE(r.phase, CallPhase::Failed);
    QCOMPARE(r.error.name(), QStringLiteral("ECONNRESET")); // RST, not the FIN's b''
}

void TestSocketOptions::dualStackListenerSeesMappedIPv4()
{
    SocketSession s;
    EventRecorder ev(&s);
    QString server;
    s.createSocket(SocketRole::Server, AF_INET6, SOCK_STREAM, 0, &server);
    ev.waitForEnd(server, SocketCall::Socket);
    s.setOption(server, QStringLiteral("IPV6_V6ONLY"), 0);
    QCOMPARE(ev.waitForEnd(server, SocketCall::SetSockOpt).phase, CallPhase::Returned);
    s.bind(server, QStringLiteral("::"), 0);
    const quint16 port =
        SocketAddress::fromVariant(ev.waitForEnd(server, SocketCall::Bind).result.toMap()).port();
    s.listen(server, 1);
    ev.waitForEnd(server, SocketCall::Listen);
    QString client;
    s.createSocket(SocketRole::Client, AF_INET, SOCK_STREAM, 0, &client);
    ev.waitForEnd(client, SocketCall::Socket);
    s.connectTo(client, QStringLiteral("127.0.0.1"), port);
    QCOMPARE(ev.waitForEnd(client, SocketCall::Connect).phase, CallPhase::Returned);
    s.accept(server);
    const SocketEvent accepted = ev.waitForEnd(server, SocketCall::Accept);
    QCOMPARE(accepted.phase, CallPhase::Returned);
    const QString outcome = PythonForm::outcome(accepted);
    QVERIFY2(outcome.startsWith(QStringLiteral("('::ffff:127.0.0.1', ")), qPrintable(outcome));
    QVERIFY(outcome.contains(QStringLiteral("IPv4-mapped")));
}

void TestSocketOptions::v6OnlyListenerRefusesIPv4()
{
    SocketSession s;
    EventRecorder ev(&s);
    QString server;
    s.createSocket(SocketRole::Server, AF_INET6, SOCK_STREAM, 0, &server);
    ev.waitForEnd(server, SocketCall::Socket);
    s.setOption(server, QStringLiteral("IPV6_V6ONLY"), 1);
    ev.waitForEnd(server, SocketCall::SetSockOpt);
    s.bind(server, QStringLiteral("::"), 0);
    const quint16 port =
        SocketAddress::fromVariant(ev.waitForEnd(server, SocketCall::Bind).result.toMap()).port();
    s.listen(server, 1);
    ev.waitForEnd(server, SocketCall::Listen);
    QString client;
    s.createSocket(SocketRole::Client, AF_INET, SOCK_STREAM, 0, &client);
    ev.waitForEnd(client, SocketCall::Socket);
    s.connectTo(client, QStringLiteral("127.0.0.1"), port);
    const SocketEvent refused = ev.waitForEnd(client, SocketCall::Connect);
    QCOMPARE(refused.phase, CallPhase::Failed);
    QCOMPARE(refused.error.name(), QStringLiteral("ECONNREFUSED"));
}

QTEST_GUILESS_MAIN(TestSocketOptions)
#include "tst_socketoptions.moc"
