// SPDX-License-Identifier: MIT
#include "session/ConnectionAttempts.h"

#include "lookup/AddrInfoLookup.h"
#include "lookup/BackgroundLookup.h"
#include "session/CallSequence.h"
#include "session/SocketSession.h"

ConnectionAttempts::ConnectionAttempts(SocketSession *session, QObject *parent)
    : QObject(parent), m_session(session), m_lookup(new BackgroundLookup(this)),
      m_calls(new CallSequence(session, this))
{
    connect(m_calls, &CallSequence::stepEnded, this, &ConnectionAttempts::onStepEnded);
    connect(m_calls, &CallSequence::stepFailed, this,
            [this](const SocketEvent &e) { fail(e.error.name()); });
    connect(m_calls, &CallSequence::refused, this, &ConnectionAttempts::fail);
    connect(m_calls, &CallSequence::finished, this, [this] {
        if (!m_connected) {
            fail(QStringLiteral("no address left"));
            return;
        }
        m_running = false;
        emit finished(m_current, true);
    });
}

void ConnectionAttempts::start(const QString &host, int port)
{
    m_running = true;
    m_summary = {host.isEmpty() ? QStringLiteral("''") : host};
    emit progress(summary());
    AddrInfoRequest request;
    request.host = host;
    request.service = QString::number(port);
    request.type = SOCK_STREAM;
    m_lookup->run<AddrInfoLookup::Answer>(
        [request] { return AddrInfoLookup::run(request); },
        [this, host](const AddrInfoLookup::Answer &answer) {
            if (answer.error.isError()) {
                fail(QStringLiteral("getaddrinfo %1").arg(answer.error.name()));
                return;
            }
            QList<SocketAddress> addresses;
            for (const AddrInfoEntry &e : answer.entries)
                addresses << e.address;
            tryAddresses(host, addresses);
        });
}

void ConnectionAttempts::tryAddresses(const QString &host, const QList<SocketAddress> &addresses)
{
    m_running = true;
    m_connected = false;
    if (m_summary.isEmpty())
        m_summary = {host};
    m_calls->cancel();
    // Per address: a new socket, connect, and close again when connect failed.
    for (const SocketAddress &address : addresses) {
        m_calls->append(SocketCall::Socket, [this, address](QString *id) {
            m_trying = address;
            const QString refusal = m_session->createSocket(SocketRole::Client, address.family(),
                                                            SOCK_STREAM, 0, &m_current);
            *id = m_current;
            if (refusal.isEmpty())
                emit socketCreated(m_current);
            return refusal;
        });
        m_calls->append(
            SocketCall::Connect,
            [this, address](QString *id) {
                *id = m_current;
                return m_session->connectTo(m_current, address.host(), address.port());
            },
            [](const SocketEvent &e) {
                return e.phase == CallPhase::Returned ? CallSequence::Outcome::Finish
                       : e.phase == CallPhase::Failed ? CallSequence::Outcome::Next
                                                      : CallSequence::Outcome::Pending;
            });
        m_calls->append(SocketCall::Close, [this](QString *id) {
            *id = m_current;
            return m_session->close(m_current);
        });
    }
    m_calls->start();
}

void ConnectionAttempts::onStepEnded(const SocketEvent &event)
{
    if (event.call != SocketCall::Connect)
        return;
    m_connected = event.phase == CallPhase::Returned;
    m_summary << (m_connected ? QStringLiteral("%1 connected").arg(m_trying.host())
                              : QStringLiteral("%1 %2").arg(m_trying.host(), event.error.name()));
    emit progress(summary());
}

void ConnectionAttempts::fail(const QString &step)
{
    m_summary << step;
    m_running = false;
    emit progress(summary());
    emit finished(m_current, false);
}
