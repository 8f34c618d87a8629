// SPDX-License-Identifier: MIT
#include "lookup/SocketNames.h"

#include <netinet/in.h>
#include <sys/socket.h>

namespace {
QString numbered(const char *prefix, int value)
{
    return QStringLiteral("%1%2").arg(QLatin1String(prefix)).arg(value);
}
} // namespace

QString SocketNames::family(int family)
{
    switch (family) {
    case AF_UNSPEC:
        return QStringLiteral("AF_UNSPEC");
    case AF_INET:
        return QStringLiteral("AF_INET");
    case AF_INET6:
        return QStringLiteral("AF_INET6");
    case AF_UNIX:
        return QStringLiteral("AF_UNIX");
    }
    return numbered("AF_", family);
}

QString SocketNames::type(int type)
{
    switch (type) {
    case SOCK_STREAM:
        return QStringLiteral("SOCK_STREAM");
    case SOCK_DGRAM:
        return QStringLiteral("SOCK_DGRAM");
    case SOCK_RAW:
        return QStringLiteral("SOCK_RAW");
    }
    return numbered("SOCK_", type);
}

QString SocketNames::protocol(int protocol)
{
    switch (protocol) {
    case IPPROTO_IP:
        return QStringLiteral("IPPROTO_IP");
    case IPPROTO_TCP:
        return QStringLiteral("IPPROTO_TCP");
    case IPPROTO_UDP:
        return QStringLiteral("IPPROTO_UDP");
    }
    return numbered("IPPROTO_", protocol);
}

QString SocketNames::shutdownHow(int how)
{
    switch (how) {
    case SHUT_RD:
        return QStringLiteral("SHUT_RD");
    case SHUT_WR:
        return QStringLiteral("SHUT_WR");
    case SHUT_RDWR:
        return QStringLiteral("SHUT_RDWR");
    }
    return numbered("SHUT_", how);
}
