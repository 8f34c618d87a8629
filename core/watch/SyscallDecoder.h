// SPDX-License-Identifier: MIT
#pragma once

#include "calls/SocketEvent.h"
#include "calls/SocketRole.h"
#include "watch/SocketDiag.h"

#include <QByteArray>
#include <QHash>

#include <array>
#include <functional>
#include <optional>
#include <utility>
#include <vector>

// Turns a watched program's system calls into the events SocketLab shows for its own sockets:
// socket(2) becomes "sock_3 = socket.socket(…)", sendto without an address a send, read on a
// socket a recv. It keeps each process's table of socket descriptors, so calls on files and
// the terminal are left out and a descriptor used again is a new socket. Plain data in and out
// (the tracer reads the program's memory for it), so it is tested without a program.
class SyscallDecoder
{
public:
    using Arguments = std::array<quint64, 6>;
    // Bytes of the process's memory (empty when they cannot be read).
    using ReadMemory = std::function<QByteArray(int pid, quint64 address, qint64 length)>;

    // Bytes kept per call, as the window's log keeps them.
    static constexpr qint64 keptBytes = 64 * 1024;

    // The line of the program a thread is at (PythonFrames), asked when a call is shown.
    using Locate = std::function<SourceLocation(int pid, int tid)>;

    explicit SyscallDecoder(ReadMemory read, Locate locate = {})
        : m_read(std::move(read)), m_locate(std::move(locate))
    {
    }

    // A thread of process tgid entered system call nr: the "started" event of a call SocketLab
    // shows, or nothing (a file's read, a call on no socket).
    std::optional<SocketEvent> enter(int tgid, int tid, int nr, const Arguments &args, double tMs);
    // The same thread's call returned ret (a negative errno when it failed).
    std::optional<SocketEvent> leave(int tgid, int tid, qint64 ret, double tMs);

    // Whether the thread's call needs its return seen (a socket's call, a close or dup that
    // changes the table); a file's read does not.
    bool awaitsReturn(int tid) const { return m_pending.contains(tid); }
    // A socket the process had before the watcher attached, as the kernel lists it: a socket()
    // that returned, marked "existing", with its addresses and state in its arguments.
    SocketEvent existing(int tgid, int fd, SocketRole role, const SocketDiag::Entry &entry,
                         double tMs);
    // A process was forked: the child starts with its parent's descriptors.
    void forked(int parent, int child);
    void exited(int tgid);

private:
    struct Socket
    {
        QString id;
        QString name;
        SocketRole role = SocketRole::Client;
        int family = 0;
    };
    struct Pending
    {
        int nr = -1;
        Arguments args{};
        SocketEvent started;
        bool shown = false;
        bool restarting = false; // returned for the kernel to start it again
    };
    using Table = QHash<int, Socket>; // descriptor → socket

    // Where a data call's bytes are: one buffer, or the pieces of an iovec array (readv,
    // writev, sendmsg, recvmsg), and the address a sendto or sendmsg names.
    struct Buffers
    {
        std::vector<std::pair<quint64, qint64>> pieces; // address, length
        qint64 size = 0;
        quint64 toAddress = 0;
        quint64 addressLength = 0;
    };
    Buffers buffers(int pid, int nr, const Arguments &args) const;
    QByteArray gather(int pid, const Buffers &b, qint64 limit) const;
    Socket &adopt(int tgid, int fd, SocketRole role, int family);
    SocketEvent event(int tgid, const Socket &s, SocketCall call, double tMs) const;
    QVariantMap address(int pid, quint64 where, quint64 length) const;

    ReadMemory m_read;
    Locate m_locate;
    QHash<int, Table> m_tables;    // per process
    QHash<int, Pending> m_pending; // per thread, between entry and return
    qint64 m_serial = 0;
    qint64 m_seq = 0;
};
