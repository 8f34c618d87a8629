// SPDX-License-Identifier: MIT
#pragma once

#include "calls/CallError.h"
#include "calls/CallPhase.h"
#include "calls/CallRequest.h"
#include "calls/SocketEvent.h"
#include "calls/SocketInfo.h"

#include <QByteArray>
#include <QVariant>
#include <QVariantMap>

#include <functional>

class SessionClock;
struct CallSlot;
struct EngineSocket;

// Turns what happens to a call into numbered, timestamped events and socket snapshots, in
// one fixed order: the snapshot first, then the event, so whoever reacts to an event sees
// the socket's new state. The worker uses it for every call.
class CallReporter
{
public:
    using EventSink = std::function<void(const SocketEvent &)>;
    using SocketSink = std::function<void(const SocketInfo &)>;

    CallReporter(const SessionClock *clock, EventSink events, SocketSink sockets);

    // A call starts in the slot s.slotFor() chose for it, and it is returned. outgoing is a
    // send's data.
    CallSlot &begin(EngineSocket &s, const CallRequest &request, const QVariantMap &args,
                    const QByteArray &outgoing = QByteArray());
    void blocked(EngineSocket &s, CallSlot &slot);
    void succeed(EngineSocket &s, CallSlot &slot, const QVariant &result, qint64 byteCount = -1,
                 const QByteArray &data = QByteArray());
    void fail(EngineSocket &s, CallSlot &slot, const CallError &error, qint64 byteCount = -1);
    // address: where the call went, for the hint; the slot's address if empty.
    void failErrno(EngineSocket &s, CallSlot &slot, int error, const QString &address = QString());
    // A call refused before it started (unknown socket, rules).
    void refuse(const CallRequest &request, SocketRole role, const CallError &error);
    // A socket that came into being without a call of its own (accept's new connection), or
    // whose kernel view changed between calls.
    void announce(const SocketInfo &info);
    // What the kernel says of this TCP socket now: by fd, or by its addresses once closed.
    static KernelSample kernelView(const SocketInfo &info);
    static constexpr double kernelSampleGapMs = 20;

private:
    void report(const EngineSocket &s, const QVariantMap &args, SocketCall call, CallPhase phase,
                const QVariant &result, const CallError &error, qint64 byteCount,
                const QByteArray &data);
    // Clears the snapshot's fields for the slot: callInProgress or duplexCall.
    static void markIdle(EngineSocket &s, const CallSlot &slot);

    const SessionClock *m_clock;
    EventSink m_eventSink;
    SocketSink m_socketSink;
    qint64 m_seq = 0;
};
