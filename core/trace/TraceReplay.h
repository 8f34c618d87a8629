// SPDX-License-Identifier: MIT
#pragma once

#include "calls/SocketEvent.h"
#include "calls/SocketInfo.h"

#include <QHash>
#include <QStringList>
#include <QVector>

// A recorded session played back without the network: the events of a trace file, and
// what each socket looked like after any number of them, rebuilt from the events alone.
// A classroom whose network is locked down can step through a session recorded elsewhere.
class TraceReplay
{
public:
    // False with "line N: reason" (or the file's error) when the file cannot be replayed.
    bool load(const QString &path, QString *error);
    // After load: what was left out of a damaged trace (its cut-off last line), or empty.
    const QString &warning() const { return m_warning; }

    int count() const { return int(m_events.size()); }
    const QVector<SocketEvent> &events() const { return m_events; }
    // The sockets after the first position events, in order of creation.
    QVector<SocketInfo> socketsAfter(int position) const;

    // What one event changes in a table of sockets.
    static void apply(const SocketEvent &event, QHash<QString, SocketInfo> *sockets,
                      QStringList *order);

private:
    // A call returned or failed: whichever of the socket's two calls it was is over.
    static void finishCall(SocketInfo *socket, SocketCall call);

    QVector<SocketEvent> m_events;
    QString m_warning;
};
