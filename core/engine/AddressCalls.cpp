// SPDX-License-Identifier: MIT
#include "engine/AddressCalls.h"

#include "calls/AddressInput.h"
#include "engine/CallSlot.h"
#include "engine/EngineSocket.h"
#include "engine/HostResolver.h"
#include "engine/UnixSocketFile.h"
#include "lookup/PortOwners.h"
#include "threads/Mailbox.h"
#include "threads/ThreadHandoff.h"

#include <QThreadPool>

#include <cerrno>
#include <poll.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

AddressCalls::AddressCalls(CallReporter &report, DataTransfer &data, DataTransfer::Wait wait,
                           Mailbox *mailbox, QThreadPool &lookups, Find find)
    : m_report(report), m_data(data), m_wait(std::move(wait)), m_mailbox(mailbox),
      m_lookups(lookups), m_find(std::move(find))
{
}

void AddressCalls::start(EngineSocket &s, const CallRequest &request)
{
    // A Unix socket's address is a path: Python passes it as a plain string.
    QVariantMap args = s.info.family == AF_UNIX
                           ? QVariantMap{{QStringLiteral("path"), request.host}}
                           : QVariantMap{{QStringLiteral("host"), request.host},
                                         {QStringLiteral("port"), request.port}};
    if (request.call == SocketCall::SendTo)
        args.insert(QStringLiteral("size"), request.data.size());
    CallSlot &slot = m_report.begin(
        s, request, args, request.call == SocketCall::SendTo ? request.data : QByteArray());
    const AddressInput::Result input =
        AddressInput::interpret(s.info.family, request.host, request.port);
    if (input.error.isError()) {
        m_report.fail(s, slot, input.error);
        return;
    }
    slot.address = input.address.display();
    if (input.needsLookup) {
        lookUpThen(s, slot);
        return;
    }
    withAddress(s, slot, input.address);
}

void AddressCalls::withAddress(EngineSocket &s, CallSlot &slot, const SocketAddress &address)
{
    if (slot.request.call == SocketCall::Bind) {
        bindTo(s, slot, address);
    } else if (slot.request.call == SocketCall::Connect) {
        connectTo(s, slot, address);
    } else {
        slot.target = address;
        slot.args.insert(QStringLiteral("address"), address.toVariant());
        m_data.sendTo(s, slot);
    }
}

void AddressCalls::lookUpThen(EngineSocket &s, CallSlot &slot)
{
    // getaddrinfo may wait seconds for DNS: run it on a pool thread and come back here.
    const CallRequest &request = slot.request;
    const quint64 token = slot.token;
    const bool duplex = s.isDuplex(slot);
    const QString id = s.info.id;
    const int family = s.info.family;
    const int type = s.info.type;
    const QString host = request.host.trimmed();
    const quint16 port = quint16(request.port);
    const SocketCall call = request.call;
    // The engine waits for the pool before it dies, so `this` outlives every lookup.
    QRunnable *lookup = QRunnable::create([=] {
        threadHandoff();
        const HostResolver::Result result = HostResolver::resolve(family, type, host, port);
        m_mailbox->post([=] {
            EngineSocket *s = m_find(id);
            if (!s)
                return;
            CallSlot &slot = duplex ? s->duplex : s->main;
            if (slot.token != token || slot.request.call != call)
                return; // the socket was closed or moved on: this answer is stale
            if (result.error.isError() || result.addresses.isEmpty()) {
                m_report.fail(*s, slot, result.error);
                return;
            }
            const SocketAddress first = result.addresses.first();
            slot.address = first.display();
            slot.args.insert(QStringLiteral("resolved"), first.host());
            withAddress(*s, slot, first);
        });
    });
    threadHandoff();
    m_lookups.start(lookup);
}

void AddressCalls::bindTo(EngineSocket &s, CallSlot &slot, const SocketAddress &address)
{
    sockaddr_storage storage;
    socklen_t length = 0;
    address.toSockaddr(&storage, &length);
    const bool unixPath =
        address.family() == AF_UNIX && !address.host().startsWith(QLatin1Char('@'));
    QString notRemoved;
    if (unixPath && slot.request.removeStaleFile)
        UnixSocketFile::removeStale(address.host(), &notRemoved); // if not, bind says why
    if (::bind(s.info.fd, reinterpret_cast<sockaddr *>(&storage), length) != 0) {
        const int error = errno;
        // Python's close leaves the file: say whether it is one nobody answers on, which
        // the window offers to remove (a connect, so it is asked here, not on the UI thread).
        if (unixPath && error == EADDRINUSE)
            slot.args.insert(QStringLiteral("stale"), UnixSocketFile::inspect(address.host()) ==
                                                          UnixSocketFile::Kind::Stale);
        // A port: say who holds it, since the advice differs (a live server or TIME_WAIT).
        const QString held =
            error == EADDRINUSE && address.family() != AF_UNIX
                ? PortOwners::inUseHint(address.display(), PortOwners::of(address.port()))
                : QString();
        if (!held.isEmpty())
            m_report.fail(s, slot, CallError::fromErrno(error, held));
        else
            m_report.failErrno(s, slot, error, address.display());
        return;
    }
    s.info.local = SocketAddress::localOf(s.info.fd);
    s.info.state = SocketState::Bound;
    struct stat made;
    if (unixPath && ::lstat(address.host().toLocal8Bit().constData(), &made) == 0) {
        s.boundUnixPath = address.host();
        s.boundUnixDevice = made.st_dev;
        s.boundUnixInode = made.st_ino;
    }
    m_report.succeed(s, slot, s.info.local.toVariant());
}

void AddressCalls::connectTo(EngineSocket &s, CallSlot &slot, const SocketAddress &address)
{
    sockaddr_storage storage;
    socklen_t length = 0;
    address.toSockaddr(&storage, &length);
    slot.args.insert(QStringLiteral("address"), address.toVariant());
    int rc;
    do {
        rc = ::connect(s.info.fd, reinterpret_cast<sockaddr *>(&storage), length);
    } while (rc != 0 && errno == EINTR);
    if (rc == 0) {
        connected(s, slot);
        return;
    }
    if (errno == EINPROGRESS) {
        s.info.state = SocketState::Connecting;
        // On loopback the kernel has often decided before connect returned (refused, or the
        // handshake done): then it never blocked, and the log must not say it did.
        pollfd decided{s.info.fd, POLLOUT, 0};
        if (::poll(&decided, 1, 0) == 1) {
            connectEnded(s, slot);
            return;
        }
        m_wait(s, slot, true);
        return;
    }
    const int error = errno;
    if (s.info.state == SocketState::Created || s.info.state == SocketState::Bound)
        s.info.state = SocketState::Failed;
    m_report.failErrno(s, slot, error, address.display());
}

void AddressCalls::connected(EngineSocket &s, CallSlot &slot)
{
    s.info.local = SocketAddress::localOf(s.info.fd);
    s.info.peer = SocketAddress::peerOf(s.info.fd);
    s.info.state = SocketState::Connected;
    // Python's connect returns None; the trace keeps the local address the kernel chose,
    // which is how the other side's accept names this client.
    m_report.succeed(s, slot, QVariantMap{{QStringLiteral("local"), s.info.local.toVariant()}});
}

void AddressCalls::connectEnded(EngineSocket &s, CallSlot &slot)
{
    int error = 0;
    socklen_t length = sizeof error;
    ::getsockopt(s.info.fd, SOL_SOCKET, SO_ERROR, &error, &length);
    if (error == 0) {
        connected(s, slot);
        return;
    }
    s.info.state = SocketState::Failed;
    m_report.failErrno(s, slot, error, slot.address);
}
