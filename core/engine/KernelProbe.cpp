#include "engine/KernelProbe.h"

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
// How /proc/net/tcp writes an address: the raw 32-bit words of the in-memory address, each
// as 8 hex digits, then ':' and the port in 4. Comparing this text, rather than parsing every
// line back into an address, keeps a tick cheap on a machine with 60,000 TIME_WAIT lines.
QByteArray procField(const SocketAddress &address)
{
    unsigned char raw[16] = {};
    const bool ipv6 = address.family() == AF_INET6;
    if (inet_pton(ipv6 ? AF_INET6 : AF_INET, address.host().toLatin1().constData(), raw) != 1)
        return QByteArray();
    QByteArray field;
    for (int w = 0; w < (ipv6 ? 4 : 1); ++w) {
        quint32 word;
        memcpy(&word, raw + w * 4, 4);
        field += QByteArray::number(word, 16).toUpper().rightJustified(8, '0');
    }
    return field + ':' + QByteArray::number(address.port(), 16).toUpper().rightJustified(4, '0');
}

// The n-th field of a table line, split at runs of spaces, without copying the line.
QByteArrayView field(QByteArrayView line, int n)
{
    qsizetype i = 0;
    for (int f = 0;; ++f) {
        while (i < line.size() && line.at(i) == ' ')
            ++i;
        qsizetype end = i;
        while (end < line.size() && line.at(end) != ' ' && line.at(end) != '\n')
            ++end;
        if (f == n || end == i)
            return line.sliced(i, end - i);
        i = end;
    }
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

QByteArray KernelProbe::key(const SocketAddress &local, const SocketAddress &peer)
{
#ifdef __linux__
    if (local.family() != AF_INET && local.family() != AF_INET6)
        return QByteArray();
    return procField(local) + ' ' + procField(peer);
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
            const QByteArrayView local = field(view, 1);
            const QByteArrayView peer = field(view, 2);
            QByteArray connection;
            connection.reserve(local.size() + 1 + peer.size());
            connection.append(local).append(' ').append(peer);
            if (wanted.contains(connection))
                table.insert(connection, int(field(view, 3).toByteArray().toUInt(nullptr, 16)));
        }
    }
    // Tables that list none of ours are still readable: mark them so.
    if (table.isEmpty() && QFile::exists(QStringLiteral("/proc/net/tcp")))
        table.insert(QByteArray(), 0);
#endif
    return table;
}
