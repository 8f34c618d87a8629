#include "AcceptLoop.h"

#include "HttpPage.h"
#include "SocketEngine.h"

void AcceptLoop::start()
{
    accept();
    reportStatus();
}

void AcceptLoop::accept()
{
    m_engine->enqueue(CallRequest::on(SocketCall::Accept, m_request.socketId));
}

void AcceptLoop::recv(const QString &id)
{
    CallRequest r = CallRequest::on(SocketCall::Recv, id);
    r.bufsize = m_request.recvSize;
    m_engine->enqueue(r);
}

void AcceptLoop::sendAll(const QString &id, const QByteArray &data)
{
    CallRequest r = CallRequest::on(SocketCall::SendAll, id);
    r.data = data;
    m_engine->enqueue(r);
}

void AcceptLoop::close(const QString &id)
{
    m_engine->enqueue(CallRequest::on(SocketCall::Close, id));
}

void AcceptLoop::reportStatus()
{
    ServingStatus status;
    status.socketId = m_request.socketId;
    status.served = m_served;
    status.open = int(m_connections.size());
    status.finished =
        m_request.maxClients > 0 && m_served >= m_request.maxClients && m_connections.isEmpty();
    emit statusChanged(status);
}

void AcceptLoop::onEvent(const SocketEvent &event)
{
    if (event.phase != CallPhase::Returned && event.phase != CallPhase::Failed)
        return;
    if (event.socketId == m_request.socketId)
        onListenerEvent(event);
    else if (m_connections.contains(event.socketId))
        onConnectionEvent(event);
}

void AcceptLoop::onListenerEvent(const SocketEvent &event)
{
    if (event.call != SocketCall::Accept || event.phase != CallPhase::Returned)
        return;
    const QString id = event.result.toMap().value(QStringLiteral("socket")).toString();
    m_connections.insert(id);
    ++m_accepted;
    recv(id);
    if (m_request.maxClients == 0 || m_accepted < m_request.maxClients)
        accept();
    reportStatus();
}

void AcceptLoop::onConnectionEvent(const SocketEvent &event)
{
    const QString &id = event.socketId;
    if (event.call == SocketCall::Close) {
        m_connections.remove(id);
        m_httpRequests.remove(id);
        m_outbox.remove(id);
        m_outboxBytes.remove(id);
        m_sending.remove(id);
        ++m_served;
        reportStatus();
        return;
    }
    if (event.phase == CallPhase::Failed) {
        // A reset or broken pipe ends this client; the server goes on with the others.
        if (event.error.kind() != CallError::Kind::Cancelled)
            close(id);
        return;
    }
    if (m_request.mode == ServerMode::Chat) {
        onChatEvent(event);
        return;
    }
    switch (event.call) {
    case SocketCall::Recv:
        if (event.byteCount == 0)
            close(id);
        else
            onReceived(id, event.data);
        break;
    case SocketCall::SendAll:
        if (m_request.mode == ServerMode::Http)
            close(id);
        else
            recv(id);
        break;
    default:
        break;
    }
}

void AcceptLoop::onChatEvent(const SocketEvent &event)
{
    const QString &id = event.socketId;
    if (event.call == SocketCall::SendAll) {
        m_sending.remove(id);
        sendNextRelayed(id);
    } else if (event.call == SocketCall::Recv && event.byteCount == 0) {
        close(id);
    } else if (event.call == SocketCall::Recv) {
        relay(id, event.data);
        recv(id);
    }
}

void AcceptLoop::onReceived(const QString &id, const QByteArray &data)
{
    switch (m_request.mode) {
    case ServerMode::Echo:
        sendAll(id, data);
        break;
    case ServerMode::Reply:
        sendAll(id, m_request.reply);
        break;
    case ServerMode::Silent:
    case ServerMode::Chat:
        recv(id);
        break;
    case ServerMode::Http: {
        QByteArray &request = m_httpRequests[id];
        request += data;
        if (HttpPage::isCompleteRequest(request))
            sendAll(id, HttpPage::response(request));
        else
            recv(id);
        break;
    }
    }
}

void AcceptLoop::relay(const QString &fromId, const QByteArray &data)
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

void AcceptLoop::sendNextRelayed(const QString &id)
{
    QList<QByteArray> &queue = m_outbox[id];
    if (m_sending.contains(id) || queue.isEmpty())
        return;
    m_outboxBytes[id] -= queue.first().size();
    sendAll(id, queue.takeFirst());
    m_sending.insert(id);
}
