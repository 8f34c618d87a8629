#pragma once

#include "CallRequest.h"
#include "SocketInfo.h"

#include <QVariantMap>

class QSocketNotifier;

// The worker's private record of one socket: its public snapshot plus what the call in
// progress still needs (its arguments, the bytes left to send, the readiness it awaits).
struct EngineSocket
{
    SocketInfo info;
    CallRequest pending; // pending.call is None when no call is in progress
    QVariantMap pendingArgs;
    QString pendingAddress;   // the address the call uses, for error hints
    qint64 sentSoFar = 0;     // sendall progress
    SocketAddress sendTarget; // sendto: where the datagram goes, once resolved
    QString boundUnixPath;    // the socket file this socket's bind created, removed on close
    quint64 callToken = 0;    // bumps with each call, so a late lookup result is dropped
    QSocketNotifier *readNotifier = nullptr;
    QSocketNotifier *writeNotifier = nullptr;
};
