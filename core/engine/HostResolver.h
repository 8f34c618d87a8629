// SPDX-License-Identifier: MIT
#pragma once

#include "calls/CallError.h"
#include "calls/SocketAddress.h"

#include <QList>
#include <QString>

// Blocking getaddrinfo for a host name. Call it on a pool thread, never on the UI thread
// or the socket worker: a DNS query can take seconds.
class HostResolver
{
public:
    struct Result
    {
        QList<SocketAddress> addresses; // in the order getaddrinfo returned them
        CallError error;
    };

    static Result resolve(int family, int type, const QString &host, quint16 port);
};
