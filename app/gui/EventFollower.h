// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QObject>
#include <QTimer>
#include <QVector>

#include "calls/SocketInfo.h"

class ByteView;
class CodeView;
class EventLog;
class SequenceDiagramView;
class SessionLogView;
class SocketSession;
class SocketSource;
class TcpStateView;
struct SocketEvent;

// How the window's views follow the source they show (the live session, or a replay): every
// event of it goes to the log and the diagram, the byte, code and TCP state views show the
// newest call or the one selected, and the live session's history stays bounded. While
// another source is shown, the live session's events are kept aside, and come back with it.
class EventFollower : public QObject
{
    Q_OBJECT
public:
    struct Parts
    {
        SocketSession *session = nullptr;
        EventLog *log = nullptr;
        SessionLogView *logView = nullptr;
        SequenceDiagramView *diagram = nullptr;
        ByteView *bytes = nullptr;
        CodeView *code = nullptr;
        TcpStateView *states = nullptr;
    };

    // The live history a long session keeps (a lesson is about a hundred events; a thousand
    // clients about eight thousand): beyond max, the oldest go down to kept.
    static constexpr int maxLogEvents = 12000;
    static constexpr int keptLogEvents = 9000;
    static constexpr int maxDiagramRows = 4000;
    static constexpr int keptDiagramEvents = 2000;

    explicit EventFollower(const Parts &parts, QObject *parent = nullptr);

    // The views show this source from now on (its history, then its events).
    void show(SocketSource *source);
    // A watched program: its events join the live session's in the views, in the order they
    // arrive, until it is let go (the events it had stay in the log).
    void follow(SocketSource *source);
    void letGo(SocketSource *source);
    SocketSource *shown() const { return m_shown; }
    bool showsLive() const;
    // The byte and code views show the log's row (a replay's step, a click in the log).
    void showEventBytes(int logRow);

private:
    void onLiveEvent(SocketEvent event);
    // The socket as the live session or a followed program has it.
    SocketInfo liveSocket(const QString &id) const;
    void onEvent(const SocketEvent &event);
    // Live events while another source is shown, within the log's caps.
    void keepAside(const SocketEvent &event);
    void rebuild(const QVector<SocketEvent> &events);
    void keepHistoryBounded();
    void followNewest();

    Parts m_parts;
    SocketSource *m_shown = nullptr;
    QList<QMetaObject::Connection> m_sourceConnections; // to m_shown
    QTimer m_followTimer;
    int m_newestEnded = -1;
    QVector<SocketEvent> m_liveAside; // the live log, while another source is shown
    QList<SocketSource *> m_followed;
    qint64 m_lastLiveSeq = 0; // live events from several sources numbered in one order
    qint64 m_liveAsideBytes = 0;
};
