#include "ServerMode.h"

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
    }
    return QString();
}

QStringList serverModeNames()
{
    return {QStringLiteral("echo"), QStringLiteral("http"), QStringLiteral("reply"),
            QStringLiteral("silent")};
}

bool parseServerMode(const QString &name, ServerMode *mode)
{
    for (ServerMode m :
         {ServerMode::Echo, ServerMode::Http, ServerMode::Reply, ServerMode::Silent}) {
        if (serverModeName(m) == name) {
            *mode = m;
            return true;
        }
    }
    return false;
}
