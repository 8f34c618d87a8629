#pragma once

#include "SocketEvent.h"

#include <QFile>
#include <QString>

// Appends events to a JSON Lines trace file, with the same memory caps as the log so a
// long flood cannot fill the disk with data.
class TraceWriter
{
public:
    TraceWriter(qint64 perEventCap, qint64 totalCap);
    // False, with errorString(), when the file cannot be opened.
    bool open(const QString &path);
    void write(const SocketEvent &event);
    void close();
    QString errorString() const { return m_file.errorString(); }

private:
    QFile m_file;
    qint64 m_perEventCap;
    qint64 m_totalCap;
    qint64 m_dataWritten = 0;
};
