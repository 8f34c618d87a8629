// SPDX-License-Identifier: MIT
#include "lookup/PortOwners.h"

#include "calls/ProcNetTable.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>

#include <unistd.h>

namespace {
// The kernel's TCP states by number (include/net/tcp_states.h).
QString stateName(int state, bool udp)
{
    static const char *const names[] = {"",           "ESTABLISHED", "SYN_SENT",  "SYN_RECV",
                                        "FIN_WAIT1",  "FIN_WAIT2",   "TIME_WAIT", "CLOSE",
                                        "CLOSE_WAIT", "LAST_ACK",    "LISTEN",    "CLOSING"};
    if (udp) // a bound UDP socket is CLOSE (7) unless connected
        return state == 1 ? QStringLiteral("ESTABLISHED") : QStringLiteral("UNCONN");
    return state > 0 && state < 12 ? QString::fromLatin1(names[state]) : QString::number(state);
}

// The programs that hold these socket inodes, from the fd links of every process we may read.
QHash<quint64, qint64> holders(const QSet<quint64> &inodes)
{
    QHash<quint64, qint64> pids;
    if (inodes.isEmpty())
        return pids;
    const QStringList processes = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs);
    for (const QString &name : processes) {
        bool isPid = false;
        const qint64 pid = name.toLongLong(&isPid);
        if (!isPid)
            continue;
        const QDir fds(QStringLiteral("/proc/%1/fd").arg(name));
        for (const QString &fd : fds.entryList(QDir::System | QDir::NoDotAndDotDot)) {
            const QString target = QFileInfo(fds.filePath(fd)).symLinkTarget();
            // "socket:[12345]", which symLinkTarget makes an absolute path.
            const qsizetype open = target.lastIndexOf(QLatin1String("socket:["));
            if (open < 0)
                continue;
            const quint64 inode = target.mid(open + 8).chopped(1).toULongLong();
            if (inodes.contains(inode))
                pids.insert(inode, pid);
        }
    }
    return pids;
}

QString commandLine(qint64 pid)
{
    QFile file(QStringLiteral("/proc/%1/cmdline").arg(pid));
    if (!file.open(QIODevice::ReadOnly))
        return QString();
    const QString text = QString::fromLocal8Bit(file.read(4096).replace('\0', ' ')).simplified();
    // One line in a message: a long command (python3 -c '…') is cut.
    return text.size() > 80 ? text.left(79) + QChar(0x2026) : text;
}
} // namespace

QVector<PortOwners::Entry> PortOwners::parseTable(const QByteArray &table, const QString &protocol,
                                                  quint16 port, uint ownUid)
{
    QVector<Entry> entries;
    const bool ipv6 = protocol.endsWith(QLatin1Char('6'));
    const bool udp = protocol.startsWith(QLatin1String("udp"));
    const QList<QByteArray> lines = table.split('\n');
    for (qsizetype i = 1; i < lines.size(); ++i) { // the first line names the columns
        const QByteArrayView line(lines.at(i));
        const SocketAddress local =
            ProcNetTable::address(ProcNetTable::field(line, ProcNetTable::Local), ipv6);
        if (!local.isValid() || local.port() != port)
            continue;
        Entry e;
        e.protocol = protocol;
        e.local = local.display();
        const int state =
            ProcNetTable::field(line, ProcNetTable::State).toByteArray().toInt(nullptr, 16);
        e.state = stateName(state, udp);
        e.uid = ProcNetTable::field(line, ProcNetTable::Uid).toByteArray().toUInt();
        e.inode = ProcNetTable::field(line, ProcNetTable::Inode).toByteArray().toULongLong();
        e.ownUser = e.uid == ownUid;
        // "tr:when": a TIME_WAIT timer (3) and its jiffies left, in USER_HZ (100 a second).
        const QByteArray timer = ProcNetTable::field(line, ProcNetTable::Timer).toByteArray();
        const qsizetype colon = timer.indexOf(':');
        if (state == 6 && colon > 0)
            e.secondsLeft = int(timer.mid(colon + 1).toLongLong(nullptr, 16) / 100);
        entries << e;
    }
    return entries;
}

QVector<PortOwners::Entry> PortOwners::of(quint16 port, bool findPrograms)
{
    QVector<Entry> entries;
    for (const QString &protocol : {QStringLiteral("tcp"), QStringLiteral("tcp6"),
                                    QStringLiteral("udp"), QStringLiteral("udp6")}) {
        QFile file(QStringLiteral("/proc/net/") + protocol);
        if (file.open(QIODevice::ReadOnly))
            entries += parseTable(file.readAll(), protocol, port, ::getuid());
    }
    if (!findPrograms)
        return entries;
    QSet<quint64> inodes;
    for (const Entry &e : std::as_const(entries)) {
        if (e.inode != 0)
            inodes.insert(e.inode);
    }
    const QHash<quint64, qint64> pids = holders(inodes);
    for (Entry &e : entries) {
        e.pid = pids.value(e.inode, -1);
        if (e.pid >= 0)
            e.command = commandLine(e.pid);
    }
    return entries;
}

QString PortOwners::describe(const Entry &e)
{
    if (e.state == QLatin1String("TIME_WAIT"))
        return e.secondsLeft >= 0 ? tr("TIME_WAIT, %1 s left").arg(e.secondsLeft) : tr("TIME_WAIT");
    QString who;
    if (e.pid >= 0)
        who = e.command.isEmpty() ? tr("PID %1").arg(e.pid)
                                  : tr("PID %1 (%2)").arg(e.pid).arg(e.command);
    else if (!e.ownUser)
        who = tr("another user's program");
    else
        who = tr("a program of yours");
    return tr("%1, %2").arg(who, e.state);
}

bool PortOwners::isHeld(const QVector<Entry> &entries)
{
    for (const Entry &e : entries) {
        if (e.inode != 0)
            return true;
    }
    return false;
}

QString PortOwners::inUseHint(const QString &address, const QVector<Entry> &entries)
{
    for (const Entry &e : entries) {
        if (e.inode != 0)
            return tr("%1 is held by %2. SO_REUSEADDR cannot help while that socket is open: "
                      "close it (stop that program), or pick another port.")
                .arg(address, describe(e));
    }
    for (const Entry &e : entries) {
        if (e.state == QLatin1String("TIME_WAIT"))
            return tr("No program holds %1, but the kernel still remembers a closed connection "
                      "on it (%2). Set SO_REUSEADDR before bind, wait, or pick another port.")
                .arg(address, describe(e));
    }
    return QString();
}

quint16 PortOwners::firstFreeFrom(quint16 first)
{
    for (uint port = first; port <= 65535; ++port) {
        if (of(quint16(port), false).isEmpty())
            return quint16(port);
    }
    return 0;
}
