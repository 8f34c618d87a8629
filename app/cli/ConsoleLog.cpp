#include "ConsoleLog.h"

#include "EventLog.h"
#include "EventText.h"
#include "SocketSession.h"

ConsoleLog::ConsoleLog(SocketSession *session, FILE *out, QObject *parent)
    : QObject(parent), m_out(out)
{
    connect(session, &SocketSession::eventOccurred, this, &ConsoleLog::onEvent);
}

ConsoleLog::~ConsoleLog() = default;

bool ConsoleLog::openTrace(const QString &path)
{
    m_trace =
        std::make_unique<TraceWriter>(EventLog::defaultPerEventCap, EventLog::defaultTotalCap);
    if (!m_trace->open(path)) {
        std::fprintf(stderr, "socketlab-cli: cannot write trace %s: %s\n", qPrintable(path),
                     qPrintable(m_trace->errorString()));
        m_trace.reset();
        return false;
    }
    return true;
}

void ConsoleLog::onEvent(const SocketEvent &event)
{
    std::fprintf(m_out, "%s\n", EventText::line(event).toUtf8().constData());
    std::fflush(m_out);
    if (m_trace)
        m_trace->write(event);
}
