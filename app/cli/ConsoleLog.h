#pragma once

#include "TraceWriter.h"

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

private:
    void onEvent(const SocketEvent &event);
    void flush();

    FILE *m_out;
    bool m_flushQueued = false;
    std::unique_ptr<TraceWriter> m_trace;
};
