// SPDX-License-Identifier: MIT
#include "watch/SocketDiag.h"

#include <linux/inet_diag.h>
#include <linux/netlink.h>
#include <linux/sock_diag.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <cerrno>
#include <cstring>
#include <unistd.h>

namespace {
constexpr int tcpListen = 10; // the kernel's TCP_LISTEN

SocketAddress addressOf(int family, const __be32 raw[4], __be16 port)
{
    sockaddr_storage storage{};
    if (family == AF_INET) {
        auto *in = reinterpret_cast<sockaddr_in *>(&storage);
        in->sin_family = AF_INET;
        in->sin_port = port;
        std::memcpy(&in->sin_addr, raw, 4);
        return SocketAddress::fromSockaddr(reinterpret_cast<sockaddr *>(in), sizeof *in);
    }
    auto *in6 = reinterpret_cast<sockaddr_in6 *>(&storage);
    in6->sin6_family = AF_INET6;
    in6->sin6_port = port;
    std::memcpy(&in6->sin6_addr, raw, 16);
    return SocketAddress::fromSockaddr(reinterpret_cast<sockaddr *>(in6), sizeof *in6);
}

// One dump (a family and a protocol) on a netlink socket of its own, so an answer cut short
// leaves nothing behind for the next: each socket among inodes goes into found.
bool dump(int netlink, int family, int protocol, const QSet<quint64> &inodes,
          QHash<quint64, SocketDiag::Entry> *found)
{
    struct
    {
        nlmsghdr header;
        inet_diag_req_v2 request;
    } message{};
    message.header.nlmsg_len = sizeof message;
    message.header.nlmsg_type = SOCK_DIAG_BY_FAMILY;
    message.header.nlmsg_flags = NLM_F_REQUEST | NLM_F_DUMP;
    message.request.sdiag_family = quint8(family);
    message.request.sdiag_protocol = quint8(protocol);
    message.request.idiag_states = ~0u; // every state
    if (::send(netlink, &message, sizeof message, 0) != sizeof message)
        return false;
    alignas(nlmsghdr) char buffer[32 * 1024];
    for (;;) {
        const ssize_t n = ::recv(netlink, buffer, sizeof buffer, 0);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        int left = int(n);
        for (auto *h = reinterpret_cast<nlmsghdr *>(buffer); NLMSG_OK(h, left);
             h = NLMSG_NEXT(h, left)) {
            if (h->nlmsg_type == NLMSG_DONE)
                return true;
            if (h->nlmsg_type == NLMSG_ERROR)
                return false;
            if (h->nlmsg_len < NLMSG_LENGTH(sizeof(inet_diag_msg)))
                continue;
            const auto *m = static_cast<const inet_diag_msg *>(NLMSG_DATA(h));
            if (!inodes.contains(m->idiag_inode))
                continue;
            SocketDiag::Entry e;
            e.family = m->idiag_family;
            e.protocol = protocol;
            e.local = addressOf(m->idiag_family, m->id.idiag_src, m->id.idiag_sport);
            if (m->id.idiag_dport != 0)
                e.peer = addressOf(m->idiag_family, m->id.idiag_dst, m->id.idiag_dport);
            // The kernel view is TCP's (a UDP socket has no state to show).
            KernelSample &k = e.kernel;
            if (protocol == IPPROTO_TCP) {
                k.source = KernelSample::Source::SockDiag;
                k.state = m->idiag_state;
                // A listener's queues are its accept queue and its backlog, as ss shows them.
                if (k.state == tcpListen) {
                    k.acceptQueue = int(m->idiag_rqueue);
                    k.backlog = int(m->idiag_wqueue);
                } else {
                    k.receiveQueue = m->idiag_rqueue;
                    k.sendQueue = m->idiag_wqueue;
                }
            }
            found->insert(m->idiag_inode, e);
        }
    }
}
} // namespace

QHash<quint64, SocketDiag::Entry> SocketDiag::query(const QSet<quint64> &inodes)
{
    QHash<quint64, Entry> found;
    if (inodes.isEmpty())
        return found;
    for (int family : {AF_INET, AF_INET6}) {
        for (int protocol : {IPPROTO_TCP, IPPROTO_UDP}) {
            if (found.size() == inodes.size())
                return found;
            const int netlink = ::socket(AF_NETLINK, SOCK_DGRAM | SOCK_CLOEXEC, NETLINK_SOCK_DIAG);
            if (netlink < 0)
                return found;
            dump(netlink, family, protocol, inodes, &found);
            ::close(netlink);
        }
    }
    return found;
}
