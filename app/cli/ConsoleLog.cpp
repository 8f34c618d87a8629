// SPDX-License-Identifier: MIT
#include "ConsoleLog.h"

#include "present/EventText.h"
#include "present/PythonForm.h"
#include "session/EventLog.h"
#include "session/SocketSession.h"
#include "trace/TraceFormat.h"

ConsoleLog::ConsoleLog(SocketSession *session, FILE *out, QObject *parent)
    : QObject(parent), m_session(session), m_out(out)
{
    connect(session, &SocketSession::eventOccurred, this, &ConsoleLog::onEvent);
}

ConsoleLog::~ConsoleLog()
{
    std::fflush(m_out);
}

bool ConsoleLog::openTrace(const QString &path)
{
    m_trace = std::make_unique<TraceWriter>(EventLog::defaultPerEventCap, EventLog::defaultTotalCap,
                                            TraceFormat::maxFileBytes);
    if (!m_trace->open(path)) {
        std::fprintf(stderr, "socketlab-cli: cannot write trace %s: %s\n", qPrintable(path),
                     qPrintable(m_trace->errorString()));
        m_trace.reset();
        return false;
    }
    return true;
}

qint64 ConsoleLog::dataReadPerEvent() const
{
    // One byte past the preview, so a line still shows that the data went on.
    return m_trace ? EventLog::defaultPerEventCap : PythonForm::previewBytes + 1;
}

void ConsoleLog::onEvent(const SocketEvent &event)
{
    QByteArray line = EventText::line(event).toUtf8();
    line += '\n';
    std::fwrite(line.constData(), 1, size_t(line.size()), m_out);
    // One flush for all the lines of this pass of the event loop, the trace's too: lines
    // still appear at once, but a flood no longer costs a write() per line (a third of
    // serve's time).
    if (!m_flushQueued) {
        m_flushQueued = true;
        QMetaObject::invokeMethod(this, &ConsoleLog::flush, Qt::QueuedConnection);
    }
    if (m_trace) {
        m_trace->write(event);
        if (!m_trace->problem().isEmpty())
            reportTraceProblem();
    }
}

void ConsoleLog::reportTraceProblem()
{
    if (m_traceProblemReported)
        return;
    m_traceProblemReported = true;
    std::fprintf(stderr, "socketlab-cli: %s\n", qPrintable(m_trace->problem()));
}

int ConsoleLog::endSession(int exitCode)
{
    m_session->closeAllAndDrain();
    flush();
    if (!m_trace)
        return exitCode;
    const bool written = m_trace->close();
    if (!m_trace->problem().isEmpty())
        reportTraceProblem();
    return written ? exitCode : qMax(exitCode, 1);
}

void ConsoleLog::flush()
{
    m_flushQueued = false;
    std::fflush(m_out);
    if (m_trace) {
        m_trace->flush();
        if (!m_trace->problem().isEmpty())
            reportTraceProblem();
    }
}
