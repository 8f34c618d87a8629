// SPDX-License-Identifier: MIT
#include "trace/TraceWriter.h"

#include "trace/TraceFormat.h"

TraceWriter::TraceWriter(qint64 perEventCap, qint64 totalCap, qint64 fileCap)
    : m_perEventCap(perEventCap), m_totalCap(totalCap), m_fileCap(fileCap)
{
}

bool TraceWriter::open(const QString &path)
{
    m_file.setFileName(path);
    return m_file.open(QIODevice::WriteOnly | QIODevice::Truncate);
}

void TraceWriter::stop(const QString &problem, bool failed)
{
    m_problem = problem;
    m_failed = failed;
    m_file.close();
}

void TraceWriter::write(const SocketEvent &event)
{
    if (!m_file.isOpen())
        return;
    const qint64 room = qMax<qint64>(0, qMin(m_perEventCap, m_totalCap - m_dataWritten));
    const qint64 kept = qMin<qint64>(room, event.data.size());
    const QByteArray line = TraceFormat::toLine(event, kept);
    if (m_fileWritten + line.size() > m_fileCap) {
        stop(QStringLiteral("the trace reached its limit of %1 bytes at event %2; later events "
                            "are not in it")
                 .arg(m_fileCap)
                 .arg(event.seq),
             false);
        return;
    }
    m_dataWritten += kept;
    m_fileWritten += line.size();
    m_lastSeq = event.seq;
    if (m_file.write(line) != line.size())
        stop(QStringLiteral("writing the trace failed at event %1: %2")
                 .arg(event.seq)
                 .arg(m_file.errorString()),
             true);
}

void TraceWriter::flush()
{
    if (m_file.isOpen() && !m_file.flush())
        stop(QStringLiteral("writing the trace failed at event %1: %2")
                 .arg(m_lastSeq)
                 .arg(m_file.errorString()),
             true);
}

bool TraceWriter::close()
{
    if (m_file.isOpen() && !m_file.flush() && m_problem.isEmpty())
        stop(QStringLiteral("writing the trace failed: %1").arg(m_file.errorString()), true);
    m_file.close();
    return !m_failed;
}
