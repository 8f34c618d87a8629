// SPDX-License-Identifier: MIT
#include "trace/TraceReplay.h"

#include "calls/SocketName.h"
#include "trace/TraceFormat.h"

#include <QFileInfo>

#include <sys/socket.h>

bool TraceReplay::load(const QString &path, QString *error)
{
    QVector<SocketEvent> events;
    QString why;
    m_warning.clear();
    if (!TraceFormat::readFile(path, &events, &why, &m_warning)) {
        *error = QStringLiteral("%1: %2").arg(path, why);
        return false;
    }
    if (events.isEmpty()) {
        *error = QStringLiteral("%1 holds no events").arg(QFileInfo(path).fileName());
        return false;
    }
    m_events = events;
    return true;
}

QVector<SocketInfo> TraceReplay::socketsAfter(int position) const
{
    QHash<QString, SocketInfo> sockets;
    QStringList order;
    const int end = qBound(0, position, count());
    for (int i = 0; i < end; ++i)
        apply(m_events.at(i), &sockets, &order);
    QVector<SocketInfo> result;
    for (const QString &id : order)
        result.append(sockets.value(id));
    return result;
}

void TraceReplay::finishCall(SocketInfo *socket, SocketCall call)
{
    if (socket->duplexCall == call && socket->callInProgress != call) {
        socket->duplexCall = SocketCall::None;
        socket->duplexBlocked = false;
        return;
    }
    socket->callInProgress = SocketCall::None;
    socket->blocked = false;
    // A close ends both calls.
    if (call == SocketCall::Close) {
        socket->duplexCall = SocketCall::None;
        socket->duplexBlocked = false;
    }
}

void TraceReplay::apply(const SocketEvent &e, QHash<QString, SocketInfo> *sockets,
                        QStringList *order)
{
    if (e.socketId.isEmpty())
        return;
    if (!sockets->contains(e.socketId)) {
        SocketInfo fresh;
        fresh.id = e.socketId;
        fresh.role = e.role;
        sockets->insert(e.socketId, fresh);
        order->append(e.socketId);
    }
    SocketInfo &s = (*sockets)[e.socketId];
    s.name = SocketName::of(e); // a lesson may have renamed it since
    switch (e.phase) {
    case CallPhase::Started:
        s.lastError = CallError(); // as the engine does when a call starts
        if (s.callInProgress != SocketCall::None && e.call != SocketCall::Close) {
            s.duplexCall = e.call; // a send beside a waiting receive, or the reverse
            s.duplexBlocked = false;
            return;
        }
        s.callInProgress = e.call;
        s.blocked = false;
        s.callStartedMs = e.tMs;
        if (e.call == SocketCall::Socket) {
            s.family = e.args.value(QStringLiteral("family")).toInt();
            s.type = e.args.value(QStringLiteral("type")).toInt();
            s.protocol = e.args.value(QStringLiteral("proto")).toInt();
        }
        return;
    case CallPhase::Blocked:
        if (s.duplexCall == e.call && s.callInProgress != e.call) {
            s.duplexBlocked = true;
            return;
        }
        s.blocked = true;
        if (e.call == SocketCall::Connect)
            s.state = SocketState::Connecting;
        return;
    case CallPhase::Failed:
        finishCall(&s, e.call);
        s.lastError = e.error;
        return;
    case CallPhase::Returned:
        break;
    }
    finishCall(&s, e.call);
    s.lastError = CallError();
    const QVariantMap address = e.args.value(QStringLiteral("address")).toMap();
    switch (e.call) {
    case SocketCall::Socket:
        s.state = SocketState::Created;
        s.fd = e.result.toInt();
        // A watched program's socket has its id only once the call returned.
        s.family = e.args.value(QStringLiteral("family"), s.family).toInt();
        s.type = e.args.value(QStringLiteral("type"), s.type).toInt();
        s.protocol = e.args.value(QStringLiteral("proto"), s.protocol).toInt();
        // One the program had before it was attached to, as the kernel listed it then.
        if (e.args.value(QStringLiteral("existing")).toBool()) {
            s.local = SocketAddress::fromVariant(e.args.value(QStringLiteral("local")).toMap());
            s.peer = SocketAddress::fromVariant(e.args.value(QStringLiteral("peer")).toMap());
            const QString state = e.args.value(QStringLiteral("state")).toString();
            if (state == QLatin1String("LISTEN"))
                s.state = SocketState::Listening;
            else if (s.peer.isValid())
                s.state = SocketState::Connected;
            else if (s.local.isValid() && s.local.port() != 0)
                s.state = SocketState::Bound;
        }
        break;
    case SocketCall::Bind:
        s.state = SocketState::Bound;
        s.local =
            SocketAddress::fromVariant(e.result.toMap().isEmpty() ? address : e.result.toMap());
        break;
    case SocketCall::Listen:
        s.state = SocketState::Listening;
        s.role = SocketRole::Server; // a watched program's socket is known as one only now
        break;
    case SocketCall::Accept: {
        const QVariantMap result = e.result.toMap();
        const QString connId = result.value(QStringLiteral("socket")).toString();
        if (connId.isEmpty())
            break;
        SocketInfo conn;
        conn.id = connId;
        conn.name = SocketName::acceptedBy(e);
        conn.role = SocketRole::Connection;
        conn.parentId = s.id;
        conn.family = s.family;
        conn.type = s.type;
        conn.protocol = s.protocol;
        conn.state = SocketState::Connected;
        conn.fd = result.value(QStringLiteral("fd"), -1).toInt();
        conn.local = s.local;
        conn.peer = SocketAddress::fromVariant(result.value(QStringLiteral("address")).toMap());
        sockets->insert(connId, conn);
        if (!order->contains(connId))
            order->append(connId);
        break;
    }
    case SocketCall::Connect:
        s.state = SocketState::Connected;
        s.peer = SocketAddress::fromVariant(address);
        if (e.result.toMap().contains(QStringLiteral("local")))
            s.local =
                SocketAddress::fromVariant(e.result.toMap().value(QStringLiteral("local")).toMap());
        break;
    case SocketCall::Send:
    case SocketCall::SendAll:
        s.bytesSent += qMax<qint64>(0, e.byteCount);
        break;
    case SocketCall::Recv:
        s.bytesReceived += qMax<qint64>(0, e.byteCount);
        if (e.byteCount == 0 && s.type != SOCK_DGRAM)
            s.state = SocketState::PeerClosed;
        break;
    case SocketCall::SendTo:
        s.bytesSent += qMax<qint64>(0, e.byteCount);
        if (s.state == SocketState::Created)
            s.state = SocketState::Bound;
        s.local = SocketAddress::fromVariant(e.args.value(QStringLiteral("local")).toMap());
        break;
    case SocketCall::RecvFrom:
        s.bytesReceived += qMax<qint64>(0, e.byteCount);
        break;
    case SocketCall::Shutdown:
        s.state = SocketState::ShutDown;
        break;
    case SocketCall::Close:
        s.state = SocketState::Closed;
        s.fd = -1;
        break;
    case SocketCall::SetSockOpt:
    case SocketCall::None:
        break;
    }
}
