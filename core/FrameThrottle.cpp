#include "FrameThrottle.h"

#include <utility>

FrameThrottle::FrameThrottle(std::function<void()> update, QObject *parent)
    : QObject(parent), m_update(std::move(update))
{
    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &FrameThrottle::run);
}

void FrameThrottle::request()
{
    if (m_requested)
        return;
    m_requested = true;
    const qint64 since = m_lastRun.isValid() ? m_lastRun.elapsed() : frameMs;
    m_timer.start(int(qMax<qint64>(0, frameMs - since)));
}

void FrameThrottle::runNow()
{
    if (m_requested)
        run();
}

void FrameThrottle::run()
{
    m_timer.stop();
    m_requested = false;
    m_lastRun.start();
    m_update();
}
