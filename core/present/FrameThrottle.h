// SPDX-License-Identifier: MIT
#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <functional>

// Runs an update at most about once a frame. Every run repaints something, and a flood
// would otherwise repaint hundreds of times a second, far more often than a screen or a
// person can follow. After a quiet spell the first requests run at once, so a click's call
// shows as it starts and again as it returns, in the same paint; requests that come sooner
// than that are gathered into one run when the frame is up. (A token bucket: one run a
// frame, and a burst of burstRuns.)
class FrameThrottle : public QObject
{
    Q_OBJECT
public:
    static constexpr int frameMs = 16;
    static constexpr double burstRuns = 2;

    FrameThrottle(std::function<void()> update, QObject *parent = nullptr);

    // Runs the update now if a run is available, else schedules one for when it is.
    void request();
    // Runs a scheduled update now (someone needs its result at once).
    void runNow();

private:
    void run();
    // Adds the runs earned since the last refill, up to burstRuns.
    void refill();

    std::function<void()> m_update;
    QTimer m_timer;
    QElapsedTimer m_refilled;
    double m_runsAvailable = burstRuns;
    bool m_scheduled = false;
    bool m_running = false; // a request from inside the update waits for the next pass
};
