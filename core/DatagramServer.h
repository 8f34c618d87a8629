#pragma once

#include "DatagramLoop.h"
#include "ServerHandle.h"

// Serves UDP (or Unix datagram) clients on a bound datagram socket: keeps calling recvfrom
// and answers each datagram according to a ServerMode. The serving runs on the worker
// thread (DatagramLoop).
class DatagramServer : public ServerHandle
{
public:
    DatagramServer(SocketSession *session, ServerMode mode, QObject *parent = nullptr)
        : ServerHandle(session, mode, true, parent)
    {
    }

    static bool supports(ServerMode mode) { return DatagramLoop::supports(mode); }
    void setMaxDatagrams(int count) { m_request.maxClients = count; } // 0: no limit
    int datagramsServed() const { return status().served; }
};
