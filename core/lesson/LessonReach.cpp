// SPDX-License-Identifier: MIT
#include "lesson/LessonReach.h"

#include <arpa/inet.h>

bool LessonReach::isLoopbackName(const QString &host)
{
    if (host == QLatin1String("localhost"))
        return true;
    in_addr v4;
    if (inet_pton(AF_INET, host.toLatin1().constData(), &v4) == 1)
        return (ntohl(v4.s_addr) >> 24) == 127;
    in6_addr v6;
    return inet_pton(AF_INET6, host.toLatin1().constData(), &v6) == 1 && IN6_IS_ADDR_LOOPBACK(&v6);
}

QString LessonReach::whyRefused(const QString &host, int port, const QString &chosenHost,
                                int chosenPort, const QList<SocketAddress> &ownAddresses)
{
    const QString target = host.trimmed();
    if (port == chosenPort && target == chosenHost.trimmed())
        return QString();
    for (const SocketAddress &own : ownAddresses) {
        if (!own.isValid())
            continue;
        if (own.family() == AF_UNIX) {
            if (!own.host().isEmpty() && own.host() == target)
                return QString();
            continue;
        }
        if (own.port() != port)
            continue;
        // A socket bound to every address is reached through loopback too.
        const bool everyAddress =
            own.host() == QLatin1String("0.0.0.0") || own.host() == QLatin1String("::");
        if (own.host() == target || (everyAddress && isLoopbackName(target)))
            return QString();
    }
    const QString where = port > 0 ? QStringLiteral("%1:%2").arg(target).arg(port) : target;
    return tr("this lesson wants to reach %1, which is neither one of its own sockets nor the "
              "address chosen for it (%2:%3); a shared lesson may not talk to other programs "
              "unless you allow it")
        .arg(where, chosenHost)
        .arg(chosenPort);
}
