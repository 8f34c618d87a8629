// SPDX-License-Identifier: MIT
#pragma once

#include "calls/CallError.h"
#include "calls/KernelSample.h"
#include "calls/SocketAddress.h"
#include "calls/SocketCall.h"
#include "calls/SocketRole.h"
#include "calls/SocketState.h"

#include <QMetaType>
#include <QString>

// A snapshot of one socket as the worker sees it; copied to the UI after every change.
struct SocketInfo
{
    QString id;   // "server#1", "conn#1", "client#1"
    QString name; // "server_socket", "conn_2": what views show (see SocketName)
    SocketRole role = SocketRole::Client;
    QString parentId; // for a connection: the listener that accepted it
    int family = 0;
    int type = 0;
    int protocol = 0;
    int fd = -1;
    SocketAddress local;
    SocketAddress peer;
    SocketState state = SocketState::Created;
    qint64 bytesSent = 0;
    qint64 bytesReceived = 0;
    SocketCall callInProgress = SocketCall::None;
    bool blocked = false;
    double callStartedMs = 0; // session clock, for the live "blocked for" timer
    // A second call in the other direction: a send while a receive waits, or the reverse
    // (sockets are full duplex).
    SocketCall duplexCall = SocketCall::None;
    bool duplexBlocked = false;

    bool isBusy() const
    {
        return callInProgress != SocketCall::None || duplexCall != SocketCall::None;
    }
    CallError lastError; // of the last call that ended, until the next call starts
    KernelSample kernel; // sampled after every call and while it can change
};

Q_DECLARE_METATYPE(SocketInfo)
