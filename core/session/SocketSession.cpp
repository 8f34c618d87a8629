// SPDX-License-Identifier: MIT
#include "session/SocketSession.h"

#include "calls/CallRules.h"
#include "calls/SocketName.h"
#include "engine/BatchSender.h"
#include "engine/DefaultSocketProbe.h"
#include "engine/SocketEngine.h"
#include "present/FrameThrottle.h"
#include "threads/Mailbox.h"
#include "threads/ThreadHandoff.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QPointer>

SocketSession::SocketSession(QObject *parent) : SocketSource(parent)
{
    qRegisterMetaType<SocketEvent>();
    qRegisterMetaType<SocketInfo>();
    qRegisterMetaType<CallRequest>();
    qRegisterMetaType<ServeRequest>();
    qRegisterMetaType<ServingStatus>();
    qRegisterMetaType<EngineBatch>();

    m_mailbox = new Mailbox(this);
    m_announce = new FrameThrottle([this] { announceChanged(); }, this);
    m_engine = new SocketEngine(&m_clock);
    m_engine->moveToThread(&m_thread);
    m_thread.setObjectName(QStringLiteral("socketlab-io"));
    connect(&m_thread, &QThread::finished, m_engine, &QObject::deleteLater);
    // Emitted on the worker; the mailbox brings them to this thread.
    connect(
        m_engine->batches(), &BatchSender::batchReady, m_mailbox,
        [this](const EngineBatch &batch) {
            m_mailbox->post([this, batch]() mutable { onBatch(std::move(batch)); });
        },
        Qt::DirectConnection);

    m_thread.start();
}

QString SocketSession::description() const
{
    return tr("the live session");
}

SocketSession::~SocketSession()
{
    closeAll();
    // The worker deletes the engine once its thread finishes; these make that order, which
    // QThread guarantees, visible to ThreadSanitizer too (see ThreadHandoff.h).
    threadHandoff();
    m_thread.quit();
    m_thread.wait();
    threadHandoff();
}

void SocketSession::onBatch(EngineBatch batch)
{
    const bool idle = m_pending.empty();
    // Moved, not copied: during a flood these are tens of thousands of messages a second.
    for (auto &message : batch.messages)
        m_pending.push_back(std::move(message));
    if (idle)
        processPending();
}

void SocketSession::processPending()
{
    // A big batch is handled in slices of a few milliseconds, so the window still paints
    // and answers the keyboard between them during a flood.
    QElapsedTimer slice;
    slice.start();
    // Snapshots update the table at once, in order with the events, so whoever reacts to an
    // event reads the socket as it was then. Views hear of each changed socket about once a
    // frame (FrameThrottle), with its latest state: in a flood one redraw, not hundreds.
    int handled = 0;
    while (!m_pending.empty() && (m_draining || handled % 8 != 0 || slice.elapsed() < sliceMs)) {
        auto message = std::move(m_pending.front());
        m_pending.pop_front();
        ++handled;
        if (auto *info = std::get_if<SocketInfo>(&message)) {
            const QString id = info->id;
            if (!m_sockets.contains(id))
                m_order.append(id);
            info->name = m_naming.nameFor(id, info->role);
            m_sockets[id] = std::move(*info); // QHash::insert would copy it
            markChanged(id);
            continue;
        }
        if (const auto *status = std::get_if<ServingStatus>(&message)) {
            emit servingChanged(*status);
            continue;
        }
        if (const auto *gone = std::get_if<SocketForgotten>(&message)) {
            forget(gone->id);
            continue;
        }
        // Taken: an automatic server held back by a slow UI may go on.
        m_engine->batches()->eventsInFlight().fetch_sub(1, std::memory_order_relaxed);
        SocketEvent &event = std::get<SocketEvent>(message);
        name(event);
        emit eventOccurred(event);
    }
    if (!m_pending.empty())
        QMetaObject::invokeMethod(this, &SocketSession::processPending, Qt::QueuedConnection);
}

void SocketSession::markChanged(const QString &id)
{
    // After the table has the new state: the announcement may run at once.
    if (!m_changed.contains(id)) {
        m_changed.insert(id);
        m_changedOrder.append(id);
        m_announce->request();
    }
}

void SocketSession::name(SocketEvent &event)
{
    event.socketName = m_naming.nameFor(event.socketId, event.role);
    if (event.call != SocketCall::Accept || event.phase != CallPhase::Returned)
        return;
    QVariantMap result = event.result.toMap();
    const QString accepted = result.value(QStringLiteral("socket")).toString();
    if (accepted.isEmpty())
        return;
    result.insert(QStringLiteral("name"), m_naming.nameFor(accepted, SocketRole::Connection));
    event.result = result;
}

void SocketSession::rename(const QString &id, const QString &name)
{
    if (!m_sockets.contains(id) || !SocketName::isValid(name))
        return;
    const QString displaced = m_naming.claim(id, name);
    for (const QString &renamed : {id, displaced}) {
        if (!m_sockets.contains(renamed))
            continue;
        m_sockets[renamed].name = m_naming.name(renamed);
        markChanged(renamed);
    }
}

void SocketSession::forget(const QString &id)
{
    m_naming.release(id);
    m_sockets.remove(id);
    m_order.removeOne(id);
    if (m_changed.remove(id))
        m_changedOrder.removeOne(id);
    emit socketForgotten(id);
}

void SocketSession::announceChanged()
{
    // The views' work for each socket adds up when a thousand clients arrive at once: that
    // goes on in slices, as processPending's, so the window still paints in between.
    QElapsedTimer slice;
    slice.start();
    qsizetype done = 0;
    while (done < m_changedOrder.size() && (done % 8 != 0 || slice.elapsed() < sliceMs)) {
        const QString id = m_changedOrder.at(done++);
        m_changed.remove(id);
        if (m_sockets.contains(id))
            emit socketChanged(m_sockets.value(id));
    }
    m_changedOrder.remove(0, done);
    if (!m_changedOrder.isEmpty())
        QMetaObject::invokeMethod(this, &SocketSession::announceChanged, Qt::QueuedConnection);
}

void SocketSession::startServing(const ServeRequest &request)
{
    if (!m_thread.isRunning())
        return;
    SocketEngine *engine = m_engine;
    engine->mailbox()->post([engine, request] { engine->startServing(request); });
}

void SocketSession::setEventDataLimit(qint64 bytes)
{
    if (!m_thread.isRunning())
        return;
    SocketEngine *engine = m_engine;
    engine->mailbox()->post([engine, bytes] { engine->setEventDataLimit(bytes); });
}

void SocketSession::stopServing(const QString &socketId)
{
    if (!m_thread.isRunning())
        return;
    SocketEngine *engine = m_engine;
    engine->mailbox()->post([engine, socketId] { engine->stopServing(socketId); });
}

void SocketSession::setAllowInvalidCalls(bool allow)
{
    if (allow == m_allowInvalid)
        return;
    m_allowInvalid = allow;
    emit allowInvalidCallsChanged(allow);
}

QString SocketSession::createSocket(SocketRole role, int family, int type, int protocol,
                                    QString *newId, const QString &name)
{
    const int number = ++m_counters[int(role)];
    const QString id = QStringLiteral("%1#%2").arg(socketRolePrefix(role)).arg(number);
    SocketInfo placeholder;
    placeholder.id = id;
    placeholder.name = m_naming.nameFor(id, role);
    placeholder.role = role;
    placeholder.family = family;
    placeholder.type = type;
    placeholder.protocol = protocol;
    placeholder.callInProgress = SocketCall::Socket;
    m_sockets.insert(id, placeholder);
    m_order.append(id);
    if (newId)
        *newId = id;
    if (!name.isEmpty())
        rename(id, name);

    CallRequest r = CallRequest::on(SocketCall::Socket, id);
    r.role = role;
    r.family = family;
    r.type = type;
    r.protocol = protocol;
    emit socketChanged(m_sockets.value(id));
    return request(r);
}

QString SocketSession::setReuseAddress(const QString &id, bool on)
{
    return setOption(id, QStringLiteral("SO_REUSEADDR"), on ? 1 : 0);
}

QString SocketSession::setOption(const QString &id, const QString &option, int value)
{
    CallRequest r = CallRequest::on(SocketCall::SetSockOpt, id);
    r.optionName = option;
    r.optionValue = value;
    return request(r);
}

QString SocketSession::bind(const QString &id, const QString &host, int port, bool removeStaleFile)
{
    CallRequest r = CallRequest::on(SocketCall::Bind, id);
    r.host = host;
    r.port = port;
    r.removeStaleFile = removeStaleFile;
    return request(r);
}

QString SocketSession::listen(const QString &id, int backlog)
{
    CallRequest r = CallRequest::on(SocketCall::Listen, id);
    r.backlog = backlog;
    return request(r);
}

QString SocketSession::accept(const QString &id)
{
    return request(CallRequest::on(SocketCall::Accept, id));
}

QString SocketSession::connectTo(const QString &id, const QString &host, int port)
{
    CallRequest r = CallRequest::on(SocketCall::Connect, id);
    r.host = host;
    r.port = port;
    return request(r);
}

QString SocketSession::send(const QString &id, const QByteArray &data, bool asStr)
{
    CallRequest r = CallRequest::on(SocketCall::Send, id);
    r.data = data;
    r.dataIsStr = asStr;
    return request(r);
}

QString SocketSession::sendAll(const QString &id, const QByteArray &data, bool asStr)
{
    CallRequest r = CallRequest::on(SocketCall::SendAll, id);
    r.data = data;
    r.dataIsStr = asStr;
    return request(r);
}

QString SocketSession::recv(const QString &id, int bufsize)
{
    CallRequest r = CallRequest::on(SocketCall::Recv, id);
    r.bufsize = bufsize;
    return request(r);
}

QString SocketSession::sendTo(const QString &id, const QByteArray &data, const QString &host,
                              int port)
{
    CallRequest r = CallRequest::on(SocketCall::SendTo, id);
    r.data = data;
    r.host = host;
    r.port = port;
    return request(r);
}

QString SocketSession::recvFrom(const QString &id, int bufsize)
{
    CallRequest r = CallRequest::on(SocketCall::RecvFrom, id);
    r.bufsize = bufsize;
    return request(r);
}

QString SocketSession::shutdown(const QString &id, int how)
{
    CallRequest r = CallRequest::on(SocketCall::Shutdown, id);
    r.how = how;
    return request(r);
}

QString SocketSession::close(const QString &id)
{
    return request(CallRequest::on(SocketCall::Close, id));
}

QString SocketSession::request(CallRequest r)
{
    if (r.call != SocketCall::Socket) {
        const QString reason = whyInvalid(r.socketId, r.call);
        if (!reason.isEmpty())
            return reason;
        // Mark the call as running now, so a second click before the worker answers is
        // refused here rather than queued behind the first.
        SocketInfo &info = m_sockets[r.socketId];
        if (info.callInProgress == SocketCall::None)
            info.callInProgress = r.call;
        else if (r.call != SocketCall::Close)
            info.duplexCall = r.call;
        r.role = info.role;
    }
    r.allowInvalid = m_allowInvalid;
    SocketEngine *engine = m_engine;
    engine->mailbox()->post([engine, r] { engine->execute(r); });
    return QString();
}

QString SocketSession::whyInvalid(const QString &id, SocketCall call) const
{
    auto it = m_sockets.constFind(id);
    if (it == m_sockets.constEnd())
        return QStringLiteral("There is no socket %1 yet.").arg(id);
    return m_allowInvalid ? CallRules::whyImpossible(*it, call) : CallRules::whyInvalid(*it, call);
}

void SocketSession::closeAll()
{
    if (!m_thread.isRunning())
        return;
    // By name: a blocking call with no payload of ours inside Qt's event (see Mailbox).
    QMetaObject::invokeMethod(m_engine, "closeAll", Qt::BlockingQueuedConnection);
}

void SocketSession::closeAllAndDrain()
{
    closeAll();
    // closeAll returned after the worker posted its last batch; deliver it and every
    // earlier one still queued, then handle them all at once.
    QCoreApplication::sendPostedEvents();
    m_draining = true;
    processPending();
    m_draining = false;
}

void SocketSession::askDefaults(QObject *receiver,
                                std::function<void(const DefaultSocket &)> answer)
{
    if (!m_thread.isRunning())
        return;
    Mailbox *back = m_mailbox;
    QPointer<QObject> guard(receiver);
    // The session outlives its worker (the destructor waits for it), so back is valid
    // whenever the worker runs this.
    m_engine->mailbox()->post([back, guard, answer = std::move(answer)] {
        const DefaultSocket d = DefaultSocketProbe::probe();
        back->post([guard, answer, d] {
            if (guard)
                answer(d);
        });
    });
}
