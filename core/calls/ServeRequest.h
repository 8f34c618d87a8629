// SPDX-License-Identifier: MIT
#pragma once

#include "calls/ServerMode.h"

#include <QByteArray>
#include <QMetaType>
#include <QString>

// What an automatic server is asked to do: serve this socket in this mode. The worker runs
// it (AcceptLoop for a listener, DatagramLoop for a bound UDP or Unix datagram socket).
struct ServeRequest
{
    QString socketId;
    ServerMode mode = ServerMode::Echo;
    bool datagram = false;
    QByteArray reply;   // reply mode's text
    int maxClients = 0; // 0: no limit; over UDP it counts datagrams
    int recvSize = 65536;
};

Q_DECLARE_METATYPE(ServeRequest)
