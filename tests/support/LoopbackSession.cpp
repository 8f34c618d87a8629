// SPDX-License-Identifier: MIT
#include "LoopbackSession.h"

#include "session/CallSequence.h"

#include <QTest>

#include <netinet/in.h>

LoopbackSession::LoopbackSession() : m_events(&m_session) {}

bool LoopbackSession::run(CallSequence &calls)
{
    bool ended = false;
    bool ok = false;
    QObject::connect(&calls, &CallSequence::finished, [&] { ended = ok = true; });
    QObject::connect(&calls, &CallSequence::stepFailed, [&] { ended = true; });
    QObject::connect(&calls, &CallSequence::refused, [&] { ended = true; });
    calls.start();
    (void)QTest::qWaitFor([&] { return ended; }, 5000);
    return ok;
}

QString LoopbackSession::listeningServer(int backlog, quint16 *port)
{
    QString id;
    CallSequence calls(&m_session);
    calls.append(SocketCall::Socket, [&](QString *socketId) {
        const QString refusal =
            m_session.createSocket(SocketRole::Server, AF_INET, SOCK_STREAM, IPPROTO_TCP, &id);
        *socketId = id;
        return refusal;
    });
    calls.append(SocketCall::Bind, [&](QString *socketId) {
        *socketId = id;
        return m_session.bind(id, QStringLiteral("127.0.0.1"), 0);
    });
    calls.append(SocketCall::Listen, [&](QString *socketId) {
        *socketId = id;
        return m_session.listen(id, backlog);
    });
    QObject::connect(&calls, &CallSequence::stepEnded, [&](const SocketEvent &e) {
        if (e.call == SocketCall::Bind)
            *port = SocketAddress::fromVariant(e.result.toMap()).port();
    });
    return run(calls) ? id : QString();
}

QString LoopbackSession::connectedClient(quint16 port)
{
    QString id;
    CallSequence calls(&m_session);
    calls.append(SocketCall::Socket, [&](QString *socketId) {
        const QString refusal =
            m_session.createSocket(SocketRole::Client, AF_INET, SOCK_STREAM, 0, &id);
        *socketId = id;
        return refusal;
    });
    calls.append(SocketCall::Connect, [&](QString *socketId) {
        *socketId = id;
        return m_session.connectTo(id, QStringLiteral("127.0.0.1"), port);
    });
    return run(calls) ? id : QString();
}

bool LoopbackSession::connectedPair(QString *client, QString *conn)
{
    quint16 port = 0;
    const QString server = listeningServer(1, &port);
    if (server.isEmpty())
        return false;
    *client = connectedClient(port);
    if (client->isEmpty())
        return false;
    CallSequence calls(&m_session);
    calls.append(SocketCall::Accept, [&](QString *socketId) {
        *socketId = server;
        return m_session.accept(server);
    });
    QObject::connect(&calls, &CallSequence::stepEnded, [&](const SocketEvent &e) {
        *conn = e.result.toMap().value(QStringLiteral("socket")).toString();
    });
    return run(calls) && m_session.contains(*conn);
}
