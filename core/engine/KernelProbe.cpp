// SPDX-License-Identifier: MIT
#include "engine/KernelProbe.h"

#include "calls/ProcNetTable.h"

#include <QFile>

#ifdef __linux__
#include <arpa/inet.h>
#include <linux/sockios.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#endif

KernelSample KernelProbe::sample(int fd)
{
    KernelSample k;
#ifdef __linux__
    if (fd < 0)
        return k;
    tcp_info info{};
    socklen_t length = sizeof info;
    if (::getsockopt(fd, IPPROTO_TCP, TCP_INFO, &info, &length) != 0)
        return k;
    k.source = KernelSample::Source::TcpInfo;
    k.state = info.tcpi_state;
    if (info.tcpi_state == 10) {
        // For a listener Linux reports the accept queue in tcpi_unacked and the backlog in
        // tcpi_sacked.
        k.acceptQueue = int(info.tcpi_unacked);
        k.backlog = int(info.tcpi_sacked);
        return k;
    }
    k.rttMicros = info.tcpi_rtt;
    int bytes = 0;
    if (::ioctl(fd, SIOCINQ, &bytes) == 0)
        k.receiveQueue = bytes;
    if (::ioctl(fd, SIOCOUTQ, &bytes) == 0)
        k.sendQueue = bytes;
#else
    Q_UNUSED(fd)
#endif
    return k;
}

KernelSample KernelProbe::lookUp(const SocketAddress &local, const SocketAddress &peer)
{
    return lookUp(readTables({key(local, peer)}), local, peer);
}

QByteArray KernelProbe::key(const SocketAddress &local, const SocketAddress &peer)
{
#ifdef __linux__
    if (local.family() != AF_INET && local.family() != AF_INET6)
        return QByteArray();
    return ProcNetTable::addressText(local) + ' ' + ProcNetTable::addressText(peer);
#else
    Q_UNUSED(local)
    Q_UNUSED(peer)
    return QByteArray();
#endif
}

KernelSample KernelProbe::lookUp(const Table &table, const SocketAddress &local,
                                 const SocketAddress &peer)
{
    KernelSample k;
    if (table.isEmpty() || !local.isValid() || !peer.isValid())
        return k;
    k.source = KernelSample::Source::ProcTable;
    k.state = table.value(key(local, peer), 0);
    return k;
}

KernelProbe::Table KernelProbe::readTables(const QSet<QByteArray> &wanted)
{
    Table table;
#ifdef __linux__
    for (const bool ipv6 : {false, true}) {
        QFile file(ipv6 ? QStringLiteral("/proc/net/tcp6") : QStringLiteral("/proc/net/tcp"));
        if (!file.open(QIODevice::ReadOnly))
            continue;
        char line[512];
        file.readLine(line, sizeof line); // header
        qint64 length;
        while ((length = file.readLine(line, sizeof line)) > 0) {
            const QByteArrayView view(line, length);
            const QByteArrayView local = ProcNetTable::field(view, ProcNetTable::Local);
            const QByteArrayView peer = ProcNetTable::field(view, ProcNetTable::Remote);
            QByteArray connection;
            connection.reserve(local.size() + 1 + peer.size());
            connection.append(local).append(' ').append(peer);
            if (wanted.contains(connection))
                table.insert(connection, int(ProcNetTable::field(view, ProcNetTable::State)
                                                 .toByteArray()
                                                 .toUInt(nullptr, 16)));
        }
    }
    // Tables that list none of ours are still readable: mark them so.
    if (table.isEmpty() && QFile::exists(QStringLiteral("/proc/net/tcp")))
        table.insert(QByteArray(), 0);
#endif
    return table;
}
