// SPDX-License-Identifier: MIT
#include "watch/SocketInodes.h"

#include "calls/ProcNetTable.h"

#include <QFile>

#include <climits>
#include <unistd.h>

quint64 SocketInodes::inodeOf(qint64 pid, int fd)
{
    const QByteArray link =
        QByteArray("/proc/") + QByteArray::number(pid) + "/fd/" + QByteArray::number(fd);
    char target[64];
    const ssize_t n = ::readlink(link.constData(), target, sizeof target - 1);
    if (n <= 0)
        return 0;
    const QByteArrayView text(target, n);
    if (!text.startsWith("socket:[") || !text.endsWith(']'))
        return 0;
    return text.sliced(8, text.size() - 9).toByteArray().toULongLong();
}

void SocketInodes::readTable(QByteArrayView text, const QSet<quint64> &inodes,
                             QHash<quint64, KernelSample> *states)
{
    qsizetype start = text.indexOf('\n') + 1; // past the header
    while (start > 0 && start < text.size()) {
        qsizetype end = text.indexOf('\n', start);
        if (end < 0)
            end = text.size();
        const QByteArrayView line = text.sliced(start, end - start);
        start = end + 1;
        const quint64 inode =
            ProcNetTable::field(line, ProcNetTable::Inode).toByteArray().toULongLong();
        if (inode == 0 || !inodes.contains(inode))
            continue;
        // "tx_queue:rx_queue", in hex, between the state and the timer.
        const QByteArrayView queues = ProcNetTable::field(line, ProcNetTable::State + 1);
        const qsizetype colon = queues.indexOf(':');
        KernelSample k;
        k.source = KernelSample::Source::ProcTable;
        k.state =
            int(ProcNetTable::field(line, ProcNetTable::State).toByteArray().toUInt(nullptr, 16));
        if (colon > 0) {
            k.sendQueue = qint64(queues.first(colon).toByteArray().toULongLong(nullptr, 16));
            k.receiveQueue =
                qint64(queues.sliced(colon + 1).toByteArray().toULongLong(nullptr, 16));
        }
        states->insert(inode, k);
    }
}

QHash<quint64, KernelSample> SocketInodes::tcpStates(const QSet<quint64> &inodes)
{
    QHash<quint64, KernelSample> states;
    if (inodes.isEmpty())
        return states;
    for (const char *path : {"/proc/net/tcp", "/proc/net/tcp6"}) {
        QFile file(QString::fromLatin1(path));
        if (file.open(QIODevice::ReadOnly))
            readTable(file.readAll(), inodes, &states);
    }
    return states;
}
