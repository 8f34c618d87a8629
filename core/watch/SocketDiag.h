// SPDX-License-Identifier: MIT
#pragma once

#include "calls/KernelSample.h"
#include "calls/SocketAddress.h"

#include <QHash>
#include <QSet>

// The kernel's own list of sockets, asked as `ss` asks it: sock_diag over netlink
// (NETLINK_SOCK_DIAG), a dump of the TCP and UDP sockets of IPv4 and IPv6 in this network
// namespace. A watched program's sockets are known by their inodes (SocketInodes), so the
// answer is kept only for those. Unix sockets are not asked for.
class SocketDiag
{
public:
    struct Entry
    {
        int family = 0;   // AF_INET or AF_INET6
        int protocol = 0; // IPPROTO_TCP or IPPROTO_UDP
        SocketAddress local;
        SocketAddress peer; // invalid when it has none (a listener, an unconnected UDP socket)
        KernelSample kernel;
    };

    // Empty when netlink cannot be asked; a socket not in the answer is closed (or in
    // TIME_WAIT, which has no inode).
    static QHash<quint64, Entry> query(const QSet<quint64> &inodes);
};
