// SPDX-License-Identifier: MIT
#include "EventRecorder.h"

#include "session/SocketSession.h"

#include <QTest>

EventRecorder::EventRecorder(SocketSession *session)
{
    connect(session, &SocketSession::eventOccurred, this, [this](const SocketEvent &e) {
        m_events.append(e);
        m_taken.append(false);
    });
}

int EventRecorder::find(const QString &socketId, SocketCall call, int phaseMask) const
{
    for (int i = 0; i < m_events.size(); ++i) {
        if (m_taken.at(i))
            continue;
        const SocketEvent &e = m_events.at(i);
        if (e.socketId == socketId && e.call == call && ((1 << int(e.phase)) & phaseMask))
            return i;
    }
    return -1;
}

SocketEvent EventRecorder::waitFor(const QString &socketId, SocketCall call, CallPhase phase,
                                   int timeoutMs)
{
    return take(socketId, call, 1 << int(phase), timeoutMs);
}

SocketEvent EventRecorder::waitForEnd(const QString &socketId, SocketCall call, int timeoutMs)
{
    return take(socketId, call, (1 << int(CallPhase::Returned)) | (1 << int(CallPhase::Failed)),
                timeoutMs);
}

SocketEvent EventRecorder::take(const QString &socketId, SocketCall call, int phaseMask,
                                int timeoutMs)
{
    (void)QTest::qWaitFor([&] { return find(socketId, call, phaseMask) >= 0; }, timeoutMs);
    const int at = find(socketId, call, phaseMask);
    if (at < 0)
        return SocketEvent();
    m_taken[at] = true;
    return m_events.at(at);
}

bool EventRecorder::has(const QString &socketId, SocketCall call, CallPhase phase) const
{
    for (const SocketEvent &e : m_events) {
        if (e.socketId == socketId && e.call == call && e.phase == phase)
            return true;
    }
    return false;
}
