// SPDX-License-Identifier: MIT
// Many bytes and many clients through one session on loopback: 10 MiB through sendall, an echo
// server that keeps every byte while events carry only a preview, receive buffers reused,
// 200 clients at once, and a chat relaying to every other client.

#include "LoopbackSession.h"
#include "engine/ReceiveBufferPool.h"
#include "present/PythonForm.h"
#include "session/AutoServer.h"

#include <QCryptographicHash>
#include <QProcess>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTest>

#include <cerrno>
#include <memory>

#include <fcntl.h>
#include <netinet/in.h>
#include <sys/socket.h>

namespace {
// A python3 peer that sends COUNT random bytes from one thread while it reads the echo on
// another (so neither side's buffers fill), then prints both digests and how much came back.
const char echoCheckingClient[] = R"(
import hashlib, os, socket, sys, threading
s = socket.create_connection(('127.0.0.1', int(sys.argv[1])))
payload = os.urandom(int(sys.argv[2]))
def send():
    s.sendall(payload)
    s.shutdown(socket.SHUT_WR)
t = threading.Thread(target=send)
t.start()
got = bytearray()
while True:
    chunk = s.recv(1 << 16)
    if not chunk:
        break
    got += chunk
t.join()
print(hashlib.sha256(payload).hexdigest(), hashlib.sha256(got).hexdigest(), len(got))
)";
} // namespace

class TestSocketVolume : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void sendAllTenMebibytesArrivesIntact();
    void receiveBuffersComeBackOnceReleased();
    void echoKeepsEveryByteWhenEventsCarryAPreview();
    void twoHundredConcurrentClients();
    void chatRelaysToEveryOtherClient();

private:
    std::unique_ptr<LoopbackSession> m_lab;
    SocketSession *m_session = nullptr;
    EventRecorder *m_events = nullptr;
};

void TestSocketVolume::init()
{
    m_lab = std::make_unique<LoopbackSession>();
    m_session = &m_lab->session();
    m_events = &m_lab->events();
}

void TestSocketVolume::cleanup()
{
    m_lab.reset();
}

void TestSocketVolume::sendAllTenMebibytesArrivesIntact()
{
    QString client, conn;
    QVERIFY(m_lab->connectedPair(&client, &conn));
    QByteArray payload(10 * 1024 * 1024, Qt::Uninitialized);
    QRandomGenerator generator(20261122);
    generator.fillRange(reinterpret_cast<quint32 *>(payload.data()), payload.size() / 4);

    QByteArray received;
    connect(m_session, &SocketSession::eventOccurred, this, [&](const SocketEvent &e) {
        if (e.socketId != conn || e.call != SocketCall::Recv || e.phase != CallPhase::Returned)
            return;
        received += e.data;
        if (e.byteCount > 0 && received.size() < payload.size())
            m_session->recv(conn, 65536);
    });
    m_session->sendAll(client, payload);
    m_session->recv(conn, 65536);
    QTRY_COMPARE_WITH_TIMEOUT(received.size(), payload.size(), 30000);
    const SocketEvent sent = m_events->waitForEnd(client, SocketCall::SendAll, 30000);
    QCOMPARE(sent.phase, CallPhase::Returned);
    QCOMPARE(sent.byteCount, qint64(payload.size()));
    QCOMPARE(QCryptographicHash::hash(received, QCryptographicHash::Sha256),
             QCryptographicHash::hash(payload, QCryptographicHash::Sha256));
    QCOMPARE(m_session->socket(conn).bytesReceived, qint64(payload.size()));
}

void TestSocketVolume::receiveBuffersComeBackOnceReleased()
{
    ReceiveBufferPool pool;
    QByteArray first = pool.take(65536);
    QCOMPARE(first.size(), 65536);
    const char *memory = first.constData();
    first.fill('a', 40000);
    QByteArray passedOn = pool.finish(std::move(first), 40000);
    // A long chunk is passed on as it is, not copied.
    QCOMPARE(passedOn, QByteArray(40000, 'a'));
    QCOMPARE(passedOn.constData(), memory);

    // Still held (by an event, say): the next recv gets other memory.
    QByteArray second = pool.take(65536);
    QVERIFY(second.constData() != memory);
    pool.finish(std::move(second), 0);

    passedOn = QByteArray();
    QByteArray third = pool.take(65536);
    QCOMPARE(third.constData(), memory);
    QCOMPARE(third.size(), 65536);
    third.fill('b', 5);
    // A short chunk is copied out, so keeping it does not pin 64 KiB.
    const QByteArray shortChunk = pool.finish(std::move(third), 5);
    QCOMPARE(shortChunk, QByteArray("bbbbb"));
    QVERIFY(shortChunk.constData() != memory);
    QVERIFY(shortChunk.capacity() < 1024);
    QCOMPARE(pool.take(4096).constData(), memory);
}

void TestSocketVolume::echoKeepsEveryByteWhenEventsCarryAPreview()
{
    // As socketlab-cli serve runs: its log reads only a line's preview of each chunk.
    const qint64 limit = PythonForm::previewBytes + 1;
    m_session->setEventDataLimit(limit);
    quint16 port = 0;
    const QString server = m_lab->listeningServer(1, &port);
    AutoServer echo(m_session);
    echo.setMaxClients(1);
    QSignalSpy finished(&echo, &AutoServer::finished);
    QVERIFY(echo.serve(server, ServerMode::Echo).isEmpty());

    QProcess peer;
    peer.start(QStringLiteral("python3"),
               {QStringLiteral("-c"), QString::fromLatin1(echoCheckingClient),
                QString::number(port), QString::number(8 * 1024 * 1024)});
    QVERIFY(peer.waitForStarted());
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30000);
    // (waitForFinished() is false for a process that has already ended.)
    QTRY_COMPARE_WITH_TIMEOUT(peer.state(), QProcess::NotRunning, 30000);
    const QList<QByteArray> answer = peer.readAllStandardOutput().trimmed().split(' ');
    QCOMPARE(answer.size(), 3);
    QCOMPARE(answer.at(2), QByteArray::number(8 * 1024 * 1024));
    QCOMPARE(answer.at(1), answer.at(0));

    qint64 received = 0;
    int cut = 0;
    for (const SocketEvent &e : m_events->events()) {
        QVERIFY2(e.data.size() <= limit, qPrintable(QString::number(e.data.size())));
        if (e.role == SocketRole::Connection && e.call == SocketCall::Recv &&
            e.phase == CallPhase::Returned) {
            received += e.byteCount;
            if (e.byteCount > limit) {
                ++cut;
                QCOMPARE(e.data.size(), limit);
            } else {
                QCOMPARE(e.data.size(), e.byteCount);
            }
        }
    }
    QCOMPARE(received, qint64(8 * 1024 * 1024));
    QVERIFY(cut > 0);
}

void TestSocketVolume::twoHundredConcurrentClients()
{
    constexpr int clients = 200;
    quint16 port = 0;
    const QString server = m_lab->listeningServer(clients, &port);
    AutoServer echo(m_session);
    echo.setMaxClients(clients);
    QSignalSpy finished(&echo, &AutoServer::finished);
    QVERIFY(finished.isValid());
    QVERIFY(echo.serve(server, ServerMode::Echo).isEmpty());

    QHash<QString, QByteArray> expected;
    QHash<QString, QByteArray> echoed;
    int closed = 0;
    connect(m_session, &SocketSession::eventOccurred, this, [&](const SocketEvent &e) {
        if (!expected.contains(e.socketId) || e.phase != CallPhase::Returned)
            return;
        if (e.call == SocketCall::Socket) {
            m_session->connectTo(e.socketId, QStringLiteral("127.0.0.1"), port);
        } else if (e.call == SocketCall::Connect) {
            m_session->sendAll(e.socketId, expected.value(e.socketId));
        } else if (e.call == SocketCall::SendAll) {
            m_session->recv(e.socketId, 4096);
        } else if (e.call == SocketCall::Recv) {
            echoed[e.socketId] += e.data;
            if (echoed[e.socketId].size() < expected[e.socketId].size())
                m_session->recv(e.socketId, 4096);
            else
                m_session->close(e.socketId);
        } else if (e.call == SocketCall::Close) {
            ++closed;
        }
    });
    for (int i = 0; i < clients; ++i) {
        QString id;
        m_session->createSocket(SocketRole::Client, AF_INET, SOCK_STREAM, 0, &id);
        expected.insert(id, QStringLiteral("hello from client %1").arg(i).toUtf8());
    }
    QTRY_COMPARE_WITH_TIMEOUT(closed, clients, 20000);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 20000);
    QCOMPARE(echo.status().served, clients);
    for (auto it = expected.constBegin(); it != expected.constEnd(); ++it)
        QCOMPARE(echoed.value(it.key()), it.value());
}

void TestSocketVolume::chatRelaysToEveryOtherClient()
{
    quint16 port = 0;
    const QString server = m_lab->listeningServer(8, &port);
    AutoServer chat(m_session);
    QVERIFY(chat.serve(server, ServerMode::Chat).isEmpty());
    QStringList clients;
    for (int i = 0; i < 3; ++i) {
        clients.append(m_lab->connectedClient(port));
        QVERIFY(!clients.last().isEmpty());
        QTRY_COMPARE(chat.status().open, i + 1);
    }
    for (const QString &id : clients)
        m_session->recv(id, 4096);
    m_session->sendAll(clients.at(0), "hello, all");
    QCOMPARE(m_events->waitForEnd(clients.at(1), SocketCall::Recv).data, QByteArray("hello, all"));
    QCOMPARE(m_events->waitForEnd(clients.at(2), SocketCall::Recv).data, QByteArray("hello, all"));
    // The sender does not get its own words back.
    QTest::qWait(200);
    QVERIFY(!m_events->has(clients.at(0), SocketCall::Recv, CallPhase::Returned));

    // Every relayed message was a sendall beside a waiting recv on the server's side.
    int sendsBesideRecv = 0;
    QSet<QString> recvWaiting;
    for (const SocketEvent &e : m_events->events()) {
        if (e.role != SocketRole::Connection)
            continue;
        if (e.call == SocketCall::Recv && e.phase == CallPhase::Started)
            recvWaiting.insert(e.socketId);
        else if (e.call == SocketCall::Recv && e.phase != CallPhase::Blocked)
            recvWaiting.remove(e.socketId);
        else if (e.call == SocketCall::SendAll && e.phase == CallPhase::Returned &&
                 recvWaiting.contains(e.socketId))
            ++sendsBesideRecv;
    }
    QCOMPARE(sendsBesideRecv, 2);

    // One leaves; the others go on talking.
    m_session->close(clients.at(2));
    QTRY_COMPARE(chat.status().open, 2);
    m_session->sendAll(clients.at(1), "still here");
    QCOMPARE(m_events->waitForEnd(clients.at(0), SocketCall::Recv).data, QByteArray("still here"));
}

QTEST_GUILESS_MAIN(TestSocketVolume)
#include "tst_socketvolume.moc"
