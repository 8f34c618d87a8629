// SPDX-License-Identifier: MIT
#pragma once

#include "calls/CallError.h"
#include "calls/SocketInfo.h"

#include <QMetaType>

// What socket() with Python's defaults made, as the kernel describes it: the answer to the
// course's "what are the default family, type and protocol?". Made by the worker.
struct DefaultSocket
{
    // fd, family, type, protocol as asked (0) and the address getsockname gave.
    SocketInfo socket;
    int kernelProtocol = -1; // what the kernel chose for protocol 0 (SO_PROTOCOL), -1 unknown
    CallError error;
};

Q_DECLARE_METATYPE(DefaultSocket)
