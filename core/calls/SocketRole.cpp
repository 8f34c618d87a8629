// SPDX-License-Identifier: MIT
#include "calls/SocketRole.h"

QString socketRolePrefix(SocketRole role)
{
    switch (role) {
    case SocketRole::Server:
        return QStringLiteral("server");
    case SocketRole::Connection:
        return QStringLiteral("conn");
    case SocketRole::Client:
        return QStringLiteral("client");
    }
    return QString();
}

SocketRole socketRoleOf(const QString &idOrName)
{
    if (idOrName.startsWith(QLatin1String("server")))
        return SocketRole::Server;
    if (idOrName.startsWith(QLatin1String("conn")))
        return SocketRole::Connection;
    return SocketRole::Client;
}
