// SPDX-License-Identifier: MIT
#include "watch/SocketInodes.h"

#include <QByteArray>
#include <QByteArrayView>

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
