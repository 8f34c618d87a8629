// SPDX-License-Identifier: MIT
#pragma once

#include "calls/DefaultSocket.h"

// socket() with Python's defaults, asked what it is, then closed. Runs on the worker, which
// makes every socket call; SocketSession::askDefaults brings the answer back.
class DefaultSocketProbe
{
public:
    static DefaultSocket probe();
};
