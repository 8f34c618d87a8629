// SPDX-License-Identifier: MIT
#include "sources/WatchSource.h"

#include "session/SessionClock.h"
#include "session/SocketNaming.h"
#include "threads/Mailbox.h"
#include "trace/TraceReplay.h"
#include "watch/ProgramEnding.h"
#include "watch/ProgramTracer.h"
#include "watch/SocketDiag.h"
#include "watch/SocketInodes.h"

#include <QSocketNotifier>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <pty.h>
#include <unistd.h>

namespace {
// Output kept for finding the traceback when the program ends.
constexpr qsizetype keptOutput = 64 * 1024;

// The process a watched socket's id names: pid<tgid>#<n> (see SyscallDecoder).
qint64 processOf(const QString &id)
{
    return id.mid(3, id.indexOf(QLatin1Char('#')) - 3).toLongLong();
}

QString waitingKey(const SocketEvent &e)
{
    return e.socketId + QLatin1Char('/') + QString::number(int(e.call));
}
} // namespace

WatchSource::WatchSource(const SessionClock *clock, SocketNaming *naming, SocketRole role,
                         QObject *parent)
    : SocketSource(parent), m_clock(clock), m_naming(naming), m_role(role)
{
    m_blockedTimer.setInterval(blockedAfterMs / 2);
    connect(&m_blockedTimer, &QTimer::timeout, this, &WatchSource::markBlocked);
    m_tableTimer.setSingleShot(true);
    m_tableTimer.setInterval(30);
    connect(&m_tableTimer, &QTimer::timeout, this, &SocketSource::tableReset);
    m_kernelTimer.setInterval(500);
    connect(&m_kernelTimer, &QTimer::timeout, this, &WatchSource::sampleKernel);
}

WatchSource::~WatchSource()
{
    stop();
    if (m_thread.joinable())
        m_thread.join();
    if (m_master >= 0)
        ::close(m_master);
    if (m_slave >= 0)
        ::close(m_slave);
}

bool WatchSource::start(const QString &program, const QStringList &arguments,
                        const QString &directory, QString *error)
{
    Q_ASSERT(!m_thread.joinable());
    m_program = program;
    m_arguments = arguments;
    if (::openpty(&m_master, &m_slave, nullptr, nullptr, nullptr) != 0) {
        *error =
            tr("no terminal for the program: %1").arg(QString::fromLocal8Bit(std::strerror(errno)));
        return false;
    }
    // The program gets the terminal's other end only; neither end leaks into what it starts.
    ::fcntl(m_master, F_SETFD, FD_CLOEXEC);
    ::fcntl(m_slave, F_SETFD, FD_CLOEXEC);
    ::fcntl(m_master, F_SETFL, ::fcntl(m_master, F_GETFL) | O_NONBLOCK);
    m_notifier = new QSocketNotifier(m_master, QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &WatchSource::readOutput);

    m_tracer = std::make_unique<ProgramTracer>(program, arguments);
    m_tracer->setWorkingDirectory(directory);
    m_tracer->setTerminal(m_slave);
    m_tracer->setClock(m_clock);
    ProgramTracer *tracer = m_tracer.get();
    m_running = true;
    // Values come back through a Mailbox: a std::mutex ThreadSanitizer can see, unlike Qt's
    // own queue. Work still queued when this source goes is dropped with the mailbox.
    auto *mailbox = new Mailbox(this);
    // A std::thread, joined when the source goes: ThreadSanitizer sees a join, not QThread::wait.
    m_thread = std::thread([this, tracer, mailbox] {
        const int status = tracer->run([this, mailbox](const SocketEvent &e) {
            mailbox->post([this, e] { onTracedEvent(e); });
        });
        const QString why = tracer->error();
        mailbox->post([this, status, why] { onFinished(status, why); });
    });
    m_kernelTimer.start();
    return true;
}

void WatchSource::stop()
{
    if (m_tracer && m_running)
        m_tracer->stop();
}

void WatchSource::writeInput(const QByteArray &bytes)
{
    if (m_master < 0 || !m_running)
        return;
    // A terminal's input queue is large (4 KiB); a line typed by hand always fits.
    const ssize_t n = ::write(m_master, bytes.constData(), size_t(bytes.size()));
    Q_UNUSED(n);
}

QString WatchSource::commandLine() const
{
    QStringList words{m_program};
    for (const QString &a : m_arguments)
        words << (a.contains(QLatin1Char(' ')) || a.isEmpty()
                      ? QLatin1Char('"') + a + QLatin1Char('"')
                      : a);
    return words.join(QLatin1Char(' '));
}

QString WatchSource::description() const
{
    return tr("the watched program %1").arg(commandLine());
}

qint64 WatchSource::pid() const
{
    return m_tracer ? m_tracer->pid() : -1;
}

void WatchSource::onTracedEvent(SocketEvent event)
{
    // This source's own order; the window merges it with the session's.
    event.seq = ++m_seq;
    name(&event);
    const QString key = waitingKey(event);
    if (event.phase == CallPhase::Started) {
        m_waiting.insert(key, event);
        if (!m_blockedTimer.isActive())
            m_blockedTimer.start();
    } else if (event.phase != CallPhase::Blocked) {
        m_waiting.remove(key);
    }
    TraceReplay::apply(event, &m_sockets, &m_order);
    // A new descriptor's inode, read at once: the number may name another socket later.
    if (event.phase == CallPhase::Returned &&
        (event.call == SocketCall::Socket || event.call == SocketCall::Accept)) {
        const QString id = event.call == SocketCall::Socket
                               ? event.socketId
                               : event.result.toMap().value(QStringLiteral("socket")).toString();
        const SocketInfo &s = m_sockets[id];
        if (s.fd >= 0)
            m_inodes.insert(id, SocketInodes::inodeOf(processOf(id), s.fd));
    }
    emit eventOccurred(event);
    // The panes read the table again once per burst of calls, not once per call.
    if (!m_tableTimer.isActive())
        m_tableTimer.start();
    if (m_sockets.contains(event.socketId))
        emit socketChanged(m_sockets.value(event.socketId));
    if (event.call == SocketCall::Accept && event.phase == CallPhase::Returned) {
        const QString conn = event.result.toMap().value(QStringLiteral("socket")).toString();
        if (m_sockets.contains(conn))
            emit socketChanged(m_sockets.value(conn));
    }
}

void WatchSource::name(SocketEvent *event)
{
    // Shown on the pane's side from its first call: the watcher learns that a socket is a
    // listener only at listen(), and the diagram colours a lifeline by its first event.
    if (event->role == SocketRole::Client && m_role == SocketRole::Server)
        event->role = SocketRole::Server;
    event->socketName = m_naming->nameFor(event->socketId, m_role);
    if (event->call == SocketCall::Accept && event->phase == CallPhase::Returned) {
        QVariantMap result = event->result.toMap();
        const QString conn = result.value(QStringLiteral("socket")).toString();
        if (!conn.isEmpty()) {
            result.insert(QStringLiteral("name"), m_naming->nameFor(conn, SocketRole::Connection));
            event->result = result;
        }
    }
    // A closed socket's name is free for the next one, as a variable is reused.
    if (event->call == SocketCall::Close && event->phase != CallPhase::Started &&
        event->phase != CallPhase::Blocked)
        m_naming->release(event->socketId);
}

void WatchSource::sampleKernel()
{
    QSet<quint64> wanted;
    for (auto it = m_inodes.cbegin(); it != m_inodes.cend(); ++it) {
        if (it.value() != 0 && m_sockets.value(it.key()).state != SocketState::Closed)
            wanted.insert(it.value());
    }
    const QHash<quint64, SocketDiag::Entry> found = SocketDiag::query(wanted);
    for (auto it = m_inodes.cbegin(); it != m_inodes.cend(); ++it) {
        SocketInfo &s = m_sockets[it.key()];
        if (!wanted.contains(it.value()) || !found.contains(it.value()))
            continue;
        const KernelSample &kernel = found.value(it.value()).kernel;
        if (kernel.isAvailable() && s.kernel != kernel) {
            s.kernel = kernel;
            emit socketChanged(s);
        }
    }
}

void WatchSource::markBlocked()
{
    const double now = m_clock->nowMsPrecise();
    for (auto it = m_waiting.begin(); it != m_waiting.end();) {
        if (now - it->tMs < blockedAfterMs) {
            ++it;
            continue;
        }
        SocketEvent blocked = *it;
        it = m_waiting.erase(it);
        blocked.phase = CallPhase::Blocked;
        blocked.tMs = now;
        blocked.data.clear();
        blocked.byteCount = -1;
        onTracedEvent(blocked);
    }
    if (m_waiting.isEmpty())
        m_blockedTimer.stop();
}

void WatchSource::readOutput()
{
    char buffer[4096];
    for (;;) {
        const ssize_t n = ::read(m_master, buffer, sizeof buffer);
        if (n <= 0) {
            // EIO: every copy of the terminal's other end is closed; EAGAIN: read all there is.
            if (n == 0 || errno != EAGAIN)
                m_notifier->setEnabled(false);
            return;
        }
        m_partial.append(buffer, n);
        // Keep a UTF-8 sequence cut by the read for the next one.
        qsizetype complete = m_partial.size();
        for (qsizetype back = 1; back <= 3 && back <= m_partial.size(); ++back) {
            const uchar c = uchar(m_partial.at(m_partial.size() - back));
            if ((c & 0xC0) == 0x80)
                continue;
            const int length = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
            if (length > back)
                complete = m_partial.size() - back;
            break;
        }
        QString text = QString::fromUtf8(m_partial.left(complete));
        m_partial.remove(0, complete);
        text.remove(QLatin1Char('\r')); // a terminal ends its lines with \r\n
        m_outputTail = (m_outputTail + text).right(keptOutput);
        emit output(text);
    }
}

void WatchSource::onFinished(int status, const QString &error)
{
    if (m_master >= 0)
        readOutput(); // the last lines the program wrote before it ended
    m_running = false;
    m_kernelTimer.stop();
    m_waiting.clear();
    m_blockedTimer.stop();
    QString ending = ProgramEnding::status(status);
    if (!error.isEmpty())
        ending = tr("%1: %2").arg(ending, error);
    const QString python = ProgramEnding::pythonError(m_outputTail);
    if (!python.isEmpty())
        ending = tr("%1 after %2").arg(ending, python);
    emit finished(status, ending);
    emit tableReset();
}
