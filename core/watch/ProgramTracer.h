// SPDX-License-Identifier: MIT
#pragma once

#include "calls/SocketEvent.h"
#include "session/SessionClock.h"
#include "watch/SyscallDecoder.h"

#include <QString>
#include <QStringList>

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

    int run(const std::function<void(const SocketEvent &)> &onEvent);
    QString error() const { return m_error; }
    qint64 pid() const { return m_pid; }

private:
    QString m_program;
    QStringList m_arguments;
    QString m_error;
    qint64 m_pid = -1;
    SessionClock m_clock;
};
