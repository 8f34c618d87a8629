// SPDX-License-Identifier: MIT
#include "engine/HostResolver.h"

#include "calls/ErrnoCatalog.h"

#include <netdb.h>

HostResolver::Result HostResolver::resolve(int family, int type, const QString &host, quint16 port)
{
    Result r;
    addrinfo hints{};
    hints.ai_family = family;
    hints.ai_socktype = type;
    addrinfo *list = nullptr;
    const int rc = ::getaddrinfo(host.toUtf8().constData(), QByteArray::number(port).constData(),
                                 &hints, &list);
    if (rc != 0) {
        r.error = CallError::fromResolver(rc, QString::fromLocal8Bit(gai_strerror(rc)),
                                          ErrnoCatalog::resolverHint(rc, host));
        return r;
    }
    for (addrinfo *ai = list; ai; ai = ai->ai_next)
        r.addresses.append(SocketAddress::fromSockaddr(ai->ai_addr, ai->ai_addrlen));
    ::freeaddrinfo(list);
    return r;
}
