// SPDX-License-Identifier: MIT
#include "watch/ProgramTracer.h"

#include "watch/SeccompFilter.h"

#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QSet>
#include <QStandardPaths>

#include <linux/seccomp.h>
#include <sys/prctl.h>
#include <sys/ptrace.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <sys/user.h>
#include <sys/wait.h>

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
    : m_program(program), m_arguments(arguments)
{
}

int ProgramTracer::run(const std::function<void(const SocketEvent &)> &onEvent)
{
    if (SeccompFilter::tracedCalls().empty()) {
        m_error = QStringLiteral("watching programs is only built for x86-64 Linux");
        return couldNotWatch;
    }
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

    SyscallDecoder decoder(readMemory);
    QHash<int, int> processOfThread{{child, child}};
    QHash<int, bool> inCall; // a thread between its call's entry and its return
    // New processes and threads, whose first stop (a SIGSTOP from ptrace itself) is not the
    // program's to see.
    QSet<int> starting;
    // Ones whose first stop came before their parent's fork or clone event: they wait there,
    // so none makes a call before it is given its parent's descriptors.
    QSet<int> early;
    QSet<int> seen{child};
    int exitCode = couldNotWatch;
    for (;;) {
        // Only this thread's tracees: another program watched from another thread of this
        // process is its tracer's to see (without __WNOTHREAD, a wait takes any thread's).
        const pid_t tid = ::waitpid(-1, &status, __WALL | __WNOTHREAD);
        if (tid < 0) {
            if (errno == EINTR)
                continue;
            break; // no traced process is left
        }
        if (m_stopping) {
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
            if (tid == child)
                exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
            if (tid == tgid)
                decoder.exited(tgid);
            processOfThread.remove(tid);
            continue;
        }
        if (!WIFSTOPPED(status))
            continue;
        const int signal = WSTOPSIG(status);
        const int event = status >> 16;
        __ptrace_request resume = PTRACE_CONT;
        int inject = 0;
        if (signal == SIGTRAP && event == PTRACE_EVENT_SECCOMP) {
            user_regs_struct regs{};
            ::ptrace(PTRACE_GETREGS, tid, nullptr, &regs);
            const SyscallDecoder::Arguments args{regs.rdi, regs.rsi, regs.rdx,
                                                 regs.r10, regs.r8,  regs.r9};
            if (auto e =
                    decoder.enter(tgid, tid, int(regs.orig_rax), args, m_clock->nowMsPrecise()))
                onEvent(*e);
            // Stop once more when the call returns, for its result, when it matters (a file's
            // read goes on at once).
            if (decoder.awaitsReturn(tid)) {
                resume = PTRACE_SYSCALL;
                inCall.insert(tid, true);
            }
        } else if (signal == (SIGTRAP | 0x80)) {
            if (inCall.take(tid)) {
                user_regs_struct regs{};
                ::ptrace(PTRACE_GETREGS, tid, nullptr, &regs);
                if (auto e = decoder.leave(tgid, tid, qint64(regs.rax), m_clock->nowMsPrecise()))
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
                decoder.forked(tgid, int(born));
            }
            if (early.remove(int(born)))
                ::ptrace(PTRACE_CONT, pid_t(born), nullptr, nullptr);
        } else if (signal == SIGTRAP && event == PTRACE_EVENT_EXEC) {
            // Same process, new program; its descriptors (those without CLOEXEC) stay.
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
    // The program's whole group when it has a terminal of its own (forked children share it),
    // and the program itself; the tracer's loop ends any process that left the group.
    if (m_terminal >= 0)
        ::kill(-pid_t(pid), SIGKILL);
    ::kill(pid_t(pid), SIGKILL);
}
