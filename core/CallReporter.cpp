#include "CallReporter.h"

#include "EngineSocket.h"
#include "ErrnoCatalog.h"
#include "KernelProbe.h"
#include "SessionClock.h"

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

void CallReporter::begin(EngineSocket &s, const CallRequest &request, const QVariantMap &args,
                         const QByteArray &outgoing)
{
    s.pending = request;
    s.pendingArgs = args;
    s.pendingAddress.clear();
    ++s.callToken;
    s.info.callInProgress = request.call;
    s.info.blocked = false;
    s.info.callStartedMs = m_clock->nowMsPrecise();
    m_socketSink(s.info);
    // A send's started event carries its bytes (but no byte count: nothing moved yet), so
    // the log can show what is about to go out while the call is still blocked.
    report(s, request.call, CallPhase::Started, QVariant(), CallError(), -1, outgoing);
}

void CallReporter::blocked(EngineSocket &s)
{
    if (s.info.blocked)
        return;
    s.info.blocked = true;
    s.info.kernel = kernelView(s.info);
    m_socketSink(s.info);
    report(s, s.pending.call, CallPhase::Blocked, QVariant(), CallError(), -1, s.pending.data);
}

void CallReporter::succeed(EngineSocket &s, const QVariant &result, qint64 byteCount,
                           const QByteArray &data)
{
    // The snapshot goes out before the event, so whoever reacts to the event already
    // sees the socket's new state.
    const CallRequest finished = std::exchange(s.pending, CallRequest());
    s.info.lastError = CallError();
    s.info.callInProgress = SocketCall::None;
    s.info.blocked = false;
    s.info.kernel = kernelView(s.info);
    m_socketSink(s.info);
    report(s, finished.call, CallPhase::Returned, result, CallError(), byteCount, data);
}

void CallReporter::fail(EngineSocket &s, const CallError &error, qint64 byteCount)
{
    const CallRequest finished = std::exchange(s.pending, CallRequest());
    s.info.lastError = error;
    s.info.callInProgress = SocketCall::None;
    s.info.blocked = false;
    s.info.kernel = kernelView(s.info);
    m_socketSink(s.info);
    report(s, finished.call, CallPhase::Failed, QVariant(), error, byteCount, QByteArray());
}

void CallReporter::failErrno(EngineSocket &s, int error, const QString &address)
{
    const QString where = address.isEmpty() ? s.pendingAddress : address;
    fail(s, CallError::fromErrno(error, ErrnoCatalog::hint(error, s.pending.call, where)));
}

void CallReporter::report(EngineSocket &s, SocketCall call, CallPhase phase, const QVariant &result,
                          const CallError &error, qint64 byteCount, const QByteArray &data)
{
    SocketEvent e;
    e.seq = ++m_seq;
    e.tMs = m_clock->nowMsPrecise();
    e.socketId = s.info.id;
    e.role = s.info.role;
    e.call = call;
    e.phase = phase;
    e.args = s.pendingArgs;
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
