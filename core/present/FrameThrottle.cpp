// SPDX-License-Identifier: MIT
#include "present/FrameThrottle.h"

#include <cmath>
#include <utility>

FrameThrottle::FrameThrottle(std::function<void()> update, QObject *parent)
    : QObject(parent), m_update(std::move(update))
{
    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &FrameThrottle::run);
}

void FrameThrottle::refill()
{
    if (m_refilled.isValid()) {
        m_runsAvailable =
            qMin(burstRuns, m_runsAvailable + double(m_refilled.nsecsElapsed()) / (frameMs * 1e6));
    }
    m_refilled.start();
}

void FrameThrottle::request()
{
    if (m_scheduled)
        return;
    refill();
    if (m_runsAvailable >= 1 && !m_running) {
        run();
        return;
    }
    m_scheduled = true;
    m_timer.start(int(std::ceil(qMax(0.0, 1.0 - m_runsAvailable) * frameMs)));
}

void FrameThrottle::runNow()
{
    if (m_scheduled)
        run();
}

void FrameThrottle::run()
{
    m_timer.stop();
    m_scheduled = false;
    refill();
    // A run asked for by runNow() may go before it is due: that one is owed.
    m_runsAvailable -= 1;
    m_running = true;
    m_update();
    m_running = false;
}
