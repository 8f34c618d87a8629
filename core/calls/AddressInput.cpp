// SPDX-License-Identifier: MIT
#include "calls/AddressInput.h"

#include <QRegularExpression>

#include <arpa/inet.h>
#include <netinet/in.h>

namespace {
bool parses(int family, const QString &host)
{
    unsigned char buffer[sizeof(in6_addr)];
    return inet_pton(family, host.toLatin1().constData(), buffer) == 1;
}
} // namespace

AddressInput::Result AddressInput::interpret(int family, const QString &typedHost, int port)
{
    Result r;
    if (port < 0 || port > 65535) {
        r.error =
            CallError::usage(QStringLiteral("OverflowError"),
                             QStringLiteral("port must be 0-65535, not %1").arg(port),
                             tr("A port is a 16-bit number, 0 to 65535. Use 50000 like the course, "
                                "or 0 to let the kernel pick a free one."));
        return r;
    }
    if (family == AF_UNIX)
        return unixPath(typedHost);
    QString host = typedHost.trimmed();
    if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')))
        host = host.mid(1, host.size() - 2);

    if (host.isEmpty()) {
        // Python's '' means "any address": INADDR_ANY or in6addr_any.
        r.address = SocketAddress(
            family, family == AF_INET6 ? QStringLiteral("::") : QStringLiteral("0.0.0.0"),
            quint16(port));
        return r;
    }
    if (parses(family, host)) {
        r.address = SocketAddress(family, host, quint16(port));
        return r;
    }
    const int other = family == AF_INET6 ? AF_INET : AF_INET6;
    if (parses(other, host)) {
        r.error = CallError::usage(
            QStringLiteral("ValueError"),
            QStringLiteral("'%1' is an %2 address, but this socket is %3")
                .arg(host, other == AF_INET6 ? QStringLiteral("IPv6") : QStringLiteral("IPv4"),
                     family == AF_INET6 ? QStringLiteral("AF_INET6") : QStringLiteral("AF_INET")),
            tr("Use an address of the socket's family, or create the socket with "
               "the other family."));
        return r;
    }
    // Digits and dots only is never a host name: do not let it reach a name server.
    static const QRegularExpression dottedNumbers(QStringLiteral("^[0-9.]+$"));
    if (dottedNumbers.match(host).hasMatch()) {
        r.error =
            CallError::usage(QStringLiteral("ValueError"),
                             QStringLiteral("'%1' is not a valid IPv4 address").arg(host),
                             tr("An IPv4 address is four numbers from 0 to 255 separated by dots, "
                                "such as 127.0.0.1."));
        return r;
    }
    static const QRegularExpression hostName(
        QStringLiteral("^[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]*"
                       "[A-Za-z0-9])?)*\\.?$"));
    if (!hostName.match(host).hasMatch()) {
        r.error = CallError::usage(
            QStringLiteral("ValueError"),
            QStringLiteral("'%1' is neither an IP address nor a host name").arg(host),
            tr("Type a numeric address (127.0.0.1, ::1) or a name made of letters, "
               "digits, hyphens and dots (localhost)."));
        return r;
    }
    r.needsLookup = true;
    r.address = SocketAddress(family, host, quint16(port));
    return r;
}

AddressInput::Result AddressInput::unixPath(const QString &typed)
{
    Result r;
    const QString path = typed.startsWith(QLatin1String("unix:")) ? typed.mid(5) : typed;
    if (path.isEmpty()) {
        r.error = CallError::usage(QStringLiteral("ValueError"),
                                   QStringLiteral("a Unix domain socket's address is a file "
                                                  "path, and none was given"),
                                   tr("Type a path such as /run/user/1000/"
                                      "socketlab.sock; the socket file appears "
                                      "there on bind."));
        return r;
    }
    if (path.toLocal8Bit().size() > SocketAddress::maxUnixPathBytes) {
        r.error =
            CallError::usage(QStringLiteral("OSError"),
                             QStringLiteral("AF_UNIX path too long: %1 bytes, at most %2")
                                 .arg(path.toLocal8Bit().size())
                                 .arg(SocketAddress::maxUnixPathBytes),
                             tr("The kernel keeps a Unix socket's path in 108 bytes; choose a "
                                "shorter one, e.g. in /tmp."));
        return r;
    }
    r.address = SocketAddress(AF_UNIX, path, 0);
    return r;
}
