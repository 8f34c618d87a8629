// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

// The worker let go of a closed socket: the kernel no longer lists it (TIME_WAIT is over)
// and enough sockets have closed since. A long-running server's tables stay bounded; the
// socket's events stay in the log.
struct SocketForgotten
{
    QString id;
};
