// SPDX-License-Identifier: MIT
#include "session/AutoServer.h"

#include "engine/DatagramLoop.h"
#include "session/CallSequence.h"
#include "session/SocketSession.h"

#include <QCoreApplication>

#include <sys/socket.h>

AutoServer::AutoServer(SocketSession *session, QObject *parent)
    : QObject(parent), m_session(session)
{
    connect(session, &SocketSession::servingChanged, this, &AutoServer::onStatus);
}

AutoServer::~AutoServer()
{
    stop();
}

QString AutoServer::whyUnsupported(int type, ServerMode mode)
{
    if (type == SOCK_DGRAM && !DatagramLoop::supports(mode))
        return QCoreApplication::translate("AutoServer", "%1 needs connections (TCP); over UDP "
                                                         "choose echo, reply, silent or chat.")
            .arg(serverModeName(mode));
    return QString();
}

QString AutoServer::whyCannotServe(const SocketInfo &socket, ServerMode mode)
{
    const bool datagram = socket.type == SOCK_DGRAM;
    if (datagram && socket.state != SocketState::Bound)
        return QCoreApplication::translate(
            "AutoServer", "Serving UDP needs a bound socket: socket(SOCK_DGRAM), bind() first.");
    if (!datagram && socket.state != SocketState::Listening)
        return QCoreApplication::translate(
            "AutoServer", "Serving needs a listening socket: socket(), bind(), listen() first.");
    return whyUnsupported(socket.type, mode);
}

QString AutoServer::commandLineAddress(const SocketInfo &socket)
{
    const QString shown = socket.local.display();
    if (socket.type != SOCK_DGRAM)
        return shown;
    if (socket.family == AF_UNIX)
        return QStringLiteral("unix-dgram:") + shown.mid(int(qstrlen("unix:")));
    return QStringLiteral("udp://") + shown;
}

void AutoServer::listenAndServe(const HostPortText::Parts &where, ServerMode mode, int backlog,
                                bool reuseAddress)
{
    stop();
    SocketSession *session = m_session;
    m_setup = std::make_unique<CallSequence>(session);
    m_setup->append(SocketCall::Socket, [this, session, where](QString *id) {
        const QString refusal =
            session->createSocket(SocketRole::Server, where.family, where.type, 0, &m_listenerId);
        *id = m_listenerId;
        if (!m_listenerId.isEmpty())
            emit listenerCreated(m_listenerId);
        return refusal;
    });
    // SO_REUSEADDR is about TCP/UDP ports; a Unix socket's path is freed by removing it.
    if (reuseAddress && where.family != AF_UNIX) {
        m_setup->append(SocketCall::SetSockOpt, [this, session](QString *id) {
            *id = m_listenerId;
            return session->setReuseAddress(m_listenerId);
        });
    }
    m_setup->append(SocketCall::Bind, [this, session, where](QString *id) {
        *id = m_listenerId;
        return session->bind(m_listenerId, where.host, where.port);
    });
    if (where.type != SOCK_DGRAM) { // a datagram socket is ready once bound
        m_setup->append(SocketCall::Listen, [this, session, backlog](QString *id) {
            *id = m_listenerId;
            return session->listen(m_listenerId, backlog);
        });
    }
    connect(m_setup.get(), &CallSequence::finished, this, [this, mode] {
        const QString problem = serve(m_listenerId, mode);
        if (problem.isEmpty())
            emit serving(commandLineAddress(m_session->socket(m_listenerId)));
        else
            emit refused(problem);
    });
    connect(m_setup.get(), &CallSequence::stepFailed, this, &AutoServer::setupFailed);
    connect(m_setup.get(), &CallSequence::refused, this, &AutoServer::refused);
    m_setup->start();
}

QString AutoServer::serve(const QString &socketId, ServerMode mode)
{
    const SocketInfo socket = m_session->socket(socketId);
    QString problem = whyCannotServe(socket, mode);
    if (problem.isEmpty())
        problem = m_session->whyInvalid(socketId, socket.type == SOCK_DGRAM ? SocketCall::RecvFrom
                                                                            : SocketCall::Accept);
    if (!problem.isEmpty())
        return problem;
    if (m_serving && m_request.socketId != socketId)
        stop();
    m_listenerId = socketId;
    m_request.socketId = socketId;
    m_request.mode = mode;
    m_request.datagram = socket.type == SOCK_DGRAM;
    m_status = ServingStatus{socketId, 0, 0, false, QString()};
    m_serving = true;
    m_session->startServing(m_request);
    return QString();
}

void AutoServer::stop()
{
    if (m_serving && m_session)
        m_session->stopServing(m_request.socketId);
    m_serving = false;
}

void AutoServer::onStatus(const ServingStatus &status)
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
