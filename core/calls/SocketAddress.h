// SPDX-License-Identifier: MIT
#pragma once

#include <QString>
#include <QVariantMap>

#include <sys/socket.h>

// An IPv4 or IPv6 socket address as a value (numeric host text plus port), or a Unix
// domain socket's path (AF_UNIX: the host is the path, the port is 0).
class SocketAddress
{
public:
    SocketAddress() = default;
    SocketAddress(int family, const QString &host, quint16 port, quint32 flowInfo = 0,
                  quint32 scopeId = 0);

    static SocketAddress fromSockaddr(const sockaddr *address, socklen_t length);
    // The socket's own address (getsockname) or its peer's (getpeername); invalid if none.
    static SocketAddress localOf(int fd);
    static SocketAddress peerOf(int fd);

    // Fills a sockaddr for bind/connect; false if host is not a numeric address of family.
    bool toSockaddr(sockaddr_storage *storage, socklen_t *length) const;

    bool isValid() const { return m_family != AF_UNSPEC; }
    int family() const { return m_family; }
    QString host() const { return m_host; }
    quint16 port() const { return m_port; }

    // How Python prints it: ('127.0.0.1', 50000), ('::1', 50000, 0, 0) or '/run/x.sock'.
    QString pythonTuple() const;
    // How a user types it in a field: 127.0.0.1:50000, [::1]:50000 or unix:/run/x.sock.
    QString display() const;

    QVariantMap toVariant() const;
    static SocketAddress fromVariant(const QVariantMap &map);

    bool operator==(const SocketAddress &other) const;

    // sun_path holds 108 bytes including the closing NUL.
    static constexpr int maxUnixPathBytes = 107;

private:
    int m_family = AF_UNSPEC;
    QString m_host;
    quint16 m_port = 0;
    quint32 m_flowInfo = 0;
    quint32 m_scopeId = 0;
};
