// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QString>

// A socket option a student can set with setsockopt, as Python names it, with what it
// does. SocketLab reads the value back with getsockopt, so the kernel's own answer shows
// (Linux doubles SO_RCVBUF, for one).
struct SocketOption
{
    enum class Kind
    {
        Flag,    // 0 or 1
        Bytes,   // a buffer size
        Seconds, // SO_LINGER: -1 turns lingering off; 0 makes close send RST
    };

    QString name;      // "SO_REUSEADDR"
    QString levelName; // "SOL_SOCKET"
    int level = 0;
    int optname = 0;
    Kind kind = Kind::Flag;
    int defaultValue = 1;
    QString meaning;

    static const QList<SocketOption> &all();
    // nullptr for a name SocketLab does not offer.
    static const SocketOption *find(const QString &name);
};
