#include "ServerHandle.h"

#include "SocketSession.h"

ServerHandle::ServerHandle(SocketSession *session, ServerMode mode, bool datagram, QObject *parent)
    : QObject(parent), m_session(session)
{
    m_request.mode = mode;
    m_request.datagram = datagram;
    connect(session, &SocketSession::servingChanged, this, &ServerHandle::onStatus);
}

ServerHandle::~ServerHandle()
{
    if (m_serving && m_session)
        m_session->stopServing(m_request.socketId);
}

void ServerHandle::serve(const QString &socketId)
{
    m_request.socketId = socketId;
    m_status = ServingStatus{socketId, 0, 0, false, QString()};
    m_serving = true;
    m_session->startServing(m_request);
}

void ServerHandle::onStatus(const ServingStatus &status)
{
    if (!m_serving || status.socketId != m_request.socketId)
        return;
    m_status = status;
    emit changed();
    if (status.finished) {
        m_serving = false;
        emit finished();
    }
}
