// SPDX-License-Identifier: MIT
// What goes wrong, over real loopback sockets: refused, in use, bad input, broken pipe,
// and the rules that refuse a call unless invalid calls are allowed.

#include "LoopbackSession.h"
#include "PythonServers.h"
#include "calls/ErrnoCatalog.h"
#include "present/PythonForm.h"

#include <QProcess>
#include <QTest>

#include <cerrno>
#include <memory>

#include <netinet/in.h>

class TestSocketErrors : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void connectToClosedPortIsRefused();
    void secondBindIsAddressInUse();
    void anOldErrorGoesWhenTheNextCallStarts();
    void aStrIsRefusedAsPythonRefusesIt();
    void addressInUseByTimeWaitSaysSo();
    void reuseAddressIsSetAndLogged();
    void invalidAddressIsAClearError_data();
    void invalidAddressIsAClearError();
    void sendAfterPeerClosedIsEpipeNotSigpipe();
    void rulesRefuseInvalidCallsUnlessAllowed();
    void invalidCallReachesKernelWhenAllowed();
    void accessDeniedHintFitsTheAddress_data();
    void accessDeniedHintFitsTheAddress();

private:
    std::unique_ptr<LoopbackSession> m_lab;
    SocketSession *m_session = nullptr;
    EventRecorder *m_events = nullptr;
};

void TestSocketErrors::init()
{
    m_lab = std::make_unique<LoopbackSession>();
    m_session = &m_lab->session();
    m_events = &m_lab->events();
}

void TestSocketErrors::cleanup()
{
    m_lab.reset();
}

void TestSocketErrors::connectToClosedPortIsRefused()
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
    // Refused at once on loopback, as Python's connect is: never logged as blocked.
    QVERIFY(!m_events->has(client, SocketCall::Connect, CallPhase::Blocked));
    QVERIFY(refused.error.hint().contains(QStringLiteral("127.0.0.1:%1").arg(port)));
    QVERIFY(refused.error.pythonException().startsWith(QStringLiteral("ConnectionRefusedError")));
    QTRY_COMPARE(m_session->socket(client).state, SocketState::Failed);
}

void TestSocketErrors::secondBindIsAddressInUse()
{
    quint16 port = 0;
    m_lab->listeningServer(1, &port);
    QString second;
    m_session->createSocket(SocketRole::Server, AF_INET, SOCK_STREAM, 0, &second);
    m_events->waitForEnd(second, SocketCall::Socket);
    m_session->bind(second, QStringLiteral("127.0.0.1"), port);
    const SocketEvent e = m_events->waitForEnd(second, SocketCall::Bind);
    QCOMPARE(e.phase, CallPhase::Failed);
    QCOMPARE(e.error.name(), QStringLiteral("EADDRINUSE"));
    // A live listener holds it (this very program): SO_REUSEADDR would not help, so the hint
    // names the holder instead of blaming TIME_WAIT.
    QVERIFY2(e.error.hint().contains(
                 QStringLiteral("held by PID %1").arg(QCoreApplication::applicationPid())) &&
                 e.error.hint().contains(QStringLiteral("LISTEN")) &&
                 e.error.hint().contains(QStringLiteral("SO_REUSEADDR cannot help")) &&
                 !e.error.hint().contains(QStringLiteral("TIME_WAIT")),
             qPrintable(e.error.hint()));
    QTRY_COMPARE(m_session->socket(second).state, SocketState::Created);
}

void TestSocketErrors::anOldErrorGoesWhenTheNextCallStarts()
{
    // The pane kept showing an earlier call's error under "BLOCKED in connect()": a client
    // whose bind to a taken port failed (the socket stays usable), then connects to a server
    // whose queue is full (backlog 0: one connection), so connect waits.
    quint16 port = 0;
    const QString full = m_lab->listeningServer(0, &port);
    QVERIFY(!full.isEmpty());
    QVERIFY(!m_lab->connectedClient(port).isEmpty());
    QString client;
    m_session->createSocket(SocketRole::Client, AF_INET, SOCK_STREAM, 0, &client);
    m_events->waitForEnd(client, SocketCall::Socket);
    QVERIFY(m_session->bind(client, QStringLiteral("127.0.0.1"), port).isEmpty());
    QCOMPARE(m_events->waitForEnd(client, SocketCall::Bind).error.name(),
             QStringLiteral("EADDRINUSE"));
    QTRY_VERIFY(m_session->socket(client).lastError.isError());

    const QString refused = m_session->connectTo(client, QStringLiteral("127.0.0.1"), port);
    QVERIFY2(refused.isEmpty(), qPrintable(refused));
    m_events->waitFor(client, SocketCall::Connect, CallPhase::Blocked);
    QTRY_VERIFY(m_session->socket(client).blocked);
    QVERIFY(!m_session->socket(client).lastError.isError());
}

void TestSocketErrors::aStrIsRefusedAsPythonRefusesIt()
{
    // The course's "messages are bytes": a str given to sendall never reaches the kernel.
    QProcess python;
    python.start(QStringLiteral("python3"),
                 {QStringLiteral("-c"),
                  QStringLiteral("import socket\na, b = socket.socketpair()\na.sendall('hi')")});
    if (!python.waitForFinished(10000))
        QSKIP("python3 is not installed");
    const QString said = QString::fromUtf8(python.readAllStandardError()).trimmed();
    const QString pythonSays = said.mid(said.lastIndexOf(QLatin1Char('\n')) + 1);

    QString client;
    QString conn;
    QVERIFY(m_lab->connectedPair(&client, &conn));
    QVERIFY(m_session->sendAll(client, "hi", true).isEmpty());
    const SocketEvent e = m_events->waitForEnd(client, SocketCall::SendAll);
    QCOMPARE(e.phase, CallPhase::Failed);
    QCOMPARE(e.error.pythonException(), pythonSays);
    QCOMPARE(PythonForm::statement(e), QStringLiteral("client_socket.sendall('hi')"));
    QTRY_COMPARE(m_session->socket(client).bytesSent, qint64(0));
    // The socket is as good as before: the same text as bytes goes out.
    QVERIFY(m_session->sendAll(client, "hi").isEmpty());
    QCOMPARE(m_events->waitForEnd(client, SocketCall::SendAll).phase, CallPhase::Returned);
}

void TestSocketErrors::addressInUseByTimeWaitSaysSo()
{
    // A python3 server that closed its connection first leaves the port in TIME_WAIT, with
    // no program holding it: then SO_REUSEADDR is the advice.
    const int port = PythonServers::leaveTimeWait();
    QVERIFY(port > 0);
    QString server;
    m_session->createSocket(SocketRole::Server, AF_INET, SOCK_STREAM, 0, &server);
    m_events->waitForEnd(server, SocketCall::Socket);
    m_session->bind(server, QStringLiteral("127.0.0.1"), port);
    const SocketEvent e = m_events->waitForEnd(server, SocketCall::Bind);
    QCOMPARE(e.error.name(), QStringLiteral("EADDRINUSE"));
    QVERIFY2(e.error.hint().contains(QStringLiteral("TIME_WAIT")) &&
                 e.error.hint().contains(QStringLiteral("Set SO_REUSEADDR")) &&
                 !e.error.hint().contains(QStringLiteral("held by")),
             qPrintable(e.error.hint()));
}

void TestSocketErrors::reuseAddressIsSetAndLogged()
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

void TestSocketErrors::invalidAddressIsAClearError_data()
{
    QTest::addColumn<int>("call");
    QTest::addColumn<int>("family");
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");
    QTest::addColumn<QString>("errorName");
    QTest::addColumn<QString>("messagePart");

    const int bind = int(SocketCall::Bind);
    const int connect = int(SocketCall::Connect);
    QTest::newRow("bind bad dotted quad") << bind << AF_INET << "999.1.1.1" << 50000 << "ValueError"
                                          << "not a valid IPv4";
    QTest::newRow("connect bad dotted quad")
        << connect << AF_INET << "999.1.1.1" << 50000 << "ValueError"
        << "not a valid IPv4";
    QTest::newRow("bind port too large")
        << bind << AF_INET << "127.0.0.1" << 70000 << "OverflowError"
        << "0-65535";
    QTest::newRow("connect port too large")
        << connect << AF_INET << "127.0.0.1" << 70000 << "OverflowError"
        << "0-65535";
    QTest::newRow("negative port") << bind << AF_INET << "127.0.0.1" << -1 << "OverflowError"
                                   << "0-65535";
    QTest::newRow("IPv6 address on IPv4 socket")
        << connect << AF_INET << "::1" << 50000 << "ValueError"
        << "IPv6";
    QTest::newRow("IPv4 address on IPv6 socket")
        << bind << AF_INET6 << "127.0.0.1" << 50000 << "ValueError"
        << "IPv4";
    QTest::newRow("not a host name") << connect << AF_INET << "local host!" << 50000 << "ValueError"
                                     << "neither";
}

void TestSocketErrors::invalidAddressIsAClearError()
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

void TestSocketErrors::sendAfterPeerClosedIsEpipeNotSigpipe()
{
    QString client, conn;
    QVERIFY(m_lab->connectedPair(&client, &conn));
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

void TestSocketErrors::rulesRefuseInvalidCallsUnlessAllowed()
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

void TestSocketErrors::invalidCallReachesKernelWhenAllowed()
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

void TestSocketErrors::accessDeniedHintFitsTheAddress_data()
{
    // EACCES means a reserved port for an IP address, but a folder's permissions for a Unix
    // socket's path: each gets its own hint (root never sees EACCES, so this is data).
    QTest::addColumn<int>("call");
    QTest::addColumn<QString>("address");
    QTest::addColumn<QString>("hint");
    QTest::newRow("bind, low port") << int(SocketCall::Bind) << "127.0.0.1:80"
                                    << "below 1024";
    QTest::newRow("bind, unix path") << int(SocketCall::Bind) << "unix:/root/x.sock"
                                     << "A Unix socket is a file";
    QTest::newRow("connect, unix path") << int(SocketCall::Connect) << "unix:/root/x.sock"
                                        << "You may not open that socket file";
}

void TestSocketErrors::accessDeniedHintFitsTheAddress()
{
    QFETCH(int, call);
    QFETCH(QString, address);
    QFETCH(QString, hint);
    const QString said = ErrnoCatalog::hint(EACCES, SocketCall(call), address);
    QVERIFY2(said.contains(hint), qPrintable(said));
    if (address.startsWith(QLatin1String("unix:")))
        QVERIFY(!said.contains(QStringLiteral("1024")));
}

QTEST_GUILESS_MAIN(TestSocketErrors)
#include "tst_socketerrors.moc"
