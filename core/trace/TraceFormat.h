// SPDX-License-Identifier: MIT
#pragma once

#include "calls/SocketEvent.h"

#include <QByteArray>
#include <QJsonObject>
#include <QVector>

// The trace file format (docs/trace-format.md): one JSON object per event, one per line.
class TraceFormat
{
public:
    // data_hex holds at most maxDataBytes of the event's data; the rest is counted in
    // bytes_not_kept.
    static QJsonObject toJson(const SocketEvent &event, qint64 maxDataBytes);
    static QByteArray toLine(const SocketEvent &event, qint64 maxDataBytes);

    // The way back, for replay and export. False, with a reason, for a line that is not a
    // trace event; unknown fields are ignored.
    static bool fromLine(const QByteArray &line, SocketEvent *event, QString *error);
    // Every event of a trace file; false with "line N: reason" on the first bad line, for
    // a file that is not a regular one (a FIFO would never end) or is over maxFileBytes.
    // A damaged last line (a trace cut off by a crash or a full disk) is not fatal: the
    // events before it are read, and *warning says what was left out.
    static bool readFile(const QString &path, QVector<SocketEvent> *events, QString *error,
                         QString *warning);

    // Written as "v" on every line. 1: no "v" (before socket names); 2: names, and the ids
    // of a watched program's sockets. A reader refuses a line of a later version.
    static constexpr int version = 2;

    // The most a trace file may hold: the writer stops there, the readers refuse more.
    static constexpr qint64 maxFileBytes = 256LL * 1024 * 1024;

    // About 31 years of session time: anything later is not from a real session.
    static constexpr double maxTimeMs = 1e12;
    // A watched program's file name or source line longer than this is cut when read.
    static constexpr int maxSourceText = 1000;
};
