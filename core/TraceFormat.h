#pragma once

#include "SocketEvent.h"

#include <QByteArray>
#include <QJsonObject>

// The trace file format (docs/trace-format.md): one JSON object per event, one per line.
class TraceFormat
{
public:
    // data_hex holds at most maxDataBytes of the event's data; the rest is counted in
    // bytes_not_kept.
    static QJsonObject toJson(const SocketEvent &event, qint64 maxDataBytes);
    static QByteArray toLine(const SocketEvent &event, qint64 maxDataBytes);
};
