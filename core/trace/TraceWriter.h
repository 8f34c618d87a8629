// SPDX-License-Identifier: MIT
#pragma once

#include "calls/SocketEvent.h"

#include <QFile>
#include <QString>

// Appends events to a JSON Lines trace file, with the same memory caps as the log so a
// long flood cannot fill the disk with data, and a cap on the file itself (a flood of
// one-byte sends is mostly per-event text). A trace that lost events says so: the first
// write error or the file cap is kept in problem(), for the owner to report and exit on.
class TraceWriter
{
public:
    TraceWriter(qint64 perEventCap, qint64 totalCap, qint64 fileCap);
    // False, with errorString(), when the file cannot be opened.
    bool open(const QString &path);
    // Buffered: the lines reach the file at flush() (a write(2) per line was a sixth of
    // serve --trace's time in a flood).
    void write(const SocketEvent &event);
    // Owners flush once per burst of events (ConsoleLog: per pass of the event loop), so a
    // crash or a kill loses at most that burst.
    void flush();
    // Flushes and closes; false when anything could not be written.
    bool close();
    QString errorString() const { return m_file.errorString(); }
    // Why events are missing from the file (a write error, or the file cap), or empty.
    const QString &problem() const { return m_problem; }
    // True when the events are missing because of an error (not the documented cap).
    bool failed() const { return m_failed; }

private:
    void stop(const QString &problem, bool failed);

    QFile m_file;
    qint64 m_perEventCap;
    qint64 m_totalCap;
    qint64 m_fileCap;
    qint64 m_dataWritten = 0;
    qint64 m_fileWritten = 0;
    qint64 m_lastSeq = 0;
    QString m_problem;
    bool m_failed = false;
};
