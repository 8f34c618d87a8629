#include "ReplayController.h"

#include "ClientPane.h"
#include "ReplayBar.h"
#include "SequenceDiagramView.h"
#include "ServerPane.h"
#include "SessionLogView.h"
#include "session/EventLog.h"

#include <QFileInfo>

#include <algorithm>

ReplayController::ReplayController(const Views &views, QObject *parent)
    : QObject(parent), m_views(views)
{
    connect(m_views.bar, &ReplayBar::positionRequested, this, &ReplayController::showPosition);
    connect(m_views.bar, &ReplayBar::closeRequested, this, &ReplayController::close);
}

bool ReplayController::open(const QString &path, QString *error)
{
    TraceReplay replay;
    if (!replay.load(path, error))
        return false;
    if (!m_replaying) {
        m_liveEvents = m_views.log->events();
        m_liveBytes = 0;
        for (const SocketEvent &e : std::as_const(m_liveEvents))
            m_liveBytes += e.data.size();
        m_replaying = true;
    }
    m_source.setRecording(replay, QFileInfo(path).fileName());
    m_views.server->setSource(&m_source);
    m_views.client->setSource(&m_source);
    m_views.bar->start(QFileInfo(path).fileName(), replay.count());
    m_views.bar->show();
    showPosition(0);
    return true;
}

void ReplayController::showPosition(int position)
{
    const int previous = m_views.bar->position();
    m_views.bar->setPosition(position);
    position = m_views.bar->position();
    const QVector<SocketEvent> &events = m_source.recording().events();
    if (position == previous + 1 && m_views.log->count() == previous) {
        m_views.log->append(events.at(previous));
        m_views.diagram->addEvent(events.at(previous));
    } else {
        // Backwards (or a jump): the views are rebuilt from the start of the recording.
        m_views.log->clear();
        m_views.diagram->clear();
        for (int i = 0; i < position; ++i) {
            m_views.log->append(events.at(i));
            m_views.diagram->addEvent(events.at(i));
        }
    }
    m_source.setPosition(position); // the panes read the sockets as they were then
    if (position > 0) {
        m_views.logView->selectLogRow(position - 1);
        m_views.showBytes(position - 1);
    }
}

void ReplayController::close()
{
    if (!m_replaying)
        return;
    m_replaying = false;
    m_views.bar->hide();
    m_views.log->clear();
    m_views.diagram->clear();
    for (const SocketEvent &e : std::as_const(m_liveEvents)) {
        m_views.log->append(e);
        m_views.diagram->addEvent(e);
    }
    m_liveEvents.clear();
    m_liveBytes = 0;
    m_views.server->setSource(m_views.live);
    m_views.client->setSource(m_views.live);
}

bool ReplayController::holdBack(const SocketEvent &event)
{
    if (!m_replaying)
        return false;
    // Live sockets go on during a replay; their data stays within the log's caps so a flood
    // meanwhile cannot fill memory.
    SocketEvent kept = event;
    const qint64 room = qMax<qint64>(0, EventLog::defaultTotalCap - m_liveBytes);
    const qint64 keep = std::min({qint64(kept.data.size()), EventLog::defaultPerEventCap, room});
    if (keep < kept.data.size()) {
        kept.bytesNotKept += kept.data.size() - keep;
        kept.data.truncate(int(keep));
    }
    m_liveBytes += keep;
    m_liveEvents.append(kept);
    return true;
}
