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
        ++m_served;
        if (m_maxClients > 0 && m_served >= m_maxClients && m_connections.isEmpty())
            emit finished();
        return;
    }
    if (event.phase == CallPhase::Failed) {
        // A reset or broken pipe ends this client; the server goes on with the others.
        m_session->close(id);
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
