// SPDX-License-Identifier: MIT
#include "calls/ServerMode.h"

QString serverModeName(ServerMode mode)
{
    switch (mode) {
    case ServerMode::Echo:
        return QStringLiteral("echo");
    case ServerMode::Http:
        return QStringLiteral("http");
    case ServerMode::Reply:
        return QStringLiteral("reply");
    case ServerMode::Silent:
        return QStringLiteral("silent");
    case ServerMode::Chat:
        return QStringLiteral("chat");
    }
    return QString();
}

QStringList serverModeNames()
{
    return {QStringLiteral("echo"), QStringLiteral("http"), QStringLiteral("reply"),
            QStringLiteral("silent"), QStringLiteral("chat")};
}

bool parseServerMode(const QString &name, ServerMode *mode)
{
    for (ServerMode m : {ServerMode::Echo, ServerMode::Http, ServerMode::Reply, ServerMode::Silent,
                         ServerMode::Chat}) {
        if (serverModeName(m) == name) {
            *mode = m;
            return true;
        }
    }
    return false;
}
