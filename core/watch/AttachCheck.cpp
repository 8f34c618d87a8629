// SPDX-License-Identifier: MIT
#include "watch/AttachCheck.h"

#include <QFile>

#include <pwd.h>
#include <unistd.h>

namespace {
constexpr int capSysPtrace = 19; // linux/capability.h

QByteArray statusField(const QByteArray &status, const QByteArray &name)
{
    for (const QByteArray &line : status.split('\n')) {
        if (line.startsWith(name + ':'))
            return line.mid(name.size() + 1).trimmed();
    }
    return {};
}

QByteArray readProc(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

qint64 parentOf(qint64 pid)
{
    return statusField(readProc(QStringLiteral("/proc/%1/status").arg(pid)), "PPid").toLongLong();
}
} // namespace

AttachCheck::Facts AttachCheck::facts(qint64 pid)
{
    Facts f;
    f.me = ::getuid();
    const QByteArray self = readProc(QStringLiteral("/proc/self/status"));
    f.mayTraceAny = (statusField(self, "CapEff").toULongLong(nullptr, 16) >> capSysPtrace) & 1;
    const QByteArray scope = readProc(QStringLiteral("/proc/sys/kernel/yama/ptrace_scope"));
    f.ptraceScope = scope.isEmpty() ? -1 : scope.trimmed().toInt();
    const QByteArray status = readProc(QStringLiteral("/proc/%1/status").arg(pid));
    if (pid <= 0 || status.isEmpty())
        return f;
    f.exists = true;
    f.name = QString::fromLocal8Bit(statusField(status, "Name"));
    f.owner = statusField(status, "Uid").split('\t').value(0).toUInt();
    const passwd *user = ::getpwuid(f.owner);
    f.ownerName = user ? QString::fromLocal8Bit(user->pw_name) : QString::number(f.owner);
    f.tracer = statusField(status, "TracerPid").toLongLong();
    f.isMe = pid == ::getpid();
    for (qint64 p = pid; p > 1; p = parentOf(p)) {
        if (parentOf(p) == ::getpid()) {
            f.isMyDescendant = true;
            break;
        }
    }
    return f;
}

QString AttachCheck::refusal(qint64 pid, const Facts &f)
{
    const QString instead =
        QStringLiteral("start it under SocketLab instead: socketlab-cli watch -- COMMAND");
    if (!f.exists)
        return QStringLiteral("there is no process %1 (it may have ended)").arg(pid);
    const QString who = QStringLiteral("process %1 (%2)").arg(pid).arg(f.name);
    if (f.isMe)
        return QStringLiteral("%1 is this watcher itself").arg(who);
    if (f.tracer != 0)
        return QStringLiteral("%1 is already traced by process %2 (a debugger or strace?), and a "
                              "process has one tracer at a time")
            .arg(who)
            .arg(f.tracer);
    if (f.owner != f.me && !f.mayTraceAny)
        return QStringLiteral("%1 belongs to user %2, and you may watch only your own programs")
            .arg(who, f.ownerName);
    if (f.ptraceScope >= 3)
        return QStringLiteral("this system allows no attaching at all (kernel.yama.ptrace_scope "
                              "is 3 until the next boot); %1")
            .arg(instead);
    if (f.ptraceScope == 2 && !f.mayTraceAny)
        return QStringLiteral("this system lets only an administrator attach "
                              "(kernel.yama.ptrace_scope is 2); %1")
            .arg(instead);
    if (f.ptraceScope == 1 && !f.mayTraceAny && !f.isMyDescendant)
        return QStringLiteral("this system lets a program be watched only by the program that "
                              "started it (kernel.yama.ptrace_scope is 1); %1, or allow "
                              "attaching until the next boot with: sudo sysctl "
                              "kernel.yama.ptrace_scope=0")
            .arg(instead);
    return QString();
}
