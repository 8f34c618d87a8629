// SPDX-License-Identifier: MIT
#include "lookup/InterfaceList.h"

#include <algorithm>

#include <arpa/inet.h>
#include <ifaddrs.h>
#include <net/if.h>
#include <netinet/in.h>

QList<InterfaceList::Entry> InterfaceList::current()
{
    // getifaddrs(3), as a C program would ask: one record per address, and on Linux one more
    // per interface (AF_PACKET), so interfaces without an address are listed too.
    QList<Entry> entries;
    ifaddrs *records = nullptr;
    if (getifaddrs(&records) != 0)
        return entries;
    for (const ifaddrs *r = records; r; r = r->ifa_next) {
        const QString name = QString::fromLocal8Bit(r->ifa_name);
        auto e = std::find_if(entries.begin(), entries.end(),
                              [&name](const Entry &known) { return known.name == name; });
        if (e == entries.end()) {
            entries.append(Entry{name, false, false, {}, {}});
            e = entries.end() - 1;
        }
        e->isUp = r->ifa_flags & IFF_UP;
        e->isLoopback = r->ifa_flags & IFF_LOOPBACK;
        if (!r->ifa_addr)
            continue;
        char text[INET6_ADDRSTRLEN] = {};
        if (r->ifa_addr->sa_family == AF_INET) {
            const auto *v4 = reinterpret_cast<const sockaddr_in *>(r->ifa_addr);
            if (inet_ntop(AF_INET, &v4->sin_addr, text, sizeof text))
                e->ipv4 << QString::fromLatin1(text);
        } else if (r->ifa_addr->sa_family == AF_INET6) {
            const auto *v6 = reinterpret_cast<const sockaddr_in6 *>(r->ifa_addr);
            if (!inet_ntop(AF_INET6, &v6->sin6_addr, text, sizeof text))
                continue;
            QString address = QString::fromLatin1(text);
            // A link-local address means nothing without its interface: fe80::1%eth0.
            if (IN6_IS_ADDR_LINKLOCAL(&v6->sin6_addr))
                address += QLatin1Char('%') + name;
            e->ipv6 << address;
        }
    }
    freeifaddrs(records);
    return entries;
}
