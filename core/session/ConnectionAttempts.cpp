#include "session/ConnectionAttempts.h"

#include "lookup/AddrInfoLookup.h"
#include "lookup/BackgroundLookup.h"
#include "session/SocketSession.h"

ConnectionAttempts::ConnectionAttempts(SocketSession *session, QObject *parent)
    : QObject(parent), m_session(session), m_lookup(new BackgroundLookup(this))
{
    connect(session, &SocketSession::eventOccurred, this, &ConnectionAttempts::onEvent);
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
    if (m_summary.isEmpty())
        m_summary = {host};
    m_addresses = addresses;
    next();
}

void ConnectionAttempts::next()
{
    if (m_addresses.isEmpty()) {
        fail(QStringLiteral("no address left"));
        return;
    }
    const SocketAddress address = m_addresses.first();
    const QString refusal =
        m_session->createSocket(SocketRole::Client, address.family(), SOCK_STREAM, 0, &m_current);
    if (!refusal.isEmpty()) {
        fail(refusal);
        return;
    }
    emit socketCreated(m_current);
}

void ConnectionAttempts::onEvent(const SocketEvent &event)
{
    if (!m_running || event.socketId != m_current ||
        (event.phase != CallPhase::Returned && event.phase != CallPhase::Failed))
        return;
    const SocketAddress address = m_addresses.value(0);
    switch (event.call) {
    case SocketCall::Socket:
        if (event.phase == CallPhase::Failed)
            fail(event.error.name());
        else
            m_session->connectTo(m_current, address.host(), address.port());
        break;
    case SocketCall::Connect:
        if (event.phase == CallPhase::Returned) {
            m_summary << QStringLiteral("%1 connected").arg(address.host());
            m_running = false;
            emit progress(summary());
            emit finished(m_current, true);
        } else {
            m_summary << QStringLiteral("%1 %2").arg(address.host(), event.error.name());
            emit progress(summary());
            m_session->close(m_current);
        }
        break;
    case SocketCall::Close:
        m_addresses.removeFirst();
        next();
        break;
    default:
        break;
    }
}

void ConnectionAttempts::fail(const QString &step)
{
    m_summary << step;
    m_running = false;
    emit progress(summary());
    emit finished(m_current, false);
}
