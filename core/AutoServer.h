#pragma once

#include "ServerHandle.h"

// Serves clients on a listening socket without clicks: keeps calling accept, and answers
// each connection according to a ServerMode. The serving runs on the worker thread
// (AcceptLoop), where a chunk's recv and sendall need no thread switch; every call it makes
// is logged like a clicked one.
class AutoServer : public ServerHandle
{
public:
    AutoServer(SocketSession *session, ServerMode mode, QObject *parent = nullptr)
        : ServerHandle(session, mode, false, parent)
    {
    }

    void setMaxClients(int maxClients) { m_request.maxClients = maxClients; } // 0: no limit
    void setRecvSize(int bufsize) { m_request.recvSize = bufsize; }
    int clientsServed() const { return status().served; }
    int openConnections() const { return status().open; }
};
