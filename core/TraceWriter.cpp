#include "TraceWriter.h"

#include "TraceFormat.h"

TraceWriter::TraceWriter(qint64 perEventCap, qint64 totalCap)
    : m_perEventCap(perEventCap), m_totalCap(totalCap)
{
}

bool TraceWriter::open(const QString &path)
{
    m_file.setFileName(path);
    return m_file.open(QIODevice::WriteOnly | QIODevice::Truncate);
}

void TraceWriter::write(const SocketEvent &event)
{
    if (!m_file.isOpen())
        return;
    const qint64 room = qMax<qint64>(0, qMin(m_perEventCap, m_totalCap - m_dataWritten));
    const qint64 kept = qMin<qint64>(room, event.data.size());
    m_dataWritten += kept;
    m_file.write(TraceFormat::toLine(event, kept));
    m_file.flush();
}

void TraceWriter::close()
{
    m_file.close();
}
