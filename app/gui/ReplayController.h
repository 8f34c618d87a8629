// SPDX-License-Identifier: MIT
#pragma once

#include "sources/ReplaySource.h"

#include <QObject>

#include <functional>

class ReplayBar;
class SessionLogView;

// Shows a saved session without the network, one event at a time: it moves a ReplaySource's
// position from the replay bar, and the window shows that source in its panes and views
// (showSource) until the replay is closed.
class ReplayController : public QObject
{
    Q_OBJECT
public:
    struct Views
    {
        ReplayBar *bar = nullptr;
        SessionLogView *logView = nullptr;
        // The panes and views show this source from now on.
        std::function<void(SocketSource *source)> showSource;
        SocketSource *live = nullptr; // what is shown again when the replay closes
        std::function<void(int logRow)> showBytes;
    };

    ReplayController(const Views &views, QObject *parent = nullptr);

    // False with *error when the file cannot be replayed; the views are untouched then.
    bool open(const QString &path, QString *error);
    // What a damaged trace lost at its end, after open; empty for a whole one.
    QString warning() const { return m_source.recording().warning(); }
    void close();
    bool isReplaying() const { return m_replaying; }

private:
    void showPosition(int position);

    Views m_views;
    ReplaySource m_source;
    bool m_replaying = false;
};
