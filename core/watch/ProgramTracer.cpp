// SPDX-License-Identifier: MIT
#include "watch/ProgramTracer.h"

#include "watch/AttachCheck.h"
#include "watch/SeccompFilter.h"
#include "watch/SocketDiag.h"
#include "watch/SocketInodes.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QSet>
#include <QStandardPaths>

#include <linux/seccomp.h>
#include <netinet/in.h>
#include <sys/prctl.h>
#include <sys/ptrace.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <sys/user.h>
#include <sys/wait.h>

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <unistd.h>
#include <vector>

namespace {
QByteArray readMemory(int pid, quint64 address, qint64 length)
{
    if (address == 0 || length <= 0)
        return {};
    QByteArray bytes(int(length), Qt::Uninitialized);
    const iovec local{bytes.data(), size_t(length)};
    const iovec remote{reinterpret_cast<void *>(address), size_t(length)};
    const ssize_t n = ::process_vm_readv(pid, &local, 1, &remote, 1, 0);
    bytes.resize(n > 0 ? int(n) : 0);
    return bytes;
}

// The process a thread belongs to, from /proc (threads share their process's descriptors).
int processOf(int tid)
{
    QFile status(QStringLiteral("/proc/%1/status").arg(tid));
    if (!status.open(QIODevice::ReadOnly))
        return tid;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("Tgid:"))
            return line.mid(5).trimmed().toInt();
    }
    return tid;
}

// In the child, between fork and exec: only calls that are safe there, and what they need
// prepared before the fork.
struct ChildSetup
{
    const char *path;
    char *const *argv;
    const char *directory; // null: stay where the watcher is
    int terminal;          // -1: keep the watcher's
    sock_fprog filter;
};

[[noreturn]] void becomeTraced(const ChildSetup &c)
{
    // As the program would start from a shell: default signal actions (an ignored SIGPIPE
    // would be inherited through exec) and no signal blocked.
    for (int signal = 1; signal < NSIG; ++signal)
        ::signal(signal, SIG_DFL);
    sigset_t none;
    ::sigemptyset(&none);
    ::sigprocmask(SIG_SETMASK, &none, nullptr);
    if (c.terminal >= 0) {
        // A terminal on stdin, stdout and stderr, so Python prints each line at once; and a
        // process group of its own, so the program and what it forks are ended together. Not
        // a session with the terminal as its controlling one: when such a session's leader
        // exits, the kernel hangs the terminal up and drops the last lines it printed.
        if (::setpgid(0, 0) != 0 || ::dup2(c.terminal, 0) < 0 || ::dup2(c.terminal, 1) < 0 ||
            ::dup2(c.terminal, 2) < 0)
            ::_exit(ProgramTracer::couldNotWatch);
        if (c.terminal > 2)
            ::close(c.terminal);
    }
    if (c.directory && ::chdir(c.directory) != 0)
        ::_exit(ProgramTracer::couldNotWatch);
    if (::ptrace(PTRACE_TRACEME, 0, nullptr, nullptr) != 0)
        ::_exit(ProgramTracer::couldNotWatch);
    // Stopped until the tracer has set its options: a filter without a tracer that asked for
    // its stops would fail the program's socket calls.
    ::raise(SIGSTOP);
    if (::prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0 ||
        ::syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, &c.filter) != 0)
        ::_exit(ProgramTracer::couldNotWatch);
    ::execv(c.path, c.argv);
    ::_exit(127); // as a shell says for a program it cannot run
}
} // namespace

ProgramTracer::ProgramTracer(const QString &program, const QStringList &arguments)
    : m_program(program), m_arguments(arguments), m_frames(readMemory)
{
}

ProgramTracer::ProgramTracer(qint64 pid) : m_attachTo(pid), m_frames(readMemory) {}

int ProgramTracer::run(const std::function<void(const SocketEvent &)> &onEvent)
{
    if (SeccompFilter::tracedCalls().empty()) {
        m_error = QStringLiteral("watching programs is only built for x86-64 Linux");
        return couldNotWatch;
    }
    if (m_attachTo > 0)
        return attach(onEvent);
    const QString path = m_program.contains(QLatin1Char('/'))
                             ? m_program
                             : QStandardPaths::findExecutable(m_program);
    if (path.isEmpty() || !QFile::exists(path)) {
        m_error = QStringLiteral("%1: no such program").arg(m_program);
        return couldNotWatch;
    }
    // Everything the child needs, made before the fork.
    const QByteArray pathBytes = QFile::encodeName(path);
    std::vector<QByteArray> argumentBytes{QFile::encodeName(m_program)};
    for (const QString &a : std::as_const(m_arguments))
        argumentBytes.push_back(a.toLocal8Bit());
    std::vector<char *> argv;
    for (QByteArray &a : argumentBytes)
        argv.push_back(a.data());
    argv.push_back(nullptr);
    std::vector<sock_filter> program = SeccompFilter::program();
    const QByteArray directoryBytes = QFile::encodeName(m_directory);
    if (!m_directory.isEmpty() && !QFileInfo(m_directory).isDir()) {
        m_error = QStringLiteral("%1: no such folder").arg(m_directory);
        return couldNotWatch;
    }
    const ChildSetup setup{pathBytes.constData(),
                           argv.data(),
                           m_directory.isEmpty() ? nullptr : directoryBytes.constData(),
                           m_terminal,
                           {static_cast<unsigned short>(program.size()), program.data()}};

    const pid_t child = ::fork();
    if (child < 0) {
        m_error = QStringLiteral("fork: %1").arg(QString::fromLocal8Bit(std::strerror(errno)));
        return couldNotWatch;
    }
    if (child == 0)
        becomeTraced(setup);
    m_pid = child;
    if (m_stopping)
        stop();

    int status = 0;
    if (::waitpid(child, &status, __WALL | __WNOTHREAD) != child || !WIFSTOPPED(status)) {
        m_error = QStringLiteral("the program did not stop for its watcher");
        return couldNotWatch;
    }
    const long options = PTRACE_O_TRACESECCOMP | PTRACE_O_TRACESYSGOOD | PTRACE_O_EXITKILL |
                         PTRACE_O_TRACEFORK | PTRACE_O_TRACEVFORK | PTRACE_O_TRACECLONE |
                         PTRACE_O_TRACEEXEC;
    if (::ptrace(PTRACE_SETOPTIONS, child, nullptr, reinterpret_cast<void *>(options)) != 0) {
        m_error = QStringLiteral("ptrace: %1").arg(QString::fromLocal8Bit(std::strerror(errno)));
        ::kill(child, SIGKILL);
        return couldNotWatch;
    }
    ::ptrace(PTRACE_CONT, child, nullptr, nullptr);
    SyscallDecoder decoder = newDecoder();
    return trace(child, {child}, &decoder, onEvent);
}

SyscallDecoder ProgramTracer::newDecoder()
{
    return SyscallDecoder(readMemory,
                          [this](int pid, int tid) { return m_frames.locate(pid, tid); });
}

int ProgramTracer::attach(const std::function<void(const SocketEvent &)> &onEvent)
{
    const pid_t pid = pid_t(m_attachTo);
    m_error = AttachCheck::refusal(pid, AttachCheck::facts(pid));
    if (!m_error.isEmpty())
        return couldNotWatch;
    // No EXITKILL: the program goes on when its watcher stops or dies.
    const long options = PTRACE_O_TRACESYSGOOD | PTRACE_O_TRACEFORK | PTRACE_O_TRACEVFORK |
                         PTRACE_O_TRACECLONE | PTRACE_O_TRACEEXEC;
    // Every thread, again until none is new: a thread not yet seized may start another.
    QSet<int> threads;
    for (bool more = true; more;) {
        more = false;
        const QStringList tasks = QDir(QStringLiteral("/proc/%1/task").arg(pid))
                                      .entryList(QDir::Dirs | QDir::NoDotAndDotDot);
        for (const QString &task : tasks) {
            const int tid = task.toInt();
            if (threads.contains(tid))
                continue;
            if (::ptrace(PTRACE_SEIZE, tid, nullptr, reinterpret_cast<void *>(options)) != 0) {
                if (tid == pid || errno != ESRCH) { // a thread may end meanwhile
                    m_error = QStringLiteral("ptrace refused to attach to process %1: %2")
                                  .arg(pid)
                                  .arg(QString::fromLocal8Bit(std::strerror(errno)));
                    for (int seized : std::as_const(threads))
                        ::ptrace(PTRACE_DETACH, seized, nullptr, nullptr);
                    return couldNotWatch;
                }
                continue;
            }
            // Stopped once, so it can be resumed to stop at its system calls.
            ::ptrace(PTRACE_INTERRUPT, tid, nullptr, nullptr);
            threads.insert(tid);
            more = true;
        }
    }
    m_pid = pid;
    m_attached = true;
    if (m_stopping)
        stop();
    if (m_onAttached)
        m_onAttached();

    // Its sockets from before, as the kernel lists them (TCP and UDP).
    SyscallDecoder decoder = newDecoder();
    QHash<quint64, int> descriptors; // inode → descriptor
    const QStringList fds =
        QDir(QStringLiteral("/proc/%1/fd").arg(pid)).entryList(QDir::Files | QDir::System);
    for (const QString &fd : fds) {
        if (const quint64 inode = SocketInodes::inodeOf(pid, fd.toInt()))
            descriptors.insert(inode, fd.toInt());
    }
    const QHash<quint64, SocketDiag::Entry> found =
        SocketDiag::query(QSet<quint64>(descriptors.keyBegin(), descriptors.keyEnd()));
    QSet<int> listening;
    for (const SocketDiag::Entry &e : found) {
        if (!e.peer.isValid() && e.protocol == IPPROTO_TCP)
            listening.insert(e.local.port());
    }
    // Listeners first, then what they accepted, in descriptor order.
    QList<quint64> order = found.keys();
    std::sort(order.begin(), order.end(), [&](quint64 a, quint64 b) {
        const bool la = !found[a].peer.isValid(), lb = !found[b].peer.isValid();
        return la != lb ? la : descriptors.value(a) < descriptors.value(b);
    });
    for (quint64 inode : std::as_const(order)) {
        const SocketDiag::Entry &e = found[inode];
        const SocketRole role = !e.peer.isValid() && e.protocol == IPPROTO_TCP ? SocketRole::Server
                                : e.peer.isValid() && listening.contains(e.local.port())
                                    ? SocketRole::Connection
                                    : SocketRole::Client;
        onEvent(decoder.existing(pid, descriptors.value(inode), role, e, m_clock->nowMsPrecise()));
    }
    return trace(pid, threads, &decoder, onEvent);
}

int ProgramTracer::trace(int leader, const QSet<int> &threads, SyscallDecoder *decoder,
                         const std::function<void(const SocketEvent &)> &onEvent)
{
    const bool attached = m_attachTo > 0;
    QHash<int, int> processOfThread;
    for (int tid : threads)
        processOfThread.insert(tid, leader);
    // New processes and threads, whose first stop comes from ptrace itself (a SIGSTOP, or an
    // event stop when attached) and is not the program's to see.
    QSet<int> starting;
    // Ones whose first stop came before their parent's fork or clone event: they wait there,
    // so none makes a call before it is given its parent's descriptors.
    QSet<int> early;
    QSet<int> seen = threads;
    bool detaching = false;
    // Attached, the program's own status if it ends while watched; 0 when its watcher left.
    int exitCode = attached ? 0 : couldNotWatch;
    int status = 0;
    for (;;) {
        // Only this thread's tracees: another program watched from another thread of this
        // process is its tracer's to see (without __WNOTHREAD, a wait takes any thread's).
        const pid_t tid = ::waitpid(-1, &status, __WALL | __WNOTHREAD);
        if (tid < 0) {
            if (errno == EINTR)
                continue;
            break; // no traced process is left
        }
        if (m_stopping && !attached) {
            // A process that left the program's group is still one of the program's.
            for (int other : std::as_const(processOfThread))
                ::kill(other, SIGKILL);
        }
        const bool firstStop = !seen.contains(tid);
        seen.insert(tid);
        if (!processOfThread.contains(tid))
            processOfThread.insert(tid, processOf(tid));
        const int tgid = processOfThread.value(tid);
        if (WIFEXITED(status) || WIFSIGNALED(status)) {
            if (tid == leader)
                exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
            if (tid == tgid) {
                decoder->exited(tgid);
                m_frames.forget(tgid);
            }
            processOfThread.remove(tid);
            continue;
        }
        if (!WIFSTOPPED(status))
            continue;
        const int signal = WSTOPSIG(status);
        const int event = status >> 16;
        if (detaching) {
            // Each thread as it stops, with the signal it was about to get.
            const bool delivery = event == 0 && signal != (SIGTRAP | 0x80);
            ::ptrace(PTRACE_DETACH, tid, nullptr,
                     reinterpret_cast<void *>(long(delivery ? signal : 0)));
            continue;
        }
        if (attached && m_stopping && signal == SIGSTOP && event == 0 && !firstStop) {
            // stop()'s SIGSTOP, kept from the program: every thread is stopped and let go.
            detaching = true;
            for (auto it = processOfThread.cbegin(); it != processOfThread.cend(); ++it) {
                if (it.key() != tid)
                    ::ptrace(PTRACE_INTERRUPT, it.key(), nullptr, nullptr);
            }
            ::ptrace(PTRACE_DETACH, tid, nullptr, nullptr);
            continue;
        }
        // Attached, every call stops the program at entry and at return; started, only the
        // filter's calls stop it, and their return only when it matters.
        __ptrace_request resume = attached ? PTRACE_SYSCALL : PTRACE_CONT;
        int inject = 0;
        if ((signal == SIGTRAP && event == PTRACE_EVENT_SECCOMP) || signal == (SIGTRAP | 0x80)) {
            __ptrace_syscall_info info{};
            ::ptrace(PTRACE_GET_SYSCALL_INFO, tid, reinterpret_cast<void *>(sizeof info), &info);
            if (info.op == PTRACE_SYSCALL_INFO_SECCOMP || info.op == PTRACE_SYSCALL_INFO_ENTRY) {
                const auto &call =
                    info.op == PTRACE_SYSCALL_INFO_SECCOMP ? info.seccomp.args : info.entry.args;
                const int nr =
                    int(info.op == PTRACE_SYSCALL_INFO_SECCOMP ? info.seccomp.nr : info.entry.nr);
                const SyscallDecoder::Arguments args{call[0], call[1], call[2],
                                                     call[3], call[4], call[5]};
                if (auto e = decoder->enter(tgid, tid, nr, args, m_clock->nowMsPrecise()))
                    onEvent(*e);
                // Stop once more when the call returns, for its result, when it matters (a
                // file's read goes on at once).
                if (decoder->awaitsReturn(tid))
                    resume = PTRACE_SYSCALL;
            } else if (info.op == PTRACE_SYSCALL_INFO_EXIT) {
                // A call under way when the watcher attached returns without an entry seen:
                // the decoder has nothing pending for it.
                if (auto e = decoder->leave(tgid, tid, info.exit.rval, m_clock->nowMsPrecise()))
                    onEvent(*e);
            }
        } else if (signal == SIGTRAP &&
                   (event == PTRACE_EVENT_FORK || event == PTRACE_EVENT_VFORK ||
                    event == PTRACE_EVENT_CLONE)) {
            unsigned long born = 0;
            ::ptrace(PTRACE_GETEVENTMSG, tid, nullptr, &born);
            if (!seen.contains(int(born)))
                starting.insert(int(born));
            seen.insert(int(born));
            if (event == PTRACE_EVENT_CLONE) {
                processOfThread.insert(int(born), processOf(int(born)));
            } else {
                processOfThread.insert(int(born), int(born));
                decoder->forked(tgid, int(born));
            }
            if (early.remove(int(born)))
                ::ptrace(resume, pid_t(born), nullptr, nullptr);
        } else if (signal == SIGTRAP && event == PTRACE_EVENT_EXEC) {
            // Same process, new program (another interpreter, or none); its descriptors
            // (those without CLOEXEC) stay.
            m_frames.forget(tgid);
        } else if (event == PTRACE_EVENT_STOP) {
            // Attached: a stop asked for (PTRACE_INTERRUPT, a new thread's first), or the
            // program stopped by a signal, which must stay stopped until it is continued.
            if (signal != SIGTRAP) {
                ::ptrace(PTRACE_LISTEN, tid, nullptr, nullptr);
                continue;
            }
            if (firstStop && !starting.remove(tid)) {
                early.insert(tid);
                continue;
            }
        } else if (signal == SIGSTOP && event == 0 && starting.remove(tid)) {
            inject = 0; // a new process's or thread's first stop comes from ptrace
        } else if (signal == SIGSTOP && event == 0 && firstStop) {
            early.insert(tid); // resumed when its parent's event has been handled
            continue;
        } else {
            inject = signal; // the program's own signal, delivered as it was sent
        }
        ::ptrace(resume, tid, nullptr, reinterpret_cast<void *>(long(inject)));
    }
    m_finished = true;
    return exitCode;
}

void ProgramTracer::stop()
{
    m_stopping = true;
    const qint64 pid = m_pid;
    if (pid <= 0 || m_finished)
        return;
    if (m_attachTo > 0) {
        // Only the tracer's thread may make ptrace requests: one SIGSTOP wakes it, and it
        // keeps that signal from the program while it lets every thread go.
        if (m_attached && !m_detachAsked.exchange(true))
            ::kill(pid_t(pid), SIGSTOP);
        return;
    }
    // The program's whole group when it has a terminal of its own (forked children share it),
    // and the program itself; the tracer's loop ends any process that left the group.
    if (m_terminal >= 0)
        ::kill(-pid_t(pid), SIGKILL);
    ::kill(pid_t(pid), SIGKILL);
}
