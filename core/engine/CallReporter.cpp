// SPDX-License-Identifier: MIT
#include "engine/CallReporter.h"

#include "calls/ErrnoCatalog.h"
#include "engine/EngineSocket.h"
#include "engine/KernelProbe.h"
#include "session/SessionClock.h"

#include <utility>

CallReporter::CallReporter(const SessionClock *clock, EventSink events, SocketSink sockets)
    : m_clock(clock), m_eventSink(std::move(events)), m_socketSink(std::move(sockets))
{
}

void CallReporter::announce(const SocketInfo &info)
{
    m_socketSink(info);
}

KernelSample CallReporter::kernelView(const SocketInfo &info)
{
    const bool tcp =
        info.type == SOCK_STREAM && (info.family == AF_INET || info.family == AF_INET6);
    if (!tcp)
        return KernelSample();
    if (info.fd >= 0)
        return KernelProbe::sample(info.fd);
    // Closed: the connection may live on in the kernel (TIME_WAIT) with no fd to ask. The
    // engine's sampler reads the system tables once for all such sockets; until then the
    // state is not known.
    KernelSample pending;
    if (info.local.isValid() && info.peer.isValid()) {
        pending.source = KernelSample::Source::ProcTable;
        pending.state = -1;
    }
    return pending;
}

CallSlot &CallReporter::begin(EngineSocket &s, const CallRequest &request, const QVariantMap &args,
                              const QByteArray &outgoing)
{
    CallSlot &slot = s.slotFor();
    slot.request = request;
    slot.args = args;
    slot.address.clear();
    slot.sentSoFar = 0;
    ++slot.token;
    // The error was the previous call's news; shown beside this one it would contradict it.
    s.info.lastError = CallError();
    if (s.isDuplex(slot)) {
        s.info.duplexCall = request.call;
        s.info.duplexBlocked = false;
    } else {
        s.info.callInProgress = request.call;
        s.info.blocked = false;
        s.info.callStartedMs = m_clock->nowMsPrecise();
    }
    m_socketSink(s.info);
    // A send's started event carries its bytes (but no byte count: nothing moved yet), so
    // the log can show what is about to go out while the call is still blocked.
    report(s, args, request.call, CallPhase::Started, QVariant(), CallError(), -1, outgoing);
    return slot;
}

void CallReporter::blocked(EngineSocket &s, CallSlot &slot)
{
    bool &flag = s.isDuplex(slot) ? s.info.duplexBlocked : s.info.blocked;
    if (flag)
        return;
    flag = true;
    s.info.kernel = kernelView(s.info);
    m_socketSink(s.info);
    report(s, slot.args, slot.request.call, CallPhase::Blocked, QVariant(), CallError(), -1,
           slot.request.data);
}

void CallReporter::markIdle(EngineSocket &s, const CallSlot &slot)
{
    if (s.isDuplex(slot)) {
        s.info.duplexCall = SocketCall::None;
        s.info.duplexBlocked = false;
    } else {
        s.info.callInProgress = SocketCall::None;
        s.info.blocked = false;
    }
}

void CallReporter::succeed(EngineSocket &s, CallSlot &slot, const QVariant &result,
                           qint64 byteCount, const QByteArray &data)
{
    // The snapshot goes out before the event, so whoever reacts to the event already
    // sees the socket's new state.
    const CallRequest finished = std::exchange(slot.request, CallRequest());
    const QVariantMap args = std::exchange(slot.args, QVariantMap());
    s.info.lastError = CallError();
    markIdle(s, slot);
    // Asking the kernel costs three system calls. A stream of data calls changes nothing
    // but the queues, so there it asks at most every kernelSampleGapMs; any other call,
    // and a recv that saw the peer close, always asks.
    const double now = m_clock->nowMsPrecise();
    const bool moving =
        byteCount > 0 && (isSendingCall(finished.call) || isReceivingCall(finished.call));
    if (!moving || now - s.kernelSampledMs >= kernelSampleGapMs) {
        s.info.kernel = kernelView(s.info);
        s.kernelSampledMs = now;
    }
    m_socketSink(s.info);
    report(s, args, finished.call, CallPhase::Returned, result, CallError(), byteCount, data);
}

void CallReporter::fail(EngineSocket &s, CallSlot &slot, const CallError &error, qint64 byteCount)
{
    const CallRequest finished = std::exchange(slot.request, CallRequest());
    const QVariantMap args = std::exchange(slot.args, QVariantMap());
    s.info.lastError = error;
    markIdle(s, slot);
    s.info.kernel = kernelView(s.info);
    m_socketSink(s.info);
    report(s, args, finished.call, CallPhase::Failed, QVariant(), error, byteCount, QByteArray());
}

void CallReporter::failErrno(EngineSocket &s, CallSlot &slot, int error, const QString &address)
{
    const QString where = address.isEmpty() ? slot.address : address;
    fail(s, slot, CallError::fromErrno(error, ErrnoCatalog::hint(error, slot.request.call, where)));
}

void CallReporter::report(const EngineSocket &s, const QVariantMap &args, SocketCall call,
                          CallPhase phase, const QVariant &result, const CallError &error,
                          qint64 byteCount, const QByteArray &data)
{
    SocketEvent e;
    e.seq = ++m_seq;
    e.tMs = m_clock->nowMsPrecise();
    e.socketId = s.info.id;
    e.role = s.info.role;
    e.call = call;
    e.phase = phase;
    e.args = args;
    e.result = result;
    e.error = error;
    e.byteCount = byteCount;
    e.data = data;
    if (phase == CallPhase::Returned || phase == CallPhase::Failed || phase == CallPhase::Blocked)
        e.kernelState = s.info.kernel.stateName();
    m_eventSink(e);
}

void CallReporter::refuse(const CallRequest &request, SocketRole role, const CallError &error)
{
    SocketEvent e;
    e.seq = ++m_seq;
    e.tMs = m_clock->nowMsPrecise();
    e.socketId = request.socketId;
    e.role = role;
    e.call = request.call;
    e.phase = CallPhase::Failed;
    e.error = error;
    m_eventSink(e);
}
