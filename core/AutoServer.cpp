#include "AutoServer.h"

#include "HttpPage.h"
#include "SocketSession.h"

AutoServer::AutoServer(SocketSession *session, ServerMode mode, QObject *parent)
    : QObject(parent), m_session(session), m_mode(mode)
{
    connect(session, &SocketSession::eventOccurred, this, &AutoServer::onEvent);
}

void AutoServer::serve(const QString &listenerId)
{
    m_listenerId = listenerId;
    m_session->accept(listenerId);
}

void AutoServer::onEvent(const SocketEvent &event)
{
    if (event.phase != CallPhase::Returned && event.phase != CallPhase::Failed)
        return;
    if (event.socketId == m_listenerId)
        onListenerEvent(event);
    else if (m_connections.contains(event.socketId))
        onConnectionEvent(event);
}

void AutoServer::onListenerEvent(const SocketEvent &event)
{
    if (event.call != SocketCall::Accept || event.phase != CallPhase::Returned)
        return;
    const QString id = event.result.toMap().value(QStringLiteral("socket")).toString();
    m_connections.insert(id);
    ++m_accepted;
    m_session->recv(id, m_recvSize);
    if (m_maxClients == 0 || m_accepted < m_maxClients)
        m_session->accept(m_listenerId);
}

void AutoServer::onConnectionEvent(const SocketEvent &event)
{
    const QString &id = event.socketId;
    if (event.call == SocketCall::Close) {
        m_connections.remove(id);
        m_httpRequests.remove(id);
        m_outbox.remove(id);
        m_outboxBytes.remove(id);
        m_sending.remove(id);
        ++m_served;
        if (m_maxClients > 0 && m_served >= m_maxClients && m_connections.isEmpty())
            emit finished();
        return;
    }
    if (event.phase == CallPhase::Failed) {
        // A reset or broken pipe ends this client; the server goes on with the others.
        if (event.error.kind() != CallError::Kind::Cancelled)
            m_session->close(id);
        return;
    }
    if (m_mode == ServerMode::Chat) {
        if (event.call == SocketCall::SendAll) {
            m_sending.remove(id);
            sendNextRelayed(id);
        } else if (event.call == SocketCall::Recv && event.byteCount == 0) {
            m_session->close(id);
        } else if (event.call == SocketCall::Recv) {
            relay(id, event.data);
            m_session->recv(id, m_recvSize);
        }
        return;
    }
    switch (event.call) {
    case SocketCall::Recv:
        if (event.byteCount == 0)
            m_session->close(id);
        else
            onReceived(id, event.data);
        break;
    case SocketCall::SendAll:
        if (m_mode == ServerMode::Http)
            m_session->close(id);
        else
            m_session->recv(id, m_recvSize);
        break;
    default:
        break;
    }
}

void AutoServer::onReceived(const QString &id, const QByteArray &data)
{
    switch (m_mode) {
    case ServerMode::Echo:
        m_session->sendAll(id, data);
        break;
    case ServerMode::Reply:
        m_session->sendAll(id, m_reply);
        break;
    case ServerMode::Silent:
    case ServerMode::Chat:
        m_session->recv(id, m_recvSize);
        break;
    case ServerMode::Http: {
        QByteArray &request = m_httpRequests[id];
        request += data;
        if (HttpPage::isCompleteRequest(request))
            m_session->sendAll(id, HttpPage::response(request));
        else
            m_session->recv(id, m_recvSize);
        break;
    }
    }
}

void AutoServer::relay(const QString &fromId, const QByteArray &data)
{
    for (const QString &id : std::as_const(m_connections)) {
        if (id == fromId)
            continue;
        qint64 &queued = m_outboxBytes[id];
        if (queued + data.size() > maxRelayQueue)
            continue; // this client does not read: drop for it alone, not for everyone
        queued += data.size();
        m_outbox[id].append(data);
        sendNextRelayed(id);
    }
}

void AutoServer::sendNextRelayed(const QString &id)
{
    QList<QByteArray> &queue = m_outbox[id];
    if (m_sending.contains(id) || queue.isEmpty())
        return;
    if (!m_session->sendAll(id, queue.first()).isEmpty())
        return; // not possible right now (the client is closing): its close event cleans up
    m_outboxBytes[id] -= queue.first().size();
    queue.removeFirst();
    m_sending.insert(id);
}
