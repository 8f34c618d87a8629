// SPDX-License-Identifier: MIT
#pragma once

#include "sources/SocketSource.h"
#include "trace/TraceReplay.h"

#include <QHash>

// A saved trace as a source: the sockets as they were after the first position events.
// Read-only: nothing here touches the network.
class ReplaySource : public SocketSource
{
    Q_OBJECT
public:
    using SocketSource::SocketSource;

    // The recording shown, named for the panes by its file name; position goes back to 0.
    void setRecording(const TraceReplay &replay, const QString &name);
    const TraceReplay &recording() const { return m_replay; }
    // Shows the sockets after position events. One step forward is that event
    // (eventOccurred); then, as after any move, tableReset.
    void setPosition(int position);
    int position() const { return m_position; }

    QString description() const override;
    bool acceptsCalls() const override { return false; }
    bool contains(const QString &id) const override { return m_sockets.contains(id); }
    SocketInfo socket(const QString &id) const override { return m_sockets.value(id); }
    QStringList socketIds() const override { return m_order; }
    QVector<SocketEvent> history() const override { return m_replay.events().mid(0, m_position); }

private:
    TraceReplay m_replay;
    QString m_name;
    int m_position = 0;
    QHash<QString, SocketInfo> m_sockets;
    QStringList m_order;
};
