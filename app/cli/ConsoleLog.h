// SPDX-License-Identifier: MIT
#pragma once

#include "trace/TraceWriter.h"

#include <QObject>

#include <cstdio>
#include <memory>

class SocketSession;
struct SocketEvent;

// Prints every event of a session, worded as in the GUI log, and writes the trace file.
class ConsoleLog : public QObject
{
    Q_OBJECT
public:
    ConsoleLog(SocketSession *session, FILE *out, QObject *parent = nullptr);
    ~ConsoleLog() override;

    // False (with a message on stderr) if the file cannot be written.
    bool openTrace(const QString &path);
    // How much of each event's data this log reads: a line's preview, or what the trace
    // keeps (see SocketSession::setEventDataLimit).
    qint64 dataReadPerEvent() const;
    // The one way a console command ends: closes every socket, prints and traces every
    // event that is still on its way, closes the trace, and returns the exit code: the
    // command's own, or 1 when the trace lost events through an error (said on stderr).
    int endSession(int exitCode);

private:
    void onEvent(const SocketEvent &event);
    void flush();

    void reportTraceProblem();

    SocketSession *m_session;
    FILE *m_out;
    bool m_traceProblemReported = false;
    bool m_flushQueued = false;
    std::unique_ptr<TraceWriter> m_trace;
};
