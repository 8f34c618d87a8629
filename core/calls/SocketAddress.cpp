// SPDX-License-Identifier: MIT
#include "calls/SocketAddress.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/un.h>

#include <cstring>

SocketAddress::SocketAddress(int family, const QString &host, quint16 port, quint32 flowInfo,
                             quint32 scopeId)
    : m_family(family), m_host(host), m_port(port), m_flowInfo(flowInfo), m_scopeId(scopeId)
{
}

SocketAddress SocketAddress::fromSockaddr(const sockaddr *address, socklen_t length)
{
    char text[INET6_ADDRSTRLEN] = {};
    if (address->sa_family == AF_INET && length >= socklen_t(sizeof(sockaddr_in))) {
        const auto *in = reinterpret_cast<const sockaddr_in *>(address);
        inet_ntop(AF_INET, &in->sin_addr, text, sizeof text);
        return SocketAddress(AF_INET, QString::fromLatin1(text), ntohs(in->sin_port));
    }
    if (address->sa_family == AF_INET6 && length >= socklen_t(sizeof(sockaddr_in6))) {
        const auto *in6 = reinterpret_cast<const sockaddr_in6 *>(address);
        inet_ntop(AF_INET6, &in6->sin6_addr, text, sizeof text);
        return SocketAddress(AF_INET6, QString::fromLatin1(text), ntohs(in6->sin6_port),
                             ntohl(in6->sin6_flowinfo), in6->sin6_scope_id);
    }
    if (address->sa_family == AF_UNIX) {
        const auto *un = reinterpret_cast<const sockaddr_un *>(address);
        const qsizetype pathBytes = qsizetype(length) - qsizetype(offsetof(sockaddr_un, sun_path));
        QByteArray path(un->sun_path, qMax<qsizetype>(0, pathBytes));
        // An unnamed socket has no path; an abstract one starts with NUL (shown as @).
        if (path.startsWith('\0'))
            path = path.size() > 1 ? '@' + path.mid(1) : QByteArray();
        const int end = path.indexOf('\0');
        if (end >= 0)
            path.truncate(end);
        return SocketAddress(AF_UNIX, QString::fromLocal8Bit(path), 0);
    }
    return SocketAddress();
}

SocketAddress SocketAddress::localOf(int fd)
{
    sockaddr_storage storage{};
    socklen_t length = sizeof storage;
    if (::getsockname(fd, reinterpret_cast<sockaddr *>(&storage), &length) != 0)
        return SocketAddress();
    return fromSockaddr(reinterpret_cast<sockaddr *>(&storage), length);
}

SocketAddress SocketAddress::peerOf(int fd)
{
    sockaddr_storage storage{};
    socklen_t length = sizeof storage;
    if (::getpeername(fd, reinterpret_cast<sockaddr *>(&storage), &length) != 0)
        return SocketAddress();
    return fromSockaddr(reinterpret_cast<sockaddr *>(&storage), length);
}

bool SocketAddress::toSockaddr(sockaddr_storage *storage, socklen_t *length) const
{
    std::memset(storage, 0, sizeof *storage);
    const QByteArray host = m_host.toLatin1();
    if (m_family == AF_INET) {
        auto *in = reinterpret_cast<sockaddr_in *>(storage);
        in->sin_family = AF_INET;
        in->sin_port = htons(m_port);
        if (inet_pton(AF_INET, host.constData(), &in->sin_addr) != 1)
            return false;
        *length = sizeof(sockaddr_in);
        return true;
    }
    if (m_family == AF_INET6) {
        auto *in6 = reinterpret_cast<sockaddr_in6 *>(storage);
        in6->sin6_family = AF_INET6;
        in6->sin6_port = htons(m_port);
        in6->sin6_flowinfo = htonl(m_flowInfo);
        in6->sin6_scope_id = m_scopeId;
        if (inet_pton(AF_INET6, host.constData(), &in6->sin6_addr) != 1)
            return false;
        *length = sizeof(sockaddr_in6);
        return true;
    }
    if (m_family == AF_UNIX) {
        QByteArray path = m_host.toLocal8Bit();
        if (path.isEmpty() || path.size() > maxUnixPathBytes)
            return false;
        auto *un = reinterpret_cast<sockaddr_un *>(storage);
        un->sun_family = AF_UNIX;
        // "@name" is Linux's abstract namespace, as ss and fromSockaddr write it: a leading
        // NUL, the name, and no file anywhere (so nothing to remove afterwards).
        const bool abstract = path.startsWith('@') && path.size() > 1;
        if (abstract)
            path[0] = '\0';
        std::memcpy(un->sun_path, path.constData(), size_t(path.size()));
        *length =
            socklen_t(offsetof(sockaddr_un, sun_path) + size_t(path.size()) + (abstract ? 0 : 1));
        return true;
    }
    return false;
}

QString SocketAddress::pythonTuple() const
{
    if (m_family == AF_UNIX)
        return QStringLiteral("'%1'").arg(m_host);
    if (m_family == AF_INET6)
        return QStringLiteral("('%1', %2, %3, %4)")
            .arg(m_host)
            .arg(m_port)
            .arg(m_flowInfo)
            .arg(m_scopeId);
    return QStringLiteral("('%1', %2)").arg(m_host).arg(m_port);
}

QString SocketAddress::display() const
{
    if (m_family == AF_UNIX)
        return m_host.isEmpty() ? QStringLiteral("unix:(unnamed)")
                                : QStringLiteral("unix:%1").arg(m_host);
    if (m_family == AF_INET6)
        return QStringLiteral("[%1]:%2").arg(m_host).arg(m_port);
    return QStringLiteral("%1:%2").arg(m_host).arg(m_port);
}

QVariantMap SocketAddress::toVariant() const
{
    QVariantMap map{{QStringLiteral("family"), m_family},
                    {QStringLiteral("host"), m_host},
                    {QStringLiteral("port"), m_port}};
    if (m_family == AF_INET6) {
        map.insert(QStringLiteral("flowinfo"), m_flowInfo);
        map.insert(QStringLiteral("scope_id"), m_scopeId);
    }
    return map;
}

SocketAddress SocketAddress::fromVariant(const QVariantMap &map)
{
    if (map.isEmpty())
        return SocketAddress();
    return SocketAddress(map.value(QStringLiteral("family")).toInt(),
                         map.value(QStringLiteral("host")).toString(),
                         quint16(map.value(QStringLiteral("port")).toUInt()),
                         map.value(QStringLiteral("flowinfo")).toUInt(),
                         map.value(QStringLiteral("scope_id")).toUInt());
}

bool SocketAddress::operator==(const SocketAddress &other) const
{
    return m_family == other.m_family && m_host == other.m_host && m_port == other.m_port &&
           m_flowInfo == other.m_flowInfo && m_scopeId == other.m_scopeId;
}
