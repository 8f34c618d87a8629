#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <functional>

// Runs an update at most once a frame. The first request after a quiet spell runs when the
// event loop next turns, so a single click shows at once; during a flood, requests that
// come sooner than a frame after the last run are gathered into one run when the frame is
// up. Every run repaints something, and a flood would otherwise repaint hundreds of times a
// second, far more often than a screen or a person can follow.
class FrameThrottle : public QObject
{
    Q_OBJECT
public:
    static constexpr int frameMs = 16;

    FrameThrottle(std::function<void()> update, QObject *parent = nullptr);

    void request();
    // Runs a requested update now (someone needs its result at once).
    void runNow();

private:
    void run();

    std::function<void()> m_update;
    QTimer m_timer;
    QElapsedTimer m_lastRun;
    bool m_requested = false;
};
