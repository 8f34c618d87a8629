// SPDX-License-Identifier: MIT
#pragma once

#include "calls/SocketEvent.h"
#include "calls/SocketInfo.h"

#include <QObject>
#include <QStringList>
#include <QVector>

// Where the views get their picture of sockets from: a table of socket snapshots, and the
// events that changed it, in order. The live session is one source (and the only one that
// accepts calls); a replayed trace is another. A watched program and captured packets are
// meant to be further ones, so a view that reads a SocketSource needs no change for them.
// The panes read one through PaneSource; the log, diagram, byte, code and state views
// through the window's EventFollower.
class SocketSource : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    // For a pane's heading: "the live session", "replay of trace.jsonl".
    virtual QString description() const = 0;
    // Only a source that accepts calls lets the panes' call buttons act on its sockets.
    virtual bool acceptsCalls() const = 0;
    virtual bool contains(const QString &id) const = 0;
    virtual SocketInfo socket(const QString &id) const = 0;
    // In the order the sockets were made.
    virtual QStringList socketIds() const = 0;
    // The events that led to the table as it is now, oldest first, for a source that keeps
    // them (a replay does; the window's log keeps the live session's).
    virtual QVector<SocketEvent> history() const { return {}; }

signals:
    void socketChanged(const SocketInfo &info);
    void eventOccurred(const SocketEvent &event);
    // A closed socket left the table (the live session forgets those the kernel let go).
    void socketForgotten(const QString &id);
    // The whole table, and history(), may be different (a replay jumped): read them again.
    void tableReset();
};
