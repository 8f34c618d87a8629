#include "KernelProbe.h"

#include <QFile>

#ifdef __linux__
#include <arpa/inet.h>
#include <linux/sockios.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#endif

namespace {
#ifdef __linux__
// /proc/net/tcp writes addresses as the raw 32-bit words of the in-memory address, in hex.
SocketAddress parseProcAddress(const QByteArray &field, bool ipv6)
{
    const int colon = field.indexOf(':');
    if (colon < 0)
        return SocketAddress();
    const QByteArray hex = field.left(colon);
    const quint16 port = quint16(field.mid(colon + 1).toUInt(nullptr, 16));
    unsigned char raw[16] = {};
    const int words = ipv6 ? 4 : 1;
    if (hex.size() != words * 8)
        return SocketAddress();
    for (int w = 0; w < words; ++w) {
        const quint32 word = hex.mid(w * 8, 8).toUInt(nullptr, 16);
        memcpy(raw + w * 4, &word, 4);
    }
    char text[INET6_ADDRSTRLEN] = {};
    inet_ntop(ipv6 ? AF_INET6 : AF_INET, raw, text, sizeof text);
    return SocketAddress(ipv6 ? AF_INET6 : AF_INET, QString::fromLatin1(text), port);
}
#endif
} // namespace

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

QString KernelProbe::key(const SocketAddress &local, const SocketAddress &peer)
{
    return local.display() + QLatin1Char('|') + peer.display();
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

KernelProbe::Table KernelProbe::readTables(const QSet<QString> &wanted)
{
    Table table;
#ifdef __linux__
    for (const bool ipv6 : {false, true}) {
        QFile file(ipv6 ? QStringLiteral("/proc/net/tcp6") : QStringLiteral("/proc/net/tcp"));
        if (!file.open(QIODevice::ReadOnly))
            continue;
        file.readLine(); // header
        while (!file.atEnd()) {
            const QList<QByteArray> fields = file.readLine().simplified().split(' ');
            if (fields.size() < 4)
                continue;
            const QString connection =
                key(parseProcAddress(fields.at(1), ipv6), parseProcAddress(fields.at(2), ipv6));
            if (wanted.contains(connection))
                table.insert(connection, int(fields.at(3).toUInt(nullptr, 16)));
        }
    }
    // Tables that list none of ours are still readable: mark them so.
    if (table.isEmpty() && QFile::exists(QStringLiteral("/proc/net/tcp")))
        table.insert(QString(), 0);
#endif
    return table;
}
