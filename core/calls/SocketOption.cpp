// SPDX-License-Identifier: MIT
#include "calls/SocketOption.h"

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>

const QList<SocketOption> &SocketOption::all()
{
    using K = SocketOption::Kind;
    static const QList<SocketOption> options{
        {QStringLiteral("SO_REUSEADDR"), QStringLiteral("SOL_SOCKET"), SOL_SOCKET, SO_REUSEADDR,
         K::Flag, 1,
         QStringLiteral("bind a port again at once, even while an old connection on it waits "
                        "in TIME_WAIT (avoids EADDRINUSE after a restart)")},
        {QStringLiteral("SO_REUSEPORT"), QStringLiteral("SOL_SOCKET"), SOL_SOCKET, SO_REUSEPORT,
         K::Flag, 1,
         QStringLiteral("let several sockets bind the same address and port; the kernel "
                        "shares the incoming connections among them")},
        {QStringLiteral("IPV6_V6ONLY"), QStringLiteral("IPPROTO_IPV6"), IPPROTO_IPV6, IPV6_V6ONLY,
         K::Flag, 0,
         QStringLiteral("1: an AF_INET6 socket takes IPv6 only; 0: it is dual stack and IPv4 "
                        "clients arrive as ::ffff:a.b.c.d")},
        {QStringLiteral("TCP_NODELAY"), QStringLiteral("IPPROTO_TCP"), IPPROTO_TCP, TCP_NODELAY,
         K::Flag, 1,
         QStringLiteral("send small writes at once instead of waiting to combine them "
                        "(turns Nagle's algorithm off)")},
        {QStringLiteral("SO_KEEPALIVE"), QStringLiteral("SOL_SOCKET"), SOL_SOCKET, SO_KEEPALIVE,
         K::Flag, 1,
         QStringLiteral("probe an idle connection now and then, so a vanished peer is "
                        "noticed")},
        {QStringLiteral("SO_RCVBUF"), QStringLiteral("SOL_SOCKET"), SOL_SOCKET, SO_RCVBUF, K::Bytes,
         65536,
         QStringLiteral("the receive buffer's size in bytes (Linux doubles what you ask, for "
                        "its own bookkeeping)")},
        {QStringLiteral("SO_SNDBUF"), QStringLiteral("SOL_SOCKET"), SOL_SOCKET, SO_SNDBUF, K::Bytes,
         65536, QStringLiteral("the send buffer's size in bytes (Linux doubles it too)")},
        {QStringLiteral("SO_LINGER"), QStringLiteral("SOL_SOCKET"), SOL_SOCKET, SO_LINGER,
         K::Seconds, 0,
         QStringLiteral("how long close waits for unsent data: 0 makes close drop it and send "
                        "RST instead of FIN; -1 is the usual behaviour")},
    };
    return options;
}

const SocketOption *SocketOption::find(const QString &name)
{
    for (const SocketOption &o : all()) {
        if (o.name == name)
            return &o;
    }
    return nullptr;
}
