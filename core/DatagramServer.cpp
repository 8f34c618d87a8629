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
        ++m_served;
        if (m_maxDatagrams > 0 && m_served >= m_maxDatagrams)
            emit finished();
        else
            m_session->recvFrom(m_socketId, bufsize);
        return;
    }
    if (event.call != SocketCall::RecvFrom)
        return;
    if (event.phase == CallPhase::Failed) {
        // A datagram socket has no connection to lose: an ICMP error from an earlier answer
        // (ECONNREFUSED) concerns that sender only. Keep serving the others.
        m_session->recvFrom(m_socketId, bufsize);
        return;
    }
    const SocketAddress from =
        SocketAddress::fromVariant(event.result.toMap().value(QStringLiteral("address")).toMap());
    // A Unix datagram socket that never bound has no path, so there is no way to answer it.
    const bool answerable = !(from.family() == AF_UNIX && from.host().isEmpty());
    switch (answerable ? m_mode : ServerMode::Silent) {
    case ServerMode::Echo:
        m_session->sendTo(m_socketId, event.data, from.host(), from.port());
        break;
    case ServerMode::Reply:
        m_session->sendTo(m_socketId, m_reply, from.host(), from.port());
        break;
    case ServerMode::Silent:
    case ServerMode::Http:
        ++m_served;
        if (m_maxDatagrams > 0 && m_served >= m_maxDatagrams)
            emit finished();
        else
            m_session->recvFrom(m_socketId, bufsize);
        break;
    }
}
