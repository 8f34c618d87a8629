// SPDX-License-Identifier: MIT
#pragma once

#include <mutex>

// A happens-before edge ThreadSanitizer can see, for work handed to QThreadPool (whose own
// locking it cannot see in an uninstrumented Qt): call it after building the task and
// before starting it, and first thing in the task. Costs one uncontended lock.
inline void threadHandoff()
{
    static std::mutex handoff;
    std::lock_guard<std::mutex> lock(handoff);
}
