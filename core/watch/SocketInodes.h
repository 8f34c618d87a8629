// SPDX-License-Identifier: MIT
#pragma once

#include "calls/KernelSample.h"

#include <QByteArrayView>
#include <QHash>
#include <QSet>

// The kernel's state of a watched program's TCP sockets: a descriptor of the program names a
// socket inode (/proc/PID/fd/N → socket:[inode]), and the kernel's TCP tables list each
// socket's state and queues by inode. Read from /proc/net/tcp and tcp6, the text `ss -t`
// also shows; not through sock_diag's netlink interface. A socket that has left the tables
// (closed and gone, or in TIME_WAIT, which has no inode) is not found.
class SocketInodes
{
public:
    // 0 when the descriptor is not a socket or cannot be read (another user's program).
    static quint64 inodeOf(qint64 pid, int fd);
    // The TCP sockets among inodes, as the kernel has them now.
    static QHash<quint64, KernelSample> tcpStates(const QSet<quint64> &inodes);
    // One table's text (a /proc/net/tcp file), for the tests.
    static void readTable(QByteArrayView text, const QSet<quint64> &inodes,
                          QHash<quint64, KernelSample> *states);
};
