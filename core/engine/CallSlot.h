// SPDX-License-Identifier: MIT
#pragma once

#include "calls/CallRequest.h"
#include "calls/SocketAddress.h"

#include <QVariantMap>

// One call in progress on a socket: what it still needs (its arguments, the bytes left to
// send, where a datagram goes). A socket has two, so a send can run while a receive waits.
struct CallSlot
{
    CallRequest request; // request.call is None when the slot is free
    QVariantMap args;
    QString address;      // the address the call uses, for error hints
    qint64 sentSoFar = 0; // sendall progress
    SocketAddress target; // sendto: where the datagram goes, once resolved
    quint64 token = 0;    // bumps with each call, so a late lookup result is dropped

    bool isFree() const { return request.call == SocketCall::None; }
};
