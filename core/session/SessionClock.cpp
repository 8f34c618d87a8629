// SPDX-License-Identifier: MIT
#include "session/SessionClock.h"

SessionClock::SessionClock()
{
    m_timer.start();
}

double SessionClock::nowMsPrecise() const
{
    return double(m_timer.nsecsElapsed()) / 1e6;
}
