// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>

#include <functional>

class QLabel;
class SocketSession;
class SocketSource;

// Which source a pane shows: the live session (its calls on) or another source (a replay),
// read again whenever that source's table changes. Says which in the pane's label.
class PaneSource : public QObject
{
    Q_OBJECT
public:
    // showTable: the pane lists the shown source's sockets again.
    PaneSource(SocketSession *session, QLabel *label, std::function<void()> showTable,
               QObject *parent);

    SocketSource *source() const { return m_source; }
    bool isLive() const;
    void show(SocketSource *source);
    // Why the pane's calls are off (empty while it shows a source that takes calls).
    QString readOnlyReason() const;

private:
    SocketSession *m_session;
    SocketSource *m_source;
    QLabel *m_label;
    std::function<void()> m_showTable;
};
