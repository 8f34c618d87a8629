#include "session/SessionClock.h"

SessionClock::SessionClock()
{
    m_timer.start();
}

qint64 SessionClock::nowMs() const
{
    return m_timer.elapsed();
}

double SessionClock::nowMsPrecise() const
{
    return double(m_timer.nsecsElapsed()) / 1e6;
}
