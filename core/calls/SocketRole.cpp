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
