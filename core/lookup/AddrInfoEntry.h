// SPDX-License-Identifier: MIT
#pragma once

#include "calls/SocketAddress.h"

#include <QString>

// One answer of getaddrinfo: what to pass to socket() and to connect() or bind().
struct AddrInfoEntry
{
    int family = 0;
    int type = 0;
    int protocol = 0;
    QString canonicalName;
    SocketAddress address;

    // (<AddressFamily.AF_INET: 2>, <SocketKind.SOCK_STREAM: 1>, 6, '', ('127.0.0.1', 80))
    QString pythonTuple() const;
};
