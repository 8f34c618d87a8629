#pragma once

#include "calls/SocketEvent.h"
#include "sources/ReplaySource.h"

#include <QObject>
#include <QVector>

#include <functional>

class ClientPane;
class EventLog;
class ReplayBar;
class SequenceDiagramView;
class ServerPane;
class SessionLogView;

// Shows a saved session in the window's log, diagram and panes without the network, one
// event at a time, and keeps the live session's events aside until the replay is closed.
class ReplayController : public QObject
{
    Q_OBJECT
public:
    struct Views
    {
        ReplayBar *bar = nullptr;
        EventLog *log = nullptr;
        SequenceDiagramView *diagram = nullptr;
        SessionLogView *logView = nullptr;
        ServerPane *server = nullptr;
        ClientPane *client = nullptr;
        SocketSource *live = nullptr; // what the panes show again when the replay closes
        std::function<void(int logRow)> showBytes;
    };

    ReplayController(const Views &views, QObject *parent = nullptr);

    // False with *error when the file cannot be replayed; the views are untouched then.
    bool open(const QString &path, QString *error);
    // What a damaged trace lost at its end, after open; empty for a whole one.
    QString warning() const { return m_source.recording().warning(); }
    void close();
    bool isReplaying() const { return m_replaying; }
    // While replaying, a live event is kept aside (within the log's caps) and true returned.
    bool holdBack(const SocketEvent &event);

private:
    void showPosition(int position);

    Views m_views;
    ReplaySource m_source;
    bool m_replaying = false;
    QVector<SocketEvent> m_liveEvents; // the live log, kept aside while a replay is shown
    qint64 m_liveBytes = 0;
};
