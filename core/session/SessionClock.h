// SPDX-License-Identifier: MIT
#pragma once

#include <QElapsedTimer>

// Monotonic milliseconds since the session began, shared by the UI and the worker thread.
// QElapsedTimer::elapsed() only reads the monotonic clock, so reading it from both
// threads is safe once it has been started.
class SessionClock
{
public:
    SessionClock();
    double nowMsPrecise() const;

private:
    QElapsedTimer m_timer;
};
