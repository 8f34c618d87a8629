// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

// What the kernel itself says about a TCP socket at one moment (Linux: TCP_INFO, SIOCINQ,
// SIOCOUTQ, the /proc/net/tcp tables once the socket is closed, or sock_diag).
struct KernelSample
{
    enum class Source
    {
        None,
        TcpInfo,
        ProcTable,
        SockDiag // another program's socket, asked for by inode (a watched program's)
    };

    Source source = Source::None; // None: this platform or socket gives no kernel view
    int state = 0; // Linux TCP state (1 ESTABLISHED … 11 CLOSING); 0 gone; -1 not read yet
    qint64 receiveQueue = -1; // bytes received but not yet read by recv
    qint64 sendQueue = -1;    // bytes sent but not yet acknowledged
    qint64 rttMicros = -1;
    int acceptQueue = -1; // listener: connections done by the kernel, not yet accepted
    int backlog = -1;     // listener: the backlog the kernel uses

    bool isAvailable() const { return source != Source::None; }
    // "ESTABLISHED", "TIME_WAIT", … ; "gone" when the kernel no longer has it.
    QString stateName() const;
    static QString stateName(int state);
    bool operator==(const KernelSample &other) const;
    bool operator!=(const KernelSample &other) const { return !(*this == other); }
};
