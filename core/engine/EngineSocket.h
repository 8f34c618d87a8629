// SPDX-License-Identifier: MIT
#pragma once

#include "calls/SocketInfo.h"
#include "engine/CallSlot.h"

class QSocketNotifier;

// The worker's private record of one socket: its public snapshot, the calls in progress
// and the readiness they await.
struct EngineSocket
{
    SocketInfo info;
    CallSlot main;
    CallSlot duplex;       // a call in the other direction while main's call runs
    QString boundUnixPath; // the socket file this socket's bind created, removed on close
    // Which file that was: only it is removed, not whatever has replaced it since.
    quint64 boundUnixDevice = 0;
    quint64 boundUnixInode = 0;
    double kernelSampledMs = -1e9; // when the kernel was last asked about it (session clock)
    QSocketNotifier *readNotifier = nullptr;
    QSocketNotifier *writeNotifier = nullptr;

    // Where a new call goes (CallRules allow a second call only in the other direction).
    CallSlot &slotFor() { return main.isFree() ? main : duplex; }
    bool isDuplex(const CallSlot &slot) const { return &slot == &duplex; }
    // The slot whose call waits for the fd to become readable (accept, recv, recvfrom) or
    // writable (send, sendall, sendto; connect only ever in main); nullptr if none.
    CallSlot *slotWaitingToRead()
    {
        for (CallSlot *slot : {&main, &duplex}) {
            const SocketCall call = slot->request.call;
            if (call == SocketCall::Accept || isReceivingCall(call))
                return slot;
        }
        return nullptr;
    }
    CallSlot *slotWaitingToWrite()
    {
        for (CallSlot *slot : {&main, &duplex}) {
            if (isSendingCall(slot->request.call))
                return slot;
        }
        return nullptr;
    }
};
