// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QString>
#include <QVector>

// Who uses a TCP or UDP port on this machine, as `ss -tulpn` would say: every kernel socket
// whose local port it is (from /proc/net/tcp, tcp6, udp, udp6), its state, how long a
// TIME_WAIT entry has left, and the program holding it where the system shows it (/proc/PID/fd
// of one's own programs; another user's stay "another user's program" unless run as root).
class PortOwners
{
    Q_DECLARE_TR_FUNCTIONS(PortOwners)

public:
    struct Entry
    {
        QString protocol; // tcp, tcp6, udp, udp6
        QString local;    // 127.0.0.1:50000, [::]:50000
        QString state;    // LISTEN, ESTABLISHED, TIME_WAIT, … (UNCONN: a bound UDP socket)
        uint uid = 0;
        quint64 inode = 0;    // 0: no socket holds it any more (TIME_WAIT, the kernel's own)
        int secondsLeft = -1; // TIME_WAIT: until the kernel forgets it
        qint64 pid = -1;      // -1: not known (gone, or another user's)
        QString command;      // its command line, when pid is known
        bool ownUser = true;
    };

    // findPrograms: also look through /proc/PID/fd for the holders (a scan of every process;
    // without it, pid stays -1 and the rest is a read of four small tables).
    static QVector<Entry> of(quint16 port, bool findPrograms = true);
    // The rows of one table (its text as read) whose local port is port; testable as data.
    static QVector<Entry> parseTable(const QByteArray &table, const QString &protocol, quint16 port,
                                     uint ownUid);
    // "PID 4242 (python3 server.py), LISTEN"; "another user's program, LISTEN";
    // "TIME_WAIT, 42 s left".
    static QString describe(const Entry &entry);
    // Whether a program holds the port now (not only a TIME_WAIT memory of one).
    static bool isHeld(const QVector<Entry> &entries);
    // What to tell a student whose bind to address failed with EADDRINUSE, given the port's
    // entries: a live holder (whom SO_REUSEADDR cannot push aside) is not TIME_WAIT (which
    // it can). Empty when the tables show nothing (the generic hint applies).
    static QString inUseHint(const QString &address, const QVector<Entry> &entries);
    // The first port from first on that no socket uses and the kernel does not remember
    // (0 if none up to 65535): where a lesson can bind without SO_REUSEADDR questions.
    static quint16 firstFreeFrom(quint16 first);
};
