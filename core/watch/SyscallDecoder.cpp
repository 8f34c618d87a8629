// SPDX-License-Identifier: MIT
#include "watch/SyscallDecoder.h"

#include "calls/ErrnoCatalog.h"
#include "calls/SocketAddress.h"
#include "calls/SocketOption.h"

#include <climits>
#include <cstring>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/uio.h>

namespace {
// The kernel's own flags on a socket's type, which Python's type leaves out.
constexpr int typeFlags = SOCK_NONBLOCK | SOCK_CLOEXEC;

SocketCall dataCall(int nr)
{
    switch (nr) {
    case SYS_sendto:
    case SYS_sendmsg:
    case SYS_write:
    case SYS_writev:
        return SocketCall::Send;
    case SYS_recvfrom:
    case SYS_recvmsg:
    case SYS_read:
    case SYS_readv:
        return SocketCall::Recv;
    default:
        return SocketCall::None;
    }
}
} // namespace

SyscallDecoder::Socket &SyscallDecoder::adopt(int tgid, int fd, SocketRole role, int family)
{
    Socket &s = m_tables[tgid][fd];
    s.id = QStringLiteral("pid%1#%2").arg(tgid).arg(++m_serial);
    // The descriptor's number, as print(sock) shows it: fd=3 is sock_3.
    s.name = QStringLiteral("sock_%1").arg(fd);
    s.role = role;
    s.family = family;
    return s;
}

SocketEvent SyscallDecoder::event(int, const Socket &s, SocketCall call, double tMs) const
{
    SocketEvent e;
    e.socketId = s.id;
    e.socketName = s.name;
    e.role = s.role;
    e.call = call;
    e.tMs = tMs;
    return e;
}

SyscallDecoder::Buffers SyscallDecoder::buffers(int pid, int nr, const Arguments &args) const
{
    Buffers b;
    quint64 vector = 0;
    qint64 count = 0;
    if (nr == SYS_sendmsg || nr == SYS_recvmsg) {
        const QByteArray header = m_read(pid, args[1], sizeof(msghdr));
        if (header.size() != sizeof(msghdr))
            return b;
        msghdr m;
        std::memcpy(&m, header.constData(), sizeof m);
        b.toAddress = m.msg_namelen > 0 ? quint64(m.msg_name) : 0;
        b.addressLength = m.msg_namelen;
        vector = quint64(m.msg_iov);
        count = qint64(m.msg_iovlen);
    } else if (nr == SYS_readv || nr == SYS_writev) {
        vector = args[1];
        count = qint64(args[2]);
    } else {
        // One buffer: send, sendto, recv, recvfrom, read, write.
        b.pieces.push_back({args[1], qint64(args[2])});
        b.size = qint64(args[2]);
        if (nr == SYS_sendto || nr == SYS_recvfrom) {
            b.toAddress = args[4];
            b.addressLength = args[5];
        }
        return b;
    }
    count = qBound(qint64(0), count, qint64(IOV_MAX));
    const QByteArray table = m_read(pid, vector, count * qint64(sizeof(iovec)));
    for (qint64 i = 0; i < table.size() / qint64(sizeof(iovec)); ++i) {
        iovec v;
        std::memcpy(&v, table.constData() + i * sizeof(iovec), sizeof v);
        b.pieces.push_back({quint64(v.iov_base), qint64(v.iov_len)});
        b.size += qint64(v.iov_len);
    }
    return b;
}

QByteArray SyscallDecoder::gather(int pid, const Buffers &b, qint64 limit) const
{
    QByteArray bytes;
    for (const auto &[where, length] : b.pieces) {
        if (bytes.size() >= limit)
            break;
        bytes += m_read(pid, where, qMin(length, limit - bytes.size()));
    }
    return bytes;
}

QVariantMap SyscallDecoder::address(int pid, quint64 where, quint64 length) const
{
    if (where == 0 || length == 0)
        return {};
    const QByteArray raw =
        m_read(pid, where, qint64(qMin<quint64>(length, sizeof(sockaddr_storage))));
    if (raw.isEmpty())
        return {};
    const SocketAddress a = SocketAddress::fromSockaddr(
        reinterpret_cast<const sockaddr *>(raw.constData()), socklen_t(raw.size()));
    if (a.family() == AF_UNIX)
        return {{QStringLiteral("path"), a.host()}};
    return a.toVariant();
}

std::optional<SocketEvent> SyscallDecoder::enter(int tgid, int tid, int nr, const Arguments &args,
                                                 double tMs)
{
    if (auto restarted = m_pending.find(tid);
        restarted != m_pending.end() && restarted->restarting) {
        // The same call again (Python also calls again after EINTR): the one already shown.
        if (nr == restarted->nr || nr == SYS_restart_syscall) {
            restarted->restarting = false;
            return std::nullopt;
        }
        m_pending.erase(restarted);
    }
    Pending p;
    p.nr = nr;
    p.args = args;
    const int fd = int(args[0]);
    const Table &table = m_tables[tgid];
    const bool onSocket = table.contains(fd);
    SocketEvent &e = p.started;
    const SocketCall data = dataCall(nr);
    if (nr == SYS_socket) {
        Socket unborn; // numbered once the kernel gives it a descriptor
        unborn.name = QStringLiteral("sock");
        unborn.role = SocketRole::Client;
        e = event(tgid, unborn, SocketCall::Socket, tMs);
        e.args = {{QStringLiteral("family"), int(args[0])},
                  {QStringLiteral("type"), int(args[1]) & ~typeFlags},
                  {QStringLiteral("proto"), int(args[2])}};
        p.shown = true;
    } else if (onSocket) {
        const Socket &s = table.value(fd);
        if (nr == SYS_bind || nr == SYS_connect) {
            e = event(tgid, s, nr == SYS_bind ? SocketCall::Bind : SocketCall::Connect, tMs);
            // As the engine's own: host and port for the statement, the whole address for
            // the table.
            const QVariantMap where = address(tgid, args[1], args[2]);
            e.args = where;
            if (!where.isEmpty())
                e.args.insert(QStringLiteral("address"), where);
            p.shown = true;
        } else if (nr == SYS_listen) {
            e = event(tgid, s, SocketCall::Listen, tMs);
            e.args = {{QStringLiteral("backlog"), int(args[1])}};
            p.shown = true;
        } else if (nr == SYS_accept || nr == SYS_accept4) {
            e = event(tgid, s, SocketCall::Accept, tMs);
            p.shown = true;
        } else if (nr == SYS_shutdown) {
            e = event(tgid, s, SocketCall::Shutdown, tMs);
            e.args = {{QStringLiteral("how"), int(args[1])}};
            p.shown = true;
        } else if (nr == SYS_close) {
            e = event(tgid, s, SocketCall::Close, tMs);
            p.shown = true;
        } else if (nr == SYS_setsockopt) {
            e = event(tgid, s, SocketCall::SetSockOpt, tMs);
            QString option;
            for (const SocketOption &o : SocketOption::all()) {
                if (o.level == int(args[1]) && o.optname == int(args[2]))
                    option = o.name;
            }
            const QByteArray value = m_read(tgid, args[3], qMin<qint64>(qint64(args[4]), 4));
            e.args = {{QStringLiteral("option"), option},
                      {QStringLiteral("value"),
                       value.size() == 4 ? *reinterpret_cast<const int *>(value.constData()) : 0}};
            p.shown = true;
        } else if (data == SocketCall::Send) {
            // sendto or sendmsg with an address is a UDP sendto; without one (and write) a send.
            const Buffers b = buffers(tgid, nr, args);
            const bool to = b.toAddress != 0;
            e = event(tgid, s, to ? SocketCall::SendTo : SocketCall::Send, tMs);
            e.args = {{QStringLiteral("size"), b.size}};
            if (to)
                e.args.insert(address(tgid, b.toAddress, b.addressLength));
            e.data = gather(tgid, b, keptBytes);
            e.bytesNotKept = b.size - e.data.size();
            p.shown = true;
        } else if (data == SocketCall::Recv) {
            // recvfrom with room for the sender is a UDP recvfrom. recvmsg always has that room
            // (Python's gives it on TCP too), and the kernel fills it only later: a recv.
            const Buffers b = buffers(tgid, nr, args);
            const bool from = nr == SYS_recvfrom && b.toAddress != 0;
            e = event(tgid, s, from ? SocketCall::RecvFrom : SocketCall::Recv, tMs);
            e.args = {{QStringLiteral("bufsize"), b.size}};
            p.shown = true;
        }
    }
    if (nr == SYS_dup || nr == SYS_dup2 || nr == SYS_dup3 || p.shown || nr == SYS_close)
        m_pending.insert(tid, p);
    if (!p.shown)
        return std::nullopt;
    e.phase = CallPhase::Started;
    e.pid = tgid;
    e.tid = tid;
    if (m_locate)
        e.source = m_locate(tgid, tid);
    m_pending[tid].started = e;
    // A socket() on its way has no socket yet (the descriptor it returns names it), and an
    // event of no socket is not one a trace or view can hold: it is shown when it returns,
    // as it cannot block.
    if (nr == SYS_socket)
        return std::nullopt;
    e.seq = ++m_seq;
    m_pending[tid].started.seq = e.seq;
    return e;
}

std::optional<SocketEvent> SyscallDecoder::leave(int tgid, int tid, qint64 ret, double tMs)
{
    auto it = m_pending.find(tid);
    if (it == m_pending.end())
        return std::nullopt;
    // The kernel's own "start this call again" (ERESTARTSYS … ERESTART_RESTARTBLOCK): a signal
    // came while the call waited, a forking server's SIGCHLD in accept(), or the watcher's
    // own stop. The program never sees it; the call goes on when it is entered again.
    if (ret <= -512 && ret >= -516) {
        it->restarting = true;
        return std::nullopt;
    }
    const Pending p = *it;
    m_pending.erase(it);
    Table &table = m_tables[tgid];
    const int fd = int(p.args[0]);
    const bool failed = ret < 0 && ret > -4096;
    // Descriptors follow the kernel's answer, shown or not.
    if (!failed && (p.nr == SYS_dup || p.nr == SYS_dup2 || p.nr == SYS_dup3) &&
        table.contains(fd) && int(ret) != fd)
        table.insert(int(ret), table.value(fd));
    if (!p.shown) {
        if (p.nr == SYS_close && !failed)
            table.remove(fd);
        return std::nullopt;
    }
    SocketEvent e = p.started;
    e.seq = ++m_seq;
    e.tMs = tMs;
    if (failed) {
        const int error = int(-ret);
        e.phase = CallPhase::Failed;
        e.error = CallError::fromErrno(error, ErrnoCatalog::hint(error, e.call, QString()));
        if (p.nr == SYS_close)
            table.remove(fd); // Linux releases the descriptor even then
        if (p.nr == SYS_socket) {
            Socket none;
            none.id = QStringLiteral("pid%1#%2").arg(tgid).arg(++m_serial);
            none.name = QStringLiteral("sock");
            e.socketId = none.id;
            e.socketName = none.name;
        }
        return e;
    }
    e.phase = CallPhase::Returned;
    switch (e.call) {
    case SocketCall::Socket: {
        const Socket &s = adopt(tgid, int(ret), SocketRole::Client, int(p.args[0]));
        e.socketId = s.id;
        e.socketName = s.name;
        e.result = ret;
        break;
    }
    case SocketCall::Bind:
        // The address asked for, as the engine reports the one bound (a port 0 stays 0: the
        // watcher does not ask the program's socket which port it got).
        e.result = e.args.value(QStringLiteral("address"));
        break;
    case SocketCall::Listen:
        table[fd].role = SocketRole::Server;
        e.role = SocketRole::Server;
        break;
    case SocketCall::Accept: {
        table[fd].role = SocketRole::Server;
        e.role = SocketRole::Server;
        const Socket &conn = adopt(tgid, int(ret), SocketRole::Connection, table.value(fd).family);
        QVariantMap result{{QStringLiteral("socket"), conn.id},
                           {QStringLiteral("name"), conn.name},
                           {QStringLiteral("fd"), ret}};
        // The peer's address, where the program asked for it (Python always does).
        const QByteArray length =
            p.args[2] ? m_read(tgid, p.args[2], sizeof(socklen_t)) : QByteArray();
        if (length.size() == sizeof(socklen_t))
            result.insert(
                QStringLiteral("address"),
                address(tgid, p.args[1], *reinterpret_cast<const socklen_t *>(length.constData())));
        e.result = result;
        break;
    }
    case SocketCall::Close:
        table.remove(fd);
        break;
    case SocketCall::Send:
    case SocketCall::SendTo:
        e.byteCount = ret;
        if (e.data.size() > ret) {
            e.bytesNotKept = 0;
            e.data.truncate(int(ret));
        }
        e.result = ret;
        break;
    case SocketCall::Recv:
    case SocketCall::RecvFrom:
        e.byteCount = ret;
        e.data = gather(tgid, buffers(tgid, p.nr, p.args), qMin<qint64>(ret, keptBytes));
        e.bytesNotKept = ret - e.data.size();
        e.result = ret;
        break;
    default:
        break;
    }
    return e;
}

SocketEvent SyscallDecoder::existing(int tgid, int fd, SocketRole role,
                                     const SocketDiag::Entry &entry, double tMs)
{
    const Socket &s = adopt(tgid, fd, role, entry.family);
    SocketEvent e = event(tgid, s, SocketCall::Socket, tMs);
    e.pid = tgid;
    e.seq = ++m_seq;
    e.phase = CallPhase::Returned;
    e.result = fd;
    e.args = {{QStringLiteral("family"), entry.family},
              {QStringLiteral("type"), entry.protocol == IPPROTO_TCP ? SOCK_STREAM : SOCK_DGRAM},
              {QStringLiteral("proto"), 0},
              {QStringLiteral("existing"), true},
              {QStringLiteral("local"), entry.local.toVariant()}};
    if (entry.peer.isValid())
        e.args.insert(QStringLiteral("peer"), entry.peer.toVariant());
    if (entry.kernel.isAvailable())
        e.args.insert(QStringLiteral("state"), entry.kernel.stateName());
    return e;
}

void SyscallDecoder::forked(int parent, int child)
{
    m_tables.insert(child, m_tables.value(parent));
}

void SyscallDecoder::exited(int tgid)
{
    m_tables.remove(tgid);
}
