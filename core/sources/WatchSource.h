// SPDX-License-Identifier: MIT
#pragma once

#include "sources/SocketSource.h"

#include <QHash>
#include <QTimer>

#include <memory>
#include <thread>

class ProgramTracer;
class QSocketNotifier;
class SessionClock;
class SocketNaming;

// A program SocketLab runs and watches (ProgramTracer), as a source: its sockets and calls,
// read-only, on the session's clock, beside the live session's. The tracer runs on a thread
// of its own, since it waits for the program; events come here as values. The program gets a
// pseudo-terminal whose output is passed on as text and whose input is the pane's input line.
// A call that has not returned after blockedAfterMs is shown blocked, as SocketLab's own are.
class WatchSource : public SocketSource
{
    Q_OBJECT
public:
    static constexpr int blockedAfterMs = 200;

    // Sockets are named from naming as the course names them: accepted ones conn, the others
    // by role (server_socket for a program in the server pane, client_socket in the client
    // pane), since a socket's role is not known when socket() returns; in the server pane
    // they are the server's from their first call.
    WatchSource(const SessionClock *clock, SocketNaming *naming, SocketRole role,
                QObject *parent = nullptr);
    ~WatchSource() override;

    // Starts the program. False with *error when it cannot (no pseudo-terminal); a program
    // that cannot be found or watched ends at once with status 125 (finished).
    bool start(const QString &program, const QStringList &arguments, const QString &directory,
               QString *error);
    // Ends the program: a watched program cannot go on without its watcher.
    void stop();
    bool isRunning() const { return m_running; }
    // Typed into the program's terminal.
    void writeInput(const QByteArray &bytes);
    QString commandLine() const;
    // The program's process id once it runs (-1 before).
    qint64 pid() const;

    QString description() const override;
    bool acceptsCalls() const override { return false; }
    bool contains(const QString &id) const override { return m_sockets.contains(id); }
    SocketInfo socket(const QString &id) const override { return m_sockets.value(id); }
    QStringList socketIds() const override { return m_order; }

signals:
    void output(const QString &text);
    // status as ProgramTracer::run gives it; ending in words (ProgramEnding).
    void finished(int status, const QString &ending);

private:
    void onTracedEvent(SocketEvent event);
    void name(SocketEvent *event);
    void markBlocked();
    void readOutput();
    // The kernel's state of the program's open TCP sockets (SocketInodes), twice a second.
    void sampleKernel();
    void onFinished(int status, const QString &error);

    const SessionClock *m_clock;
    SocketNaming *m_naming;
    SocketRole m_role;
    QString m_program;
    QStringList m_arguments;
    std::unique_ptr<ProgramTracer> m_tracer;
    std::thread m_thread; // runs the tracer
    int m_master = -1;
    int m_slave = -1;
    QSocketNotifier *m_notifier = nullptr;
    QString m_outputTail; // for the traceback at the end
    QByteArray m_partial; // an incomplete UTF-8 sequence at the end of a read
    bool m_running = false;
    qint64 m_seq = 0;
    QHash<QString, SocketInfo> m_sockets;
    QStringList m_order;
    QHash<QString, SocketEvent> m_waiting; // calls started and not returned, by socket
    QTimer m_blockedTimer;
    QTimer m_tableTimer;
    QTimer m_kernelTimer;
    QHash<QString, quint64> m_inodes; // socket id → its inode, read while its descriptor was new
};
