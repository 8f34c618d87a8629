// SPDX-License-Identifier: MIT
#include "present/StuckDiagnosis.h"

#include "calls/HostPortText.h"
#include "calls/SocketName.h"
#include "trace/TraceReplay.h"

#include <QFileInfo>
#include <QHash>
#include <QSet>

namespace {
struct Closing
{
    double atMs = 0;
    qint64 unread = 0; // bytes the peer had sent that this end never received
};

// Whether a is the address b names; a listener bound to every address answers on each.
bool sameEnd(const SocketAddress &a, const SocketAddress &b)
{
    return a.port() == b.port() &&
           (a.host() == b.host() || HostPortText::isEveryAddress(a.host()) ||
            HostPortText::isEveryAddress(b.host()));
}

// The other end of s's connection in the table, where the events tell it: each end's peer is
// the other's local address. A client's local address is not in the events, so with two
// clients of one server the pairing may be ambiguous: then there is none, never a guess.
QString otherEnd(const QHash<QString, SocketInfo> &sockets, const QStringList &order,
                 const SocketInfo &s)
{
    if (!s.peer.isValid())
        return {};
    QStringList found;
    for (const QString &id : order) {
        const SocketInfo &o = sockets[id];
        if (id == s.id || o.role == SocketRole::Server || !o.peer.isValid() || o.role == s.role)
            continue;
        const bool mine = s.local.isValid();
        const bool theirs = o.local.isValid();
        if ((mine || theirs) && (!mine || sameEnd(s.local, o.peer)) &&
            (!theirs || sameEnd(o.local, s.peer)))
            found << id;
    }
    return found.size() == 1 ? found.first() : QString();
}

// "conn", or "conn (server.py:14)" while a watched program's call made there is under way.
QString at(const SocketInfo &s, const SourceLocation &line)
{
    if (!line.isValid() || s.callInProgress == SocketCall::None)
        return SocketName::of(s);
    return QStringLiteral("%1 (%2:%3)")
        .arg(SocketName::of(s), QFileInfo(line.file).fileName())
        .arg(line.line);
}

QString seconds(double ms)
{
    return QString::number(qMax(1.0, ms / 1000.0), 'f', 0);
}
} // namespace

QStringList StuckDiagnosis::diagnose(const QVector<SocketEvent> &events, double nowMs)
{
    QHash<QString, SocketInfo> sockets;
    QStringList order;
    QHash<QString, Closing> closed;
    QHash<QString, double> lastSend;
    QHash<QString, SourceLocation> lineOf; // a watched program's line of each socket's last call
    for (const SocketEvent &e : events) {
        TraceReplay::apply(e, &sockets, &order);
        if (e.phase == CallPhase::Started)
            lineOf.insert(e.socketId, e.source);
        if (e.phase != CallPhase::Returned)
            continue;
        if (e.call == SocketCall::Send || e.call == SocketCall::SendAll)
            lastSend.insert(e.socketId, e.tMs);
        if (e.call == SocketCall::Close) {
            Closing c{e.tMs, 0};
            const SocketInfo &s = sockets[e.socketId];
            const QString other = otherEnd(sockets, order, s);
            if (!other.isEmpty() && otherEnd(sockets, order, sockets[other]) == e.socketId)
                c.unread = qMax<qint64>(0, sockets[other].bytesSent - s.bytesReceived);
            closed.insert(e.socketId, c);
        }
    }

    QStringList found;
    QSet<QString> told; // a pair is explained once
    for (const QString &id : std::as_const(order)) {
        const SocketInfo &s = sockets[id];
        const QString name = at(s, lineOf.value(id));
        const double waited = nowMs - s.callStartedMs;
        const bool stuck = s.callInProgress != SocketCall::None && waited >= stuckAfterMs;
        if (stuck && s.callInProgress == SocketCall::Accept) {
            found << tr("%1 waits in accept() for a client: none has connected for %2 s.")
                         .arg(name, seconds(waited));
            continue;
        }
        if (stuck && s.callInProgress == SocketCall::Connect) {
            found << tr("%1's connect() has waited %2 s: the server's backlog may be full (its "
                        "kernel drops the SYN and the client's sends it again), or nothing "
                        "answers at that address.")
                         .arg(name, seconds(waited));
            continue;
        }
        if (s.role == SocketRole::Server || s.state == SocketState::Closed || told.contains(id))
            continue;
        const QString otherId = otherEnd(sockets, order, s);
        // Each must be the only match of the other, or which conn is whose is a guess.
        if (otherId.isEmpty() || otherEnd(sockets, order, sockets[otherId]) != id)
            continue;
        const SocketInfo &o = sockets[otherId];
        const QString other = at(o, lineOf.value(otherId));
        const bool inRecv = stuck && s.callInProgress == SocketCall::Recv;
        if (closed.contains(otherId)) {
            const Closing &c = closed[otherId];
            const double since = nowMs - c.atMs;
            if (c.unread > 0) {
                found << tr("%1 closed with %2 bytes it never read, so its kernel sent RST "
                            "instead of FIN: %3's next recv() raises ConnectionResetError and "
                            "its next send() BrokenPipeError.")
                             .arg(other)
                             .arg(c.unread)
                             .arg(name);
            } else if (since >= stuckAfterMs) {
                found << (s.state == SocketState::PeerClosed
                              ? tr("%1 closed %2 s ago and %3's recv() returned b'', but %3 "
                                   "has not called close(): its end stays in CLOSE_WAIT.")
                              : tr("%1 closed %2 s ago; %3 has not called close(), so its end "
                                   "stays in CLOSE_WAIT."))
                             .arg(other, seconds(since), name);
            }
            told << id << otherId;
            continue;
        }
        const double otherWaited = nowMs - o.callStartedMs;
        if (inRecv && o.callInProgress == SocketCall::Recv && otherWaited >= stuckAfterMs) {
            found << tr("Both ends are in recv(): %1 waits for %2 to send, and %2 waits for %1. "
                        "Neither sends first, so both wait for ever.")
                         .arg(name, other);
            told << id << otherId;
            continue;
        }
        if (inRecv) {
            const double quiet = nowMs - lastSend.value(otherId, s.callStartedMs);
            found << tr("%1 waits in recv() for data from %2, which has sent nothing for %3 s.")
                         .arg(name, other, seconds(qMin(quiet, waited)));
        }
    }
    return found;
}
