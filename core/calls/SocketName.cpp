// SPDX-License-Identifier: MIT
#include "calls/SocketName.h"

#include "calls/SocketEvent.h"
#include "calls/SocketInfo.h"

#include <QRegularExpression>

namespace {
// An id only some other program wrote still needs a name, one made only of letters, digits
// and underscores, distinct per id.
QString hashedName(const QString &socketId)
{
    quint32 hash = 2166136261u; // FNV-1a
    for (const char byte : socketId.toUtf8()) {
        hash ^= static_cast<unsigned char>(byte);
        hash *= 16777619u;
    }
    return QStringLiteral("sock_%1").arg(hash, 8, 16, QLatin1Char('0'));
}
} // namespace

QString SocketName::base(SocketRole role)
{
    switch (role) {
    case SocketRole::Server:
        return QStringLiteral("server_socket");
    case SocketRole::Connection:
        return QStringLiteral("conn");
    case SocketRole::Client:
        break;
    }
    return QStringLiteral("client_socket");
}

QString SocketName::forId(const QString &socketId)
{
    // By hand rather than with a regular expression: the console log names the socket of
    // every call it prints, tens of thousands a second in a flood.
    const qsizetype hash = socketId.indexOf(QLatin1Char('#'));
    const QStringView prefix = QStringView(socketId).left(hash < 0 ? socketId.size() : hash);
    const QStringView number = hash < 0 ? QStringView() : QStringView(socketId).mid(hash + 1);
    const bool knownPrefix = prefix == QLatin1String("server") ||
                             prefix == QLatin1String("client") || prefix == QLatin1String("conn");
    bool digits = hash < 0 ||
                  (number.size() >= 1 && number.size() <= 9 && number.front() != QLatin1Char('0'));
    for (const QChar c : number)
        digits = digits && c >= QLatin1Char('0') && c <= QLatin1Char('9');
    if (!knownPrefix || !digits)
        return hashedName(socketId);
    const QString name = base(socketRoleOf(prefix.toString()));
    if (number.isEmpty() || number == QLatin1String("1"))
        return name;
    return name + QLatin1Char('_') + number.toString();
}

QString SocketName::baseOf(const QString &name)
{
    const qsizetype underscore = name.lastIndexOf(QLatin1Char('_'));
    if (underscore < 0)
        return name;
    const QStringView tail = QStringView(name).mid(underscore + 1);
    for (const QChar c : tail) {
        if (!c.isDigit())
            return name;
    }
    return tail.isEmpty() ? name : name.left(underscore);
}

bool SocketName::isValid(const QString &name)
{
    static const QRegularExpression shape(
        QStringLiteral("^(?:server_socket|client_socket|conn|sock)(?:_[0-9a-f]{1,9}){0,3}$"));
    return shape.match(name).hasMatch();
}

QString SocketName::of(const SocketEvent &event)
{
    return event.socketName.isEmpty() ? forId(event.socketId) : event.socketName;
}

QString SocketName::acceptedBy(const SocketEvent &event)
{
    const QVariantMap result = event.result.toMap();
    const QString name = result.value(QStringLiteral("name")).toString();
    if (!name.isEmpty())
        return name;
    const QString id = result.value(QStringLiteral("socket")).toString();
    return id.isEmpty() ? base(SocketRole::Connection) : forId(id);
}

QString SocketName::of(const SocketInfo &info)
{
    return info.name.isEmpty() ? forId(info.id) : info.name;
}
