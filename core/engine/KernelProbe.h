// SPDX-License-Identifier: MIT
#pragma once

#include "calls/KernelSample.h"
#include "calls/SocketAddress.h"

#include <QHash>
#include <QSet>

// Reads the kernel's view of TCP sockets. On Linux: getsockopt(TCP_INFO) and the queue
// ioctls for an open fd, and /proc/net/tcp and tcp6 for a connection whose fd is closed
// (TIME_WAIT lives there). Elsewhere every sample says it is unavailable.
class KernelProbe
{
public:
    static KernelSample sample(int fd);
    // The state of the connection local↔peer in the system tables, or source None when the
    // tables are unreadable; state 0 ("gone") when the tables no longer list it.
    static KernelSample lookUp(const SocketAddress &local, const SocketAddress &peer);

    // One read of both tables, for looking up many connections at once: connection key →
    // state, for the wanted keys only (a busy machine lists tens of thousands of TIME_WAIT
    // connections that are not ours). Empty when the tables are unreadable.
    using Table = QHash<QByteArray, int>;
    static Table readTables(const QSet<QByteArray> &wanted);
    // A connection as the tables write it ("0100007F:C350 0100007F:D431"); empty for one
    // they do not list.
    static QByteArray key(const SocketAddress &local, const SocketAddress &peer);
    static KernelSample lookUp(const Table &table, const SocketAddress &local,
                               const SocketAddress &peer);
};
