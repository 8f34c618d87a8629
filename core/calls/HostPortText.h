// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

// Splits "127.0.0.1:50000", "[::1]:50000" or "localhost:80" as typed on a command line;
// "udp://HOST:PORT" asks for a datagram socket ("tcp://" is the default, stream);
// "unix:PATH" and "unix-dgram:PATH" for a Unix domain socket at a file path.
// The port stays an int so a value like 70000 reaches the call and gets its clear error.
class HostPortText
{
public:
    struct Parts
    {
        QString host;
        int port = 0;
        int family = 0; // AF_INET6 when the host is an IPv6 literal, else AF_INET
        int type = 0;   // SOCK_STREAM, or SOCK_DGRAM for udp://
        QString error;  // empty when the text had the HOST:PORT shape
    };

    static Parts parse(const QString &text);
    // True for a host that binds every interface (empty, 0.0.0.0, ::), so that any machine
    // on the network can connect: the window asks first, the console says so.
    static bool isEveryAddress(const QString &host);
};
