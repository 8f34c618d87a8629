#include "LoopbackSession.h"

#include <netinet/in.h>

LoopbackSession::LoopbackSession() : m_events(&m_session) {}

QString LoopbackSession::listeningServer(int backlog, quint16 *port)
{
    QString id;
    m_session.createSocket(SocketRole::Server, AF_INET, SOCK_STREAM, IPPROTO_TCP, &id);
    if (m_events.waitForEnd(id, SocketCall::Socket).phase != CallPhase::Returned)
        return QString();
    m_session.bind(id, QStringLiteral("127.0.0.1"), 0);
    const SocketEvent bound = m_events.waitForEnd(id, SocketCall::Bind);
    if (bound.phase != CallPhase::Returned)
        return QString();
    *port = SocketAddress::fromVariant(bound.result.toMap()).port();
    m_session.listen(id, backlog);
    if (m_events.waitForEnd(id, SocketCall::Listen).phase != CallPhase::Returned)
        return QString();
    return id;
}

QString LoopbackSession::connectedClient(quint16 port)
{
    QString id;
    m_session.createSocket(SocketRole::Client, AF_INET, SOCK_STREAM, 0, &id);
    m_events.waitForEnd(id, SocketCall::Socket);
    m_session.connectTo(id, QStringLiteral("127.0.0.1"), port);
    if (m_events.waitForEnd(id, SocketCall::Connect).phase != CallPhase::Returned)
        return QString();
    return id;
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
    m_session.accept(server);
    const SocketEvent accepted = m_events.waitForEnd(server, SocketCall::Accept);
    if (accepted.phase != CallPhase::Returned)
        return false;
    *conn = accepted.result.toMap().value(QStringLiteral("socket")).toString();
    return m_session.contains(*conn);
}
