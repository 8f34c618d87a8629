// SPDX-License-Identifier: MIT
#pragma once

#include "EventRecorder.h"
#include "session/SocketSession.h"

#include <QString>

class CallSequence;

// A session with its event recorder, plus the steps most socket tests start with, all on
// 127.0.0.1 with kernel-chosen ports, scripted as the app scripts calls (CallSequence).
class LoopbackSession
{
public:
    LoopbackSession();

    SocketSession &session() { return m_session; }
    EventRecorder &events() { return m_events; }

    // A listener bound to 127.0.0.1:0 and listening; empty on failure.
    QString listeningServer(int backlog, quint16 *port);
    // A client connected to 127.0.0.1:port; empty on failure.
    QString connectedClient(quint16 port);
    // A client and the server-side socket accept returned for it.
    bool connectedPair(QString *client, QString *conn);

private:
    // Runs the calls and waits (processing events) until they finished or failed.
    static bool run(CallSequence &calls);

    SocketSession m_session;
    EventRecorder m_events;
};
