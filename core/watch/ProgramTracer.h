// SPDX-License-Identifier: MIT
#pragma once

#include "calls/SocketEvent.h"
#include "session/SessionClock.h"
#include "watch/SyscallDecoder.h"

#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>

// Runs a program under ptrace and reports its socket calls as events, the way SocketLab shows
// its own. The program, every process it forks and every thread stop only at the calls a
// seccomp filter picks (SeccompFilter) and go on unchanged; it is killed if the tracer dies
// (PTRACE_O_EXITKILL), because with the filter and no tracer its socket calls would fail.
// Without root the filter needs NO_NEW_PRIVS: a setuid program it starts runs without its
// privilege. run() blocks until the program has exited; every ptrace request comes from the
// thread that calls it, as ptrace demands.
class ProgramTracer
{
public:
    // How the program ended: its exit status, or 128 + the signal that killed it (as a shell
    // says), or 125 when it could not be watched (why in error()).
    static constexpr int couldNotWatch = 125;

    ProgramTracer(const QString &program, const QStringList &arguments);

    // Before run(): where the program starts (the watcher's own directory if empty).
    void setWorkingDirectory(const QString &directory) { m_directory = directory; }
    // Before run(): the program gets this terminal (a pseudo-terminal's other end) as its
    // stdin, stdout and stderr, in a process group of its own; -1 keeps the watcher's.
    void setTerminal(int fd) { m_terminal = fd; }
    // Before run(): event times on this clock (a session's) instead of the tracer's own.
    void setClock(const SessionClock *clock) { m_clock = clock; }

    int run(const std::function<void(const SocketEvent &)> &onEvent);
    // From any thread: ends the program and every process it made (the only way to stop
    // watching, since a filtered program cannot go on without its watcher).
    void stop();
    QString error() const { return m_error; }
    qint64 pid() const { return m_pid; }

private:
    QString m_program;
    QStringList m_arguments;
    QString m_directory;
    int m_terminal = -1;
    QString m_error;
    std::atomic<qint64> m_pid{-1};
    std::atomic<bool> m_stopping{false};
    std::atomic<bool> m_finished{false};
    SessionClock m_ownClock;
    const SessionClock *m_clock = &m_ownClock;
};
