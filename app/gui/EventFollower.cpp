// SPDX-License-Identifier: MIT
#include "EventFollower.h"

#include "ByteView.h"
#include "CodeView.h"
#include "SequenceDiagramView.h"
#include "SessionLogView.h"
#include "TcpStateView.h"
#include "calls/SocketName.h"
#include "present/PythonForm.h"
#include "session/EventLog.h"
#include "session/FreedMemory.h"
#include "session/SocketSession.h"

#include <algorithm>

EventFollower::EventFollower(const Parts &parts, QObject *parent) : QObject(parent), m_parts(parts)
{
    m_followTimer.setSingleShot(true);
    m_followTimer.setInterval(16);
    connect(&m_followTimer, &QTimer::timeout, this, &EventFollower::followNewest);
    connect(m_parts.session, &SocketSession::eventOccurred, this, &EventFollower::onLiveEvent);
    connect(m_parts.logView, &SessionLogView::eventSelected, this, [this](int row) {
        showEventBytes(row);
        m_parts.diagram->setSelectedSeq(m_parts.log->event(row).seq);
        const QString id = m_parts.log->event(row).socketId;
        m_parts.states->showSocket(showsLive() ? liveSocket(id) : m_shown->socket(id));
    });
    connect(m_parts.diagram, &SequenceDiagramView::eventSelected, this, [this](qint64 seq) {
        const int row = m_parts.log->rowOfSeq(seq);
        if (row >= 0)
            m_parts.logView->selectLogRow(row);
    });
    show(m_parts.session);
}

bool EventFollower::showsLive() const
{
    return m_shown == m_parts.session;
}

void EventFollower::show(SocketSource *source)
{
    const bool wasLive = showsLive();
    for (const QMetaObject::Connection &c : std::as_const(m_sourceConnections))
        disconnect(c);
    m_sourceConnections.clear();
    if (wasLive && source != m_parts.session) {
        m_liveAside = m_parts.log->events();
        m_liveAsideBytes = 0;
        for (const SocketEvent &e : std::as_const(m_liveAside))
            m_liveAsideBytes += e.data.size();
    }
    m_shown = source;
    if (source == m_parts.session) {
        if (!wasLive) {
            rebuild(m_liveAside);
            m_liveAside.clear();
            m_liveAsideBytes = 0;
        }
        // Live events come through the constructor's connection, which keeps them aside too.
    } else {
        m_sourceConnections << connect(source, &SocketSource::eventOccurred, this,
                                       &EventFollower::onEvent);
        // A jump: the log and diagram start again from the source's history.
        m_sourceConnections << connect(source, &SocketSource::tableReset, this, [this] {
            if (m_parts.log->count() != m_shown->history().size())
                rebuild(m_shown->history());
        });
        rebuild(source->history());
    }
    m_sourceConnections << connect(
        source, &SocketSource::socketChanged, this, [this](const SocketInfo &info) {
            if (info.id == m_parts.states->socketId() || m_parts.states->socketId().isEmpty())
                m_parts.states->showSocket(info);
        });
    m_sourceConnections << connect(source, &SocketSource::socketForgotten, this,
                                   [this](const QString &id) {
                                       m_parts.logView->forgetSocket(id);
                                       m_parts.states->forgetSocket(id);
                                   });
}

void EventFollower::follow(SocketSource *source)
{
    m_followed.append(source);
    connect(source, &SocketSource::eventOccurred, this, &EventFollower::onLiveEvent);
    connect(source, &SocketSource::socketChanged, this, [this](const SocketInfo &info) {
        if (showsLive() && info.id == m_parts.states->socketId())
            m_parts.states->showSocket(info);
    });
}

void EventFollower::letGo(SocketSource *source)
{
    m_followed.removeAll(source);
    disconnect(source, nullptr, this, nullptr);
}

void EventFollower::onLiveEvent(SocketEvent event)
{
    // Each source numbers its own events; the log and diagram find events by number, so the
    // merged stream keeps its numbers rising.
    if (event.seq <= m_lastLiveSeq)
        event.seq = m_lastLiveSeq + 1;
    m_lastLiveSeq = event.seq;
    if (showsLive())
        onEvent(event);
    else
        keepAside(event);
}

SocketInfo EventFollower::liveSocket(const QString &id) const
{
    if (m_parts.session->contains(id))
        return m_parts.session->socket(id);
    for (const SocketSource *source : m_followed) {
        if (source->contains(id))
            return source->socket(id);
    }
    return {};
}

void EventFollower::rebuild(const QVector<SocketEvent> &events)
{
    m_parts.log->clear();
    m_parts.diagram->clear();
    for (const SocketEvent &e : events) {
        m_parts.log->append(e);
        m_parts.diagram->addEvent(e);
    }
    m_newestEnded = -1;
}

void EventFollower::keepAside(const SocketEvent &event)
{
    // Live sockets go on while a replay is shown; their data stays within the log's caps so
    // a flood meanwhile cannot fill memory.
    SocketEvent kept = event;
    const qint64 room = qMax<qint64>(0, EventLog::defaultTotalCap - m_liveAsideBytes);
    const qint64 keep = std::min({qint64(kept.data.size()), EventLog::defaultPerEventCap, room});
    if (keep < kept.data.size()) {
        kept.bytesNotKept += kept.data.size() - keep;
        kept.data.truncate(int(keep));
    }
    m_liveAsideBytes += keep;
    m_liveAside.append(kept);
}

void EventFollower::onEvent(const SocketEvent &event)
{
    m_parts.log->append(event);
    m_parts.diagram->addEvent(event);
    if (showsLive())
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
        tr("%1 → %2").arg(PythonForm::statement(newest), PythonForm::outcome(newest)));
    const QString id = newest.socketId;
    const SocketInfo socket = showsLive() ? liveSocket(id) : m_shown->socket(id);
    if (!socket.id.isEmpty())
        m_parts.states->showSocket(socket);
}

void EventFollower::showEventBytes(int logRow)
{
    if (logRow < 0 || logRow >= m_parts.log->count())
        return;
    const SocketEvent &e = m_parts.log->event(logRow);
    if (e.phase == CallPhase::Returned || e.phase == CallPhase::Failed)
        m_parts.code->showSession(m_parts.log->events(), logRow);
    if (e.data.isEmpty() && e.bytesNotKept == 0)
        return;
    const QString what = e.call == SocketCall::Recv ? tr("%1 received").arg(SocketName::of(e))
                                                    : tr("%1 sent").arg(SocketName::of(e));
    m_parts.bytes->setBytes(e.data, QStringLiteral("%1  (%2)").arg(what, PythonForm::statement(e)),
                            e.bytesNotKept);
}
