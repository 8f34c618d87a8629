#include "DatagramServer.h"

#include "SocketSession.h"

#include <sys/socket.h>

DatagramServer::DatagramServer(SocketSession *session, ServerMode mode, QObject *parent)
    : QObject(parent), m_session(session), m_mode(mode)
{
    connect(session, &SocketSession::eventOccurred, this, &DatagramServer::onEvent);
}

void DatagramServer::serve(const QString &socketId)
{
    m_socketId = socketId;
    m_session->recvFrom(socketId, bufsize);
}

void DatagramServer::onEvent(const SocketEvent &event)
{
    if (event.socketId != m_socketId ||
        (event.phase != CallPhase::Returned && event.phase != CallPhase::Failed))
        return;
    if (event.call == SocketCall::SendTo) {
        // A failed sendto (the peer's port is gone) concerns that peer only.
        sendNextOrReceive();
        return;
    }
    if (event.call != SocketCall::RecvFrom)
        return;
    if (event.phase == CallPhase::Failed) {
        // A datagram socket has no connection to lose: an ICMP error from an earlier answer
        // (ECONNREFUSED) concerns that sender only. Keep serving the others.
        if (event.error.kind() != CallError::Kind::Cancelled)
            m_session->recvFrom(m_socketId, bufsize);
        return;
    }
    answer(event);
}

void DatagramServer::answer(const SocketEvent &event)
{
    const SocketAddress from =
        SocketAddress::fromVariant(event.result.toMap().value(QStringLiteral("address")).toMap());
    // A Unix datagram socket that never bound has no path, so there is no way to answer it.
    const bool answerable = !(from.family() == AF_UNIX && from.host().isEmpty());
    m_sendQueue.clear();
    switch (answerable ? m_mode : ServerMode::Silent) {
    case ServerMode::Echo:
        m_sendData = event.data;
        m_sendQueue = {from};
        break;
    case ServerMode::Reply:
        m_sendData = m_reply;
        m_sendQueue = {from};
        break;
    case ServerMode::Chat:
        m_sendData = event.data;
        for (const SocketAddress &peer : std::as_const(m_chatPeers)) {
            if (!(peer == from))
                m_sendQueue.append(peer);
        }
        if (!m_chatPeers.contains(from) && m_chatPeers.size() < maxChatPeers)
            m_chatPeers.append(from);
        break;
    case ServerMode::Silent:
    case ServerMode::Http:
        break;
    }
    sendNextOrReceive();
}

void DatagramServer::sendNextOrReceive()
{
    if (m_sendQueue.isEmpty()) {
        ++m_served; // this datagram has had every answer it gets
        if (m_maxDatagrams > 0 && m_served >= m_maxDatagrams)
            emit finished();
        else
            m_session->recvFrom(m_socketId, bufsize);
        return;
    }
    const SocketAddress to = m_sendQueue.takeFirst();
    m_session->sendTo(m_socketId, m_sendData, to.host(), to.port());
}
