#include "EventFollower.h"

#include "ByteView.h"
#include "CodeView.h"
#include "ReplayController.h"
#include "SequenceDiagramView.h"
#include "SessionLogView.h"
#include "TcpStateView.h"
#include "present/PythonForm.h"
#include "session/EventLog.h"
#include "session/FreedMemory.h"
#include "session/SocketSession.h"

EventFollower::EventFollower(const Parts &parts, QObject *parent) : QObject(parent), m_parts(parts)
{
    m_followTimer.setSingleShot(true);
    m_followTimer.setInterval(16);
    connect(&m_followTimer, &QTimer::timeout, this, &EventFollower::followNewest);
    connect(m_parts.session, &SocketSession::eventOccurred, this, &EventFollower::onEvent);
    connect(m_parts.logView, &SessionLogView::eventSelected, this, [this](int row) {
        showEventBytes(row);
        m_parts.diagram->setSelectedSeq(m_parts.log->event(row).seq);
        m_parts.states->showSocket(m_parts.session->socket(m_parts.log->event(row).socketId));
    });
    connect(m_parts.session, &SocketSession::socketChanged, this, [this](const SocketInfo &info) {
        if (info.id == m_parts.states->socketId() || m_parts.states->socketId().isEmpty())
            m_parts.states->showSocket(info);
    });
    connect(m_parts.session, &SocketSession::socketForgotten, this, [this](const QString &id) {
        m_parts.logView->forgetSocket(id);
        m_parts.states->forgetSocket(id);
    });
    connect(m_parts.diagram, &SequenceDiagramView::eventSelected, this, [this](qint64 seq) {
        const int row = m_parts.log->rowOfSeq(seq);
        if (row >= 0)
            m_parts.logView->selectLogRow(row);
    });
}

void EventFollower::onEvent(const SocketEvent &event)
{
    // During a replay the live events wait until it is closed.
    if (m_parts.replayer->holdBack(event))
        return;
    m_parts.log->append(event);
    m_parts.diagram->addEvent(event);
    keepHistoryBounded();
    // The byte, code and state views follow the newest call. They are redrawn at most once a
    // frame: a flood brings thousands of events a second, and nobody reads them that fast.
    if (event.phase == CallPhase::Returned || event.phase == CallPhase::Failed) {
        m_newestEnded = m_parts.log->count() - 1;
        if (!m_followTimer.isActive())
            m_followTimer.start();
    }
}

void EventFollower::keepHistoryBounded()
{
    // A server left running for days: the log keeps its newest events and the diagram its
    // newest rows, dropped in chunks so the work is rare. (Save Session says what is gone.)
    if (m_parts.log->count() > maxLogEvents) {
        const int drop = m_parts.log->count() - keptLogEvents;
        m_parts.log->dropOldest(drop);
        m_newestEnded -= drop;
        FreedMemory::returnToSystem();
    }
    if (m_parts.diagram->model().rowCount() > maxDiagramRows) {
        const QVector<SocketEvent> &events = m_parts.log->events();
        const int from = qMax(0, int(events.size()) - keptDiagramEvents);
        m_parts.diagram->restartWith(events.mid(from));
    }
}

void EventFollower::followNewest()
{
    if (m_newestEnded < 0 || m_newestEnded >= m_parts.log->count())
        return;
    showEventBytes(m_newestEnded);
    const SocketEvent &newest = m_parts.log->event(m_newestEnded);
    m_parts.diagram->announce(
        tr("%1: %2 → %3")
            .arg(newest.socketId, PythonForm::statement(newest), PythonForm::outcome(newest)));
    const QString id = newest.socketId;
    if (m_parts.session->contains(id))
        m_parts.states->showSocket(m_parts.session->socket(id));
}

void EventFollower::showEventBytes(int logRow)
{
    if (logRow < 0 || logRow >= m_parts.log->count())
        return;
    const SocketEvent &e = m_parts.log->event(logRow);
    if (e.phase == CallPhase::Returned || e.phase == CallPhase::Failed)
        m_parts.code->showEvent(e);
    if (e.data.isEmpty() && e.bytesNotKept == 0)
        return;
    const QString what = e.call == SocketCall::Recv ? tr("%1 received").arg(e.socketId)
                                                    : tr("%1 sent").arg(e.socketId);
    m_parts.bytes->setBytes(e.data, QStringLiteral("%1  (%2)").arg(what, PythonForm::statement(e)),
                            e.bytesNotKept);
}
