// SPDX-License-Identifier: MIT
#include "ReplayController.h"

#include "ReplayBar.h"
#include "SessionLogView.h"

#include <QFileInfo>

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
    m_source.setRecording(replay, QFileInfo(path).fileName());
    m_replaying = true;
    m_views.showSource(&m_source);
    m_views.bar->start(QFileInfo(path).fileName(), replay.count());
    m_views.bar->show();
    showPosition(0);
    return true;
}

void ReplayController::showPosition(int position)
{
    m_views.bar->setPosition(position);
    position = m_views.bar->position();
    // The panes read the sockets as they were then; the log and diagram take the step (or
    // start again from the recording's start after a jump).
    m_source.setPosition(position);
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
    m_views.showSource(m_views.live);
}
