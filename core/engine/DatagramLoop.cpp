// SPDX-License-Identifier: MIT
#include "engine/DatagramLoop.h"

#include "engine/SocketEngine.h"

#include <sys/socket.h>

void DatagramLoop::start()
{
    recvFrom();
}

void DatagramLoop::recvFrom()
{
    CallRequest r = CallRequest::on(SocketCall::RecvFrom, m_request.socketId);
    r.bufsize = bufsize;
    m_engine->enqueue(r);
}

void DatagramLoop::onEvent(const SocketEvent &event)
{
    if (event.socketId != m_request.socketId ||
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
            recvFrom();
        return;
    }
    answer(event);
}

void DatagramLoop::answer(const SocketEvent &event)
{
    const SocketAddress from =
        SocketAddress::fromVariant(event.result.toMap().value(QStringLiteral("address")).toMap());
    // A Unix datagram socket that never bound has no path, so there is no way to answer it.
    const bool answerable = !(from.family() == AF_UNIX && from.host().isEmpty());
    m_sendQueue.clear();
    switch (answerable ? m_request.mode : ServerMode::Silent) {
    case ServerMode::Echo:
        m_sendData = event.data;
        m_sendQueue = {from};
        break;
    case ServerMode::Reply:
        m_sendData = m_request.reply;
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

void DatagramLoop::sendNextOrReceive()
{
    if (m_sendQueue.isEmpty()) {
        ++m_served; // this datagram has had every answer it gets
        const bool done = m_request.maxClients > 0 && m_served >= m_request.maxClients;
        emit statusChanged(ServingStatus{m_request.socketId, m_served, 0, done, QString()});
        if (!done)
            recvFrom();
        return;
    }
    const SocketAddress to = m_sendQueue.takeFirst();
    CallRequest r = CallRequest::on(SocketCall::SendTo, m_request.socketId);
    r.data = m_sendData;
    r.host = to.host();
    r.port = to.port();
    m_engine->enqueue(r);
}
