// SPDX-License-Identifier: MIT
// "Why is it stuck?" as data: the events of both ends of a connection, the time now, and the
// words a student reads. Events are written as the engine and the watcher report them.

#include "present/StuckDiagnosis.h"

#include <QTest>

namespace {
const QVariantMap serverAddress{{QStringLiteral("family"), 2},
                                {QStringLiteral("host"), QStringLiteral("127.0.0.1")},
                                {QStringLiteral("port"), 5000}};
const QVariantMap clientAddress{{QStringLiteral("family"), 2},
                                {QStringLiteral("host"), QStringLiteral("127.0.0.1")},
                                {QStringLiteral("port"), 40000}};

SocketEvent made(const QString &id, const QString &name, SocketRole role, SocketCall call,
                 CallPhase phase, double tMs)
{
    SocketEvent e;
    e.socketId = id;
    e.socketName = name;
    e.role = role;
    e.call = call;
    e.phase = phase;
    e.tMs = tMs;
    return e;
}

// A server that accepted a client at t = 100 ms: server_socket, conn, client_socket.
QVector<SocketEvent> connected()
{
    QVector<SocketEvent> events;
    const auto server = [&](SocketCall call, QVariantMap args = {}, QVariant result = {}) {
        SocketEvent e = made(QStringLiteral("srv"), QStringLiteral("server_socket"),
                             SocketRole::Server, call, CallPhase::Returned, 10);
        e.args = args;
        e.result = result;
        events << e;
    };
    server(SocketCall::Socket, {{QStringLiteral("family"), 2}, {QStringLiteral("type"), 1}}, 3);
    server(SocketCall::Bind, {{QStringLiteral("address"), serverAddress}});
    server(SocketCall::Listen);
    SocketEvent client = made(QStringLiteral("cli"), QStringLiteral("client_socket"),
                              SocketRole::Client, SocketCall::Socket, CallPhase::Returned, 50);
    events << client;
    client.call = SocketCall::Connect;
    client.args = {{QStringLiteral("address"), serverAddress}};
    client.tMs = 100;
    events << client;
    server(SocketCall::Accept, {},
           QVariantMap{{QStringLiteral("socket"), QStringLiteral("c1")},
                       {QStringLiteral("name"), QStringLiteral("conn")},
                       {QStringLiteral("address"), clientAddress}});
    return events;
}

SocketEvent conn(SocketCall call, CallPhase phase, double tMs, qint64 bytes = -1)
{
    SocketEvent e = made(QStringLiteral("c1"), QStringLiteral("conn"), SocketRole::Connection, call,
                         phase, tMs);
    e.byteCount = bytes;
    return e;
}

SocketEvent client(SocketCall call, CallPhase phase, double tMs, qint64 bytes = -1)
{
    SocketEvent e = made(QStringLiteral("cli"), QStringLiteral("client_socket"), SocketRole::Client,
                         call, phase, tMs);
    e.byteCount = bytes;
    return e;
}
} // namespace

class TestStuckDiagnosis : public QObject
{
    Q_OBJECT
private slots:
    void whoWaitsForWhom_data();
    void whoWaitsForWhom();
};

void TestStuckDiagnosis::whoWaitsForWhom_data()
{
    QTest::addColumn<QVector<SocketEvent>>("events");
    QTest::addColumn<double>("nowMs");
    QTest::addColumn<QStringList>("words");

    QTest::newRow("nothing waits") << connected() << 5000.0 << QStringList();

    QVector<SocketEvent> bothRecv = connected();
    bothRecv << conn(SocketCall::Recv, CallPhase::Started, 200)
             << client(SocketCall::Recv, CallPhase::Started, 300);
    QTest::newRow("both in recv")
        << bothRecv << 3000.0
        << QStringList{"Both ends are in recv(): client_socket waits for conn to send, and "
                       "conn waits for client_socket. Neither sends first, so both wait for ever."};
    QTest::newRow("both in recv, but only for a moment") << bothRecv << 900.0 << QStringList();
    // Watched programs' calls carry the line that made them.
    QVector<SocketEvent> bothRecvAt = connected();
    SocketEvent serverRecv = conn(SocketCall::Recv, CallPhase::Started, 200);
    serverRecv.source = {QStringLiteral("/home/student/server.py"), 14,
                         QStringLiteral("data = conn.recv(1024)")};
    SocketEvent clientRecv = client(SocketCall::Recv, CallPhase::Started, 300);
    clientRecv.source = {QStringLiteral("client.py"), 9, QStringLiteral("reply = s.recv(1024)")};
    bothRecvAt << serverRecv << clientRecv;
    QTest::newRow("both in recv, at their lines")
        << bothRecvAt << 3000.0
        << QStringList{"Both ends are in recv(): client_socket (client.py:9) waits for conn "
                       "(server.py:14) to send, and conn (server.py:14) waits for client_socket "
                       "(client.py:9). Neither sends first, so both wait for ever."};

    QVector<SocketEvent> noClose = connected();
    noClose << client(SocketCall::SendAll, CallPhase::Returned, 200, 5)
            << conn(SocketCall::Recv, CallPhase::Returned, 210, 5)
            << conn(SocketCall::SendAll, CallPhase::Returned, 220, 5)
            << client(SocketCall::Recv, CallPhase::Returned, 230, 5)
            << client(SocketCall::Close, CallPhase::Returned, 1000)
            << conn(SocketCall::Recv, CallPhase::Returned, 1010, 0);
    QTest::newRow("the client closed, the server did not")
        << noClose << 6000.0
        << QStringList{"client_socket closed 5 s ago and conn's recv() returned b'', but conn has "
                       "not called close(): its end stays in CLOSE_WAIT."};

    QVector<SocketEvent> neverAsked = connected();
    neverAsked << client(SocketCall::Close, CallPhase::Returned, 1000);
    QTest::newRow("the client closed, the server never called recv")
        << neverAsked << 4000.0
        << QStringList{"client_socket closed 3 s ago; conn has not called close(), so its end "
                       "stays in CLOSE_WAIT."};

    QVector<SocketEvent> reset = connected();
    reset << conn(SocketCall::SendAll, CallPhase::Returned, 200, 40)
          << client(SocketCall::Close, CallPhase::Returned, 300);
    QTest::newRow("closed with unread data")
        << reset << 400.0
        << QStringList{"client_socket closed with 40 bytes it never read, so its kernel sent RST "
                       "instead of FIN: conn's next recv() raises ConnectionResetError and its "
                       "next send() BrokenPipeError."};

    QVector<SocketEvent> bothClosed = noClose;
    bothClosed << conn(SocketCall::Close, CallPhase::Returned, 1100);
    QTest::newRow("both closed") << bothClosed << 9000.0 << QStringList();

    QVector<SocketEvent> quietPeer = connected();
    quietPeer << client(SocketCall::Recv, CallPhase::Started, 500);
    QTest::newRow("recv on a peer that sends nothing")
        << quietPeer << 2500.0
        << QStringList{"client_socket waits in recv() for data from conn, which has sent nothing "
                       "for 2 s."};

    QVector<SocketEvent> accepting = connected().mid(0, 3);
    accepting << made(QStringLiteral("srv"), QStringLiteral("server_socket"), SocketRole::Server,
                      SocketCall::Accept, CallPhase::Started, 100);
    QTest::newRow("accept with no client")
        << accepting << 7100.0
        << QStringList{"server_socket waits in accept() for a client: none has connected for 7 s."};

    QVector<SocketEvent> connecting;
    connecting << client(SocketCall::Socket, CallPhase::Returned, 0)
               << client(SocketCall::Connect, CallPhase::Started, 100);
    QTest::newRow("connect that hangs")
        << connecting << 3100.0
        << QStringList{"client_socket's connect() has waited 3 s: the server's backlog may be full "
                       "(its kernel drops the SYN and the client's sends it again), or nothing "
                       "answers at that address."};

    // Two clients of one server: a client's own address is not in the events, so which conn
    // is whose cannot be told. Nothing is said rather than something wrong.
    QVector<SocketEvent> twoClients = bothRecv;
    SocketEvent second = made(QStringLiteral("cli2"), QStringLiteral("client_socket_2"),
                              SocketRole::Client, SocketCall::Connect, CallPhase::Returned, 400);
    second.args = {{QStringLiteral("address"), serverAddress}};
    twoClients << second;
    QTest::newRow("ambiguous pairs say nothing") << twoClients << 3000.0 << QStringList();

    // SocketLab's own clients report their address with connect(): then they are told apart.
    QVector<SocketEvent> known = twoClients;
    for (SocketEvent &e : known) {
        if (e.call != SocketCall::Connect)
            continue;
        QVariantMap local = clientAddress;
        if (e.socketId == QLatin1String("cli2"))
            local.insert(QStringLiteral("port"), 40001);
        e.result = QVariantMap{{QStringLiteral("local"), local}};
    }
    QTest::newRow("clients with known addresses are told apart")
        << known << 3000.0
        << QStringList{"Both ends are in recv(): client_socket waits for conn to send, and "
                       "conn waits for client_socket. Neither sends first, so both wait for ever."};
}

void TestStuckDiagnosis::whoWaitsForWhom()
{
    QFETCH(QVector<SocketEvent>, events);
    QFETCH(double, nowMs);
    QFETCH(QStringList, words);
    QCOMPARE(StuckDiagnosis::diagnose(events, nowMs), words);
}

QTEST_GUILESS_MAIN(TestStuckDiagnosis)
#include "tst_stuckdiagnosis.moc"
