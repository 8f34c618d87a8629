// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

// Where a call is in its life: every call starts, may block, and then returns or fails.
enum class CallPhase
{
    Started,
    Blocked,
    Returned,
    Failed,
};

// "started", "blocked", "returned", "failed": the words used in the trace format.
QString callPhaseName(CallPhase phase);
