// SPDX-License-Identifier: MIT
#pragma once

#include <QtGlobal>

// A watched program's descriptor names a socket inode (/proc/PID/fd/N → socket:[inode]), by
// which the kernel's socket list (SocketDiag) knows it: the number may name another socket
// later, the inode does not.
class SocketInodes
{
public:
    // 0 when the descriptor is not a socket or cannot be read (another user's program).
    static quint64 inodeOf(qint64 pid, int fd);
};
