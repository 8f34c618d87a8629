// SPDX-License-Identifier: MIT
#include "engine/SocketEngine.h"

#include "calls/CallRules.h"
#include "engine/AcceptLoop.h"
#include "engine/BatchSender.h"
#include "engine/CallQueue.h"
#include "engine/CallSlot.h"
#include "engine/DatagramLoop.h"
#include "engine/EngineSocket.h"
#include "engine/KernelProbe.h"
#include "session/FreedMemory.h"
#include "threads/Mailbox.h"
#include "threads/ThreadHandoff.h"

#include <QSocketNotifier>
#include <QThreadPool>
#include <QTimer>

#include <cerrno>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

SocketEngine::SocketEngine(const SessionClock *clock, QObject *parent)
    : QObject(parent), m_report(
                           clock,
                           [this](const SocketEvent &e) {
                               m_batches->add(forUiThread(e));
                               emit eventOccurred(e);
                           },
                           [this](const SocketInfo &info) { m_batches->add(info); }),
      m_data(m_report, [this](EngineSocket &s, CallSlot &slot,
                              bool forWriting) { blockAndWait(s, slot, forWriting); }),
      m_options(m_report), m_kernelTimer(new QTimer(this)), m_trim(new QTimer(this)),
      m_batches(new BatchSender(this)), m_mailbox(new Mailbox(this)),
      m_address(
          m_report, m_data,
          [this](EngineSocket &s, CallSlot &slot, bool forWriting) {
              blockAndWait(s, slot, forWriting);
          },
          m_mailbox, m_lookups, [this](const QString &id) { return find(id); })
{
    m_kernelTimer->setInterval(250);
    connect(m_kernelTimer, &QTimer::timeout, this, &SocketEngine::sampleKernel);
    m_trim->setSingleShot(true);
    m_trim->setInterval(1000);
    connect(m_trim, &QTimer::timeout, this, [] { FreedMemory::returnToSystem(); });
    m_calls = new CallQueue([this](const CallRequest &r) { execute(r); },
                            &m_batches->eventsInFlight(), this);
}

SocketEvent SocketEngine::forUiThread(const SocketEvent &event) const
{
    if (m_eventDataLimit < 0 || event.data.size() <= m_eventDataLimit)
        return event;
    SocketEvent shown = event;
    // A copy of the part that is read: the chunk itself stays here, so its buffer is free for
    // the next recv as soon as the automatic server has sent it on.
    shown.data = QByteArray(event.data.constData(), m_eventDataLimit);
    return shown;
}

void SocketEngine::setEventDataLimit(qint64 bytes)
{
    m_eventDataLimit = bytes;
}

SocketEngine::~SocketEngine()
{
    threadHandoff(); // after the session let go of us (see SocketSession's destructor)
    m_loops.clear();
    closeAll();
    // A name lookup still running would post its answer to us: let it finish first.
    m_lookups.waitForDone();
    threadHandoff();
}

void SocketEngine::enqueue(const CallRequest &request)
{
    m_calls->enqueue(request);
}

void SocketEngine::startServing(const ServeRequest &request)
{
    std::unique_ptr<ServeLoop> loop;
    if (request.datagram)
        loop = std::make_unique<DatagramLoop>(this, request);
    else
        loop = std::make_unique<AcceptLoop>(this, request);
    connect(loop.get(), &ServeLoop::statusChanged, this,
            [this](const ServingStatus &status) { m_batches->add(status); });
    ServeLoop *started = loop.get();
    m_loops[request.socketId] = std::move(loop); // replaces an earlier one on that socket
    started->start();
}

void SocketEngine::stopServing(const QString &socketId)
{
    m_loops.erase(socketId);
}

EngineSocket *SocketEngine::find(const QString &id)
{
    auto it = m_sockets.find(id);
    return it == m_sockets.end() ? nullptr : it->second.get();
}

void SocketEngine::execute(const CallRequest &request)
{
    if (request.call == SocketCall::Socket) {
        createSocket(request);
        return;
    }
    EngineSocket *s = find(request.socketId);
    if (!s) {
        m_report.refuse(
            request, request.role,
            CallError::usage(QStringLiteral("NameError"),
                             QStringLiteral("no socket called %1").arg(request.socketId),
                             tr("Create the socket first.")));
        return;
    }
    const QString impossible = CallRules::whyImpossible(s->info, request.call);
    const QString invalid = CallRules::whyInvalid(s->info, request.call);
    if (!impossible.isEmpty() || (!request.allowInvalid && !invalid.isEmpty())) {
        m_report.refuse(request, s->info.role,
                        CallError::usage(QStringLiteral("refused"),
                                         impossible.isEmpty() ? invalid : impossible,
                                         tr("Turn on \"allow invalid calls\" to let "
                                            "the kernel answer instead.")));
        return;
    }
    switch (request.call) {
    case SocketCall::SetSockOpt:
        m_options.set(*s, request);
        break;
    case SocketCall::Bind:
    case SocketCall::Connect:
    case SocketCall::SendTo:
        m_address.start(*s, request);
        break;
    case SocketCall::RecvFrom:
        m_data.recvFrom(
            *s, m_report.begin(*s, request, {{QStringLiteral("bufsize"), request.bufsize}}));
        break;
    case SocketCall::Listen:
        listenOn(*s, request);
        break;
    case SocketCall::Accept:
        tryAccept(*s, m_report.begin(*s, request, {}));
        break;
    case SocketCall::Send:
    case SocketCall::SendAll: {
        QVariantMap args{{QStringLiteral("size"), request.data.size()}};
        // The failure's event carries no data: the str's start goes with the arguments.
        if (request.dataIsStr)
            args.insert(QStringLiteral("str"), QString::fromUtf8(request.data.left(256)));
        m_data.send(*s, m_report.begin(*s, request, args, request.data));
        break;
    }
    case SocketCall::Recv:
        m_data.recv(*s,
                    m_report.begin(*s, request, {{QStringLiteral("bufsize"), request.bufsize}}));
        break;
    case SocketCall::Shutdown:
        shutdownSocket(*s, request);
        break;
    case SocketCall::Close:
        closeSocket(*s, QStringLiteral("the socket was closed while the call was blocked"));
        break;
    case SocketCall::None:
    case SocketCall::Socket:
        break;
    }
}

void SocketEngine::createSocket(const CallRequest &request)
{
    if (!m_kernelTimer->isActive())
        m_kernelTimer->start();
    auto owned = std::make_unique<EngineSocket>();
    EngineSocket &s = *owned;
    s.info.id = request.socketId;
    s.info.role = request.role;
    s.info.family = request.family;
    s.info.type = request.type;
    s.info.protocol = request.protocol;
    m_sockets[request.socketId] = std::move(owned);

    CallSlot &slot = m_report.begin(s, request,
                                    {{QStringLiteral("family"), request.family},
                                     {QStringLiteral("type"), request.type},
                                     {QStringLiteral("proto"), request.protocol}});
    // Non-blocking so no call ever stalls this thread; CLOEXEC so children (a browser we
    // launch) do not inherit the fd.
    const int fd =
        ::socket(request.family, request.type | SOCK_NONBLOCK | SOCK_CLOEXEC, request.protocol);
    if (fd < 0) {
        s.info.state = SocketState::Failed;
        m_report.failErrno(s, slot, errno);
        return;
    }
    s.info.fd = fd;
    s.info.state = SocketState::Created;
    m_report.succeed(s, slot, fd);
}

void SocketEngine::listenOn(EngineSocket &s, const CallRequest &request)
{
    CallSlot &slot = m_report.begin(s, request, {{QStringLiteral("backlog"), request.backlog}});
    if (::listen(s.info.fd, request.backlog) != 0) {
        m_report.failErrno(s, slot, errno);
        return;
    }
    // An unbound socket that listens gets an ephemeral port from Linux: show it.
    s.info.local = SocketAddress::localOf(s.info.fd);
    s.info.state = SocketState::Listening;
    m_report.succeed(s, slot, QVariant());
}

void SocketEngine::blockAndWait(EngineSocket &s, CallSlot &slot, bool forWriting)
{
    m_report.blocked(s, slot);
    waitFor(s, forWriting);
}

void SocketEngine::tryAccept(EngineSocket &s, CallSlot &slot)
{
    sockaddr_storage storage{};
    socklen_t length = sizeof storage;
    int fd;
    do {
        fd = ::accept4(s.info.fd, reinterpret_cast<sockaddr *>(&storage), &length,
                       SOCK_NONBLOCK | SOCK_CLOEXEC);
    } while (fd < 0 && errno == EINTR);
    if (fd < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
        blockAndWait(s, slot, false); // the student's accept waits for a client
        return;
    }
    if (fd < 0) {
        m_report.failErrno(s, slot, errno);
        return;
    }
    auto owned = std::make_unique<EngineSocket>();
    EngineSocket &c = *owned;
    c.info.id = QStringLiteral("conn#%1").arg(++m_connectionCount);
    c.info.role = SocketRole::Connection;
    c.info.parentId = s.info.id;
    c.info.family = s.info.family;
    c.info.type = s.info.type;
    c.info.protocol = s.info.protocol;
    c.info.fd = fd;
    c.info.state = SocketState::Connected;
    c.info.local = SocketAddress::localOf(fd);
    c.info.peer = SocketAddress::fromSockaddr(reinterpret_cast<sockaddr *>(&storage), length);
    const QString connId = c.info.id;
    const SocketAddress peer = c.info.peer;
    m_sockets[connId] = std::move(owned);
    m_report.announce(c.info);
    m_report.succeed(s, slot,
                     QVariantMap{{QStringLiteral("socket"), connId},
                                 {QStringLiteral("address"), peer.toVariant()}});
}

void SocketEngine::shutdownSocket(EngineSocket &s, const CallRequest &request)
{
    CallSlot &slot = m_report.begin(s, request, {{QStringLiteral("how"), request.how}});
    if (::shutdown(s.info.fd, request.how) != 0) {
        m_report.failErrno(s, slot, errno);
        return;
    }
    if (request.how == SHUT_WR || request.how == SHUT_RDWR)
        s.info.state = SocketState::ShutDown;
    m_report.succeed(s, slot, QVariant());
}

void SocketEngine::closeSocket(EngineSocket &s, const QString &cancelReason)
{
    stopWaiting(s, false);
    stopWaiting(s, true);
    for (CallSlot *slot : {&s.duplex, &s.main}) {
        if (slot->isFree())
            continue;
        const qint64 moved = slot->request.call == SocketCall::SendAll ? slot->sentSoFar : -1;
        m_report.fail(s, *slot, CallError::cancelled(cancelReason), moved);
    }
    CallSlot &slot = m_report.begin(s, CallRequest::on(SocketCall::Close, s.info.id), {});
    delete s.readNotifier;
    delete s.writeNotifier;
    s.readNotifier = nullptr;
    s.writeNotifier = nullptr;
    // close() is not retried on EINTR: on Linux the fd is released either way.
    const int rc = s.info.fd >= 0 ? ::close(s.info.fd) : -1;
    const int error = s.info.fd >= 0 ? errno : EBADF;
    s.info.fd = -1;
    s.info.state = SocketState::Closed;
    // The file bind created outlives the socket; SocketLab removes it so the next bind to
    // the same path works (a Python program would call os.unlink itself).
    // Only the socket file this bind made: a file put there since (a student's homework
    // copied over it, say) is not ours to delete.
    QVariant result;
    const QByteArray path = s.boundUnixPath.toLocal8Bit();
    struct stat now;
    if (!path.isEmpty() && ::lstat(path.constData(), &now) == 0 && S_ISSOCK(now.st_mode) &&
        quint64(now.st_dev) == s.boundUnixDevice && quint64(now.st_ino) == s.boundUnixInode &&
        ::unlink(path.constData()) == 0)
        result = QVariantMap{{QStringLiteral("removed"), s.boundUnixPath}};
    s.boundUnixPath.clear();
    m_closed.push_back(s.info.id);
    if (rc != 0)
        m_report.failErrno(s, slot, error);
    else
        m_report.succeed(s, slot, result);
}

void SocketEngine::forgetClosedSockets()
{
    if (m_closed.size() <= keepClosed)
        return;
    std::deque<QString> stillListed;
    bool forgot = false;
    for (std::size_t excess = m_closed.size() - keepClosed; excess > 0; --excess) {
        const QString id = std::move(m_closed.front());
        m_closed.pop_front();
        const auto it = m_sockets.find(id);
        if (it == m_sockets.end())
            continue;
        const KernelSample &kernel = it->second->info.kernel;
        if (kernel.source == KernelSample::Source::ProcTable && kernel.state != 0) {
            stillListed.push_back(id); // in TIME_WAIT, say: it is still taught from here
            continue;
        }
        m_loops.erase(id);
        m_sockets.erase(it);
        m_batches->add(SocketForgotten{id});
        forgot = true;
    }
    m_closed.insert(m_closed.begin(), stillListed.begin(), stillListed.end());
    // A second after the first forgetting, and so at most once a second while a stream of
    // clients goes on (a trim walks the heap); always after the last one.
    if (forgot && !m_trim->isActive())
        m_trim->start();
}

void SocketEngine::closeAll()
{
    for (auto &entry : m_sockets) {
        if (entry.second->info.state != SocketState::Closed)
            closeSocket(*entry.second, QStringLiteral("SocketLab is quitting"));
    }
    // The owner may stop this thread next: hand over what happened now.
    m_batches->flush();
}

void SocketEngine::onReadable(EngineSocket &s)
{
    stopWaiting(s, false);
    CallSlot *slot = s.slotWaitingToRead();
    if (!slot)
        return;
    switch (slot->request.call) {
    case SocketCall::Accept:
        tryAccept(s, *slot);
        break;
    case SocketCall::Recv:
        m_data.recv(s, *slot);
        break;
    case SocketCall::RecvFrom:
        m_data.recvFrom(s, *slot);
        break;
    default:
        break;
    }
}

void SocketEngine::onWritable(EngineSocket &s)
{
    stopWaiting(s, true);
    if (s.main.request.call == SocketCall::Connect) {
        m_address.connectEnded(s, s.main);
        return;
    }
    CallSlot *slot = s.slotWaitingToWrite();
    if (!slot)
        return;
    if (slot->request.call == SocketCall::SendTo)
        m_data.sendTo(s, *slot);
    else
        m_data.send(s, *slot);
}

void SocketEngine::sampleKernel()
{
    // A closed socket is watched only while the tables still list its connection (TIME_WAIT
    // and such); the tables are read once per tick, for those connections only.
    const auto listed = [](const EngineSocket &s) {
        return s.info.state == SocketState::Closed &&
               s.info.kernel.source == KernelSample::Source::ProcTable && s.info.kernel.state != 0;
    };
    QSet<QByteArray> wanted;
    for (const auto &entry : m_sockets) {
        if (listed(*entry.second))
            wanted.insert(KernelProbe::key(entry.second->info.local, entry.second->info.peer));
    }
    const KernelProbe::Table tables =
        wanted.isEmpty() ? KernelProbe::Table() : KernelProbe::readTables(wanted);
    for (auto &entry : m_sockets) {
        EngineSocket &s = *entry.second;
        KernelSample now;
        if (s.info.state != SocketState::Closed)
            now = CallReporter::kernelView(s.info);
        else if (listed(s))
            now = KernelProbe::lookUp(tables, s.info.local, s.info.peer);
        else
            continue;
        if (now != s.info.kernel) {
            s.info.kernel = now;
            m_report.announce(s.info);
        }
    }
    forgetClosedSockets();
}

void SocketEngine::waitFor(EngineSocket &s, bool writable)
{
    QSocketNotifier *&notifier = writable ? s.writeNotifier : s.readNotifier;
    if (!notifier) {
        notifier = new QSocketNotifier(
            s.info.fd, writable ? QSocketNotifier::Write : QSocketNotifier::Read, this);
        EngineSocket *target = &s;
        connect(notifier, &QSocketNotifier::activated, this, [this, target, writable] {
            if (writable)
                onWritable(*target);
            else
                onReadable(*target);
        });
    }
    notifier->setEnabled(true);
}

void SocketEngine::stopWaiting(EngineSocket &s, bool writable)
{
    QSocketNotifier *notifier = writable ? s.writeNotifier : s.readNotifier;
    if (notifier)
        notifier->setEnabled(false);
}
