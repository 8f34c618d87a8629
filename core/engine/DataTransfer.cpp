// SPDX-License-Identifier: MIT
#include "engine/DataTransfer.h"

#include "engine/CallSlot.h"
#include "engine/EngineSocket.h"

#include <cerrno>
#include <sys/socket.h>

namespace {
// recv() buffers are allocated per call; this keeps a typo like recv(4000000000) harmless.
constexpr int maxRecvBufsize = 16 * 1024 * 1024;
} // namespace

DataTransfer::DataTransfer(CallReporter &report, Wait wait)
    : m_report(report), m_wait(std::move(wait))
{
}

bool DataTransfer::waitIfItWould(EngineSocket &s, CallSlot &slot, int error, bool forWriting)
{
    // A non-blocking call that would block is the student's blocking call waiting: report
    // it and try again when the fd is ready.
    if (error != EAGAIN && error != EWOULDBLOCK)
        return false;
    m_wait(s, slot, forWriting);
    return true;
}

void DataTransfer::send(EngineSocket &s, CallSlot &slot)
{
    if (slot.request.dataIsStr) {
        // Python refuses a str before any system call: the course's "messages are bytes".
        m_report.fail(s, slot,
                      CallError::usage(QStringLiteral("TypeError"),
                                       QStringLiteral("a bytes-like object is required, not 'str'"),
                                       tr("A socket moves bytes. Encode the text first, as in "
                                          "msg.encode(), or write b'...'.")));
        return;
    }
    // A copy (shared, not deep): m_report.succeed() clears the slot before it reports.
    const QByteArray data = slot.request.data;
    const bool all = slot.request.call == SocketCall::SendAll;
    do {
        const qint64 left = data.size() - slot.sentSoFar;
        // MSG_NOSIGNAL: a peer that went away gives EPIPE, never a SIGPIPE that kills us.
        const ssize_t n =
            ::send(s.info.fd, data.constData() + slot.sentSoFar, size_t(left), MSG_NOSIGNAL);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            if (waitIfItWould(s, slot, errno, true))
                return;
            m_report.failErrno(s, slot, errno,
                               s.info.peer.isValid() ? s.info.peer.display() : QString());
            return;
        }
        slot.sentSoFar += n;
        s.info.bytesSent += n;
        if (!all) {
            m_report.succeed(s, slot, qint64(n), n, data.left(int(n)));
            return;
        }
    } while (slot.sentSoFar < data.size());
    m_report.succeed(s, slot, QVariant(), data.size(), data);
}

void DataTransfer::recv(EngineSocket &s, CallSlot &slot)
{
    const int bufsize = slot.request.bufsize;
    if (bufsize < 0) {
        m_report.fail(s, slot,
                      CallError::usage(QStringLiteral("ValueError"),
                                       QStringLiteral("negative buffersize in recv"),
                                       tr("Ask for a positive number of bytes, such as "
                                          "4096.")));
        return;
    }
    QByteArray buffer = m_buffers.take(qMin(bufsize, maxRecvBufsize));
    ssize_t n;
    do {
        n = ::recv(s.info.fd, buffer.data(), size_t(buffer.size()), 0);
    } while (n < 0 && errno == EINTR);
    const int error = n < 0 ? errno : 0;
    const QByteArray received = m_buffers.finish(std::move(buffer), n);
    if (n < 0) {
        if (waitIfItWould(s, slot, error, false))
            return;
        if (error == ECONNRESET)
            s.info.state = SocketState::Failed;
        m_report.failErrno(s, slot, error);
        return;
    }
    s.info.bytesReceived += n;
    // An empty datagram is just empty; only a stream's 0 means the peer closed.
    if (n == 0 && bufsize > 0 && s.info.state == SocketState::Connected &&
        s.info.type != SOCK_DGRAM)
        s.info.state = SocketState::PeerClosed;
    m_report.succeed(s, slot, qint64(n), n, received);
}

void DataTransfer::sendTo(EngineSocket &s, CallSlot &slot)
{
    sockaddr_storage storage;
    socklen_t length = 0;
    slot.target.toSockaddr(&storage, &length);
    const QByteArray data = slot.request.data;
    ssize_t n;
    do {
        n = ::sendto(s.info.fd, data.constData(), size_t(data.size()), MSG_NOSIGNAL,
                     reinterpret_cast<sockaddr *>(&storage), length);
    } while (n < 0 && errno == EINTR);
    if (n < 0) {
        if (waitIfItWould(s, slot, errno, true))
            return;
        m_report.failErrno(s, slot, errno, slot.target.display());
        return;
    }
    s.info.bytesSent += n;
    // The first sendto gives an unbound socket a port, as bind would.
    if (s.info.state == SocketState::Created)
        s.info.state = SocketState::Bound;
    s.info.local = SocketAddress::localOf(s.info.fd);
    slot.args.insert(QStringLiteral("local"), s.info.local.toVariant());
    m_report.succeed(s, slot, qint64(n), n, data);
}

void DataTransfer::recvFrom(EngineSocket &s, CallSlot &slot)
{
    const int bufsize = qBound(0, slot.request.bufsize, maxRecvBufsize);
    QByteArray buffer(bufsize, Qt::Uninitialized);
    sockaddr_storage storage{};
    socklen_t length = sizeof storage;
    // MSG_TRUNC makes a datagram socket return the datagram's real length, so a cut-off
    // datagram can be shown as one. (On a stream it would throw bytes away: UDP only.)
    const int flags = s.info.type == SOCK_DGRAM ? MSG_TRUNC : 0;
    ssize_t n;
    do {
        n = ::recvfrom(s.info.fd, buffer.data(), size_t(buffer.size()), flags,
                       reinterpret_cast<sockaddr *>(&storage), &length);
    } while (n < 0 && errno == EINTR);
    if (n < 0) {
        if (waitIfItWould(s, slot, errno, false))
            return;
        m_report.failErrno(s, slot, errno);
        return;
    }
    const qint64 kept = qMin<qint64>(n, bufsize);
    buffer.truncate(int(kept));
    s.info.bytesReceived += kept;
    const SocketAddress from =
        SocketAddress::fromSockaddr(reinterpret_cast<sockaddr *>(&storage), length);
    QVariantMap result{{QStringLiteral("address"), from.toVariant()},
                       {QStringLiteral("datagram_length"), qint64(n)}};
    if (n > bufsize)
        result.insert(QStringLiteral("truncated"), true);
    m_report.succeed(s, slot, result, kept, buffer);
}
