// SPDX-License-Identifier: MIT
#pragma once

#include "calls/SocketAddress.h"

#include <QByteArray>
#include <QByteArrayView>

// The text of Linux's socket tables (/proc/net/tcp, tcp6, udp, udp6), shared by the kernel
// view (a closed connection's state) and the port-owner lookup (who holds a port). A line:
// slot, local and remote address, state, queues, timer, retransmits, uid, timeout, inode.
class ProcNetTable
{
public:
    enum Field
    {
        Local = 1,
        Remote = 2,
        State = 3,
        Timer = 5,
        Uid = 7,
        Inode = 9,
    };
    // How a table writes an address: the raw 32-bit words of the in-memory address, each as 8
    // hex digits, then ':' and the port in 4. Empty when address is not numeric.
    static QByteArray addressText(const SocketAddress &address);
    // The reverse, for a table's field (ipv6 for tcp6 and udp6).
    static SocketAddress address(QByteArrayView text, bool ipv6);
    // The n-th field of a line, split at runs of spaces, without copying the line.
    static QByteArrayView field(QByteArrayView line, int n);
};
