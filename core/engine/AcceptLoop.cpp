// SPDX-License-Identifier: MIT
#include "engine/AcceptLoop.h"

#include "engine/HttpPage.h"
#include "engine/SocketEngine.h"

#include <QCoreApplication>
#include <QTimer>

#include <cerrno>

namespace {
// Errors after which a later accept can succeed: out of descriptors or memory for now, or a
// client that gave up while it waited in the queue. Anything else ends serving.
bool isTransient(const CallError &error)
{
    if (error.kind() != CallError::Kind::Errno)
        return false;
    switch (error.code()) {
    case EMFILE:
    case ENFILE:
    case ENOBUFS:
    case ENOMEM:
    case ECONNABORTED:
    case EPROTO:
    case EPERM:
        return true;
    }
    return false;
}
} // namespace

AcceptLoop::AcceptLoop(SocketEngine *engine, const ServeRequest &request)
    : ServeLoop(engine, request), m_sweep(new QTimer(this)), m_retry(new QTimer(this))
{
    m_retry->setSingleShot(true);
    connect(m_retry, &QTimer::timeout, this, [this] { accept(); });
    m_clock.start();
    m_sweep->setInterval(500);
    connect(m_sweep, &QTimer::timeout, this, &AcceptLoop::closeSlowRequests);
}

void AcceptLoop::closeSlowRequests()
{
    const qint64 now = m_clock.elapsed();
    for (auto it = m_headDeadline.begin(); it != m_headDeadline.end();) {
        if (it.value() > now) {
            ++it;
            continue;
        }
        close(it.key()); // logged like any close; the connection's slot goes with it
        it = m_headDeadline.erase(it);
    }
    if (m_headDeadline.isEmpty())
        m_sweep->stop();
}

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
    status.note = m_note;
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
    if (event.call != SocketCall::Accept)
        return;
    if (event.phase == CallPhase::Failed) {
        if (!isTransient(event.error))
            return;
        // The pending connection stays in the kernel's queue; the next accept takes it once
        // a descriptor is free. Waiting a little longer each time keeps a server that is out
        // of descriptors from spinning on the same error.
        m_retryMs = m_retryMs == 0 ? minRetryMs : qMin(2 * m_retryMs, maxRetryMs);
        m_note = QCoreApplication::translate(
                     "AcceptLoop", "accept() failed with %1; still serving, trying again in %2 ms")
                     .arg(event.error.name())
                     .arg(m_retryMs);
        m_retry->start(m_retryMs);
        reportStatus();
        return;
    }
    if (event.phase != CallPhase::Returned)
        return;
    if (m_retryMs != 0) {
        m_retryMs = 0;
        m_note = QCoreApplication::translate("AcceptLoop", "accepting again");
    }
    const QString id = event.result.toMap().value(QStringLiteral("socket")).toString();
    m_connections.insert(id);
    if (m_request.mode == ServerMode::Http) {
        m_headDeadline.insert(id, m_clock.elapsed() + HttpPage::headTimeoutMs);
        if (!m_sweep->isActive())
            m_sweep->start();
    }
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
        m_keptAlive.remove(id);
        m_headDeadline.remove(id);
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
        if (m_request.mode == ServerMode::Http && m_keptAlive.remove(id)) {
            // HTTP/1.1: the next request may come on this connection, as soon as it likes.
            m_httpRequests.remove(id);
            m_headDeadline.insert(id, m_clock.elapsed() + HttpPage::headTimeoutMs);
            if (!m_sweep->isActive())
                m_sweep->start();
            recv(id);
        } else if (m_request.mode == ServerMode::Http) {
            close(id);
        } else {
            recv(id);
        }
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
        const qsizetype scanned = request.size();
        request += data;
        const qsizetype end = HttpPage::headEnd(request, scanned);
        if (end > HttpPage::maxHeadBytes || (end < 0 && request.size() > HttpPage::maxHeadBytes))
            sendAll(id, HttpPage::tooLarge());
        else if (end >= 0 && HttpPage::keepsAlive(request.left(end))) {
            m_keptAlive.insert(id);
            sendAll(id, HttpPage::response(request.left(end)));
        } else if (end >= 0)
            sendAll(id, HttpPage::response(request.left(end)));
        else
            recv(id);
        if (end >= 0 || request.size() > HttpPage::maxHeadBytes)
            m_headDeadline.remove(id); // answered: the sendall's end closes it
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
