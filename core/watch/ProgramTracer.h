// SPDX-License-Identifier: MIT
#pragma once

#include "calls/SocketEvent.h"
#include "session/SessionClock.h"
#include "watch/PythonFrames.h"
#include "watch/SyscallDecoder.h"

#include <QSet>
#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>

// Runs a program under ptrace and reports its socket calls as events, the way SocketLab shows
// its own. The program, every process it forks and every thread stop only at the calls a
// seccomp filter picks (SeccompFilter) and go on unchanged; it is killed if the tracer dies
// (PTRACE_O_EXITKILL), because with the filter and no tracer its socket calls would fail.
// Without root the filter needs NO_NEW_PRIVS: a setuid program it starts runs without its
// privilege. run() blocks until the program has exited (or, attached, until stop()); every
// ptrace request comes from the thread that calls it, as ptrace demands.
class ProgramTracer
{
public:
    // How the program ended: its exit status, or 128 + the signal that killed it (as a shell
    // says), or 125 when it could not be watched (why in error()).
    static constexpr int couldNotWatch = 125;

    ProgramTracer(const QString &program, const QStringList &arguments);
    // Attaches to a running process instead: its threads and what it forks from then on.
    // A filter cannot be added to a running process, so every system call of it stops; its
    // sockets open before are found in /proc/PID/fd. stop() detaches and leaves it running.
    // Refused in one line (error()) where the system or the owner does not allow it.
    explicit ProgramTracer(qint64 pid);

    // Before run(): where the program starts (the watcher's own directory if empty).
    void setWorkingDirectory(const QString &directory) { m_directory = directory; }
    // Before run(): the program gets this terminal (a pseudo-terminal's other end) as its
    // stdin, stdout and stderr, in a process group of its own; -1 keeps the watcher's.
    void setTerminal(int fd) { m_terminal = fd; }
    // Before run(): event times on this clock (a session's) instead of the tracer's own.
    void setClock(const SessionClock *clock) { m_clock = clock; }

    // Before run(), attaching: called on run()'s thread once every thread is seized.
    void setOnAttached(std::function<void()> onAttached) { m_onAttached = std::move(onAttached); }

    int run(const std::function<void(const SocketEvent &)> &onEvent);
    // From any thread: ends the program and every process it made (the only way to stop
    // watching, since a filtered program cannot go on without its watcher).
    void stop();
    QString error() const { return m_error; }
    qint64 pid() const { return m_pid; }

private:
    // Reading the program's memory, and its Python lines from m_frames.
    SyscallDecoder newDecoder();
    int attach(const std::function<void(const SocketEvent &)> &onEvent);
    int trace(int leader, const QSet<int> &threads, SyscallDecoder *decoder,
              const std::function<void(const SocketEvent &)> &onEvent);

    qint64 m_attachTo = -1;
    QString m_program;
    QStringList m_arguments;
    QString m_directory;
    int m_terminal = -1;
    QString m_error;
    std::atomic<qint64> m_pid{-1};
    std::atomic<bool> m_stopping{false};
    std::atomic<bool> m_attached{false};    // the threads are seized: stop() may signal
    std::atomic<bool> m_detachAsked{false}; // the one SIGSTOP that asks to detach was sent
    std::atomic<bool> m_finished{false};
    std::function<void()> m_onAttached;
    PythonFrames m_frames; // used by the tracer's thread only
    SessionClock m_ownClock;
    const SessionClock *m_clock = &m_ownClock;
};
