// SPDX-License-Identifier: MIT
#pragma once

#include <QCoreApplication>
#include <QString>

// Which kind of port a number is, by IANA's ranges, and whether this kernel hands it out to
// clients as an ephemeral port.
class PortRange
{
    Q_DECLARE_TR_FUNCTIONS(PortRange)

public:
    enum class Kind
    {
        WellKnown,
        Registered,
        Dynamic,
        Invalid
    };

    static Kind kind(int port);
    // "well-known (0–1023)", "registered (1024–49151)", "dynamic (49152–65535)"
    static QString kindName(Kind kind);
    // This machine's ephemeral range (Linux: /proc/sys/net/ipv4/ip_local_port_range).
    static bool ephemeralRange(int *first, int *last);
    // A warning for a server port, or empty: privileged ports, ports the kernel may give
    // to clients, port 0.
    static QString serverWarning(int port);
    // A note for a port a client connects to, or empty.
    static QString clientNote(int port);
};
