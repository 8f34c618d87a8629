// SPDX-License-Identifier: MIT
#pragma once

#include "calls/SocketEvent.h"

#include <QObject>
#include <QVector>

class SocketSession;

// Collects a session's events so a test can wait for the one it expects.
class EventRecorder : public QObject
{
    Q_OBJECT
public:
    explicit EventRecorder(SocketSession *session);

    // Waits (processing events) for the first event matching socket/call/phase that no
    // earlier wait returned, and returns it; returns an event with call None on timeout.
    SocketEvent waitFor(const QString &socketId, SocketCall call, CallPhase phase,
                        int timeoutMs = 5000);
    // Waits for the call to return or fail, whichever comes.
    SocketEvent waitForEnd(const QString &socketId, SocketCall call, int timeoutMs = 5000);
    // True if such an event arrived (from the start of the recording).
    bool has(const QString &socketId, SocketCall call, CallPhase phase) const;

    const QVector<SocketEvent> &events() const { return m_events; }

private:
    int find(const QString &socketId, SocketCall call, int phaseMask) const;
    SocketEvent take(const QString &socketId, SocketCall call, int phaseMask, int timeoutMs);

    QVector<SocketEvent> m_events;
    QVector<bool> m_taken;
};
