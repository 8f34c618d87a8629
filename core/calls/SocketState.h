// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

// What SocketLab knows about a socket from the calls made on it.
// The kernel's own TCP state is a separate, sampled thing.
enum class SocketState
{
    Created,
    Bound,
    Listening,
    Connecting,
    Connected,
    PeerClosed, // recv returned 0 bytes: the peer will send nothing more
    ShutDown,   // our write side is shut down (shutdown SHUT_WR or SHUT_RDWR)
    Closed,
    Failed,
};

// Upper-case label for badges and the log, e.g. "LISTENING".
QString socketStateName(SocketState state);
