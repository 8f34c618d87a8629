// SPDX-License-Identifier: MIT
#pragma once

#include "calls/CallRequest.h"
#include "calls/SocketAddress.h"
#include "engine/CallReporter.h"
#include "engine/DataTransfer.h"

#include <functional>

class Mailbox;
class QThreadPool;
struct CallSlot;
struct EngineSocket;

// The calls that take an address (bind, connect, sendto): the address is read as Python
// reads it for the socket's family, a host name is looked up on a pool thread (getaddrinfo
// may wait seconds for DNS), and the call goes on with the first answer. Runs on the socket
// worker thread, for SocketEngine; sendto's sending is DataTransfer's.
class AddressCalls
{
public:
    // Finds a socket by id when a lookup's answer comes back (it may be gone by then).
    using Find = std::function<EngineSocket *(const QString &id)>;

    AddressCalls(CallReporter &report, DataTransfer &data, DataTransfer::Wait wait,
                 Mailbox *mailbox, QThreadPool &lookups, Find find);

    void start(EngineSocket &s, const CallRequest &request);
    // A connect that was in progress: the fd is writable, so the handshake has ended.
    void connectEnded(EngineSocket &s, CallSlot &slot);

private:
    void lookUpThen(EngineSocket &s, CallSlot &slot);
    void withAddress(EngineSocket &s, CallSlot &slot, const SocketAddress &address);
    void bindTo(EngineSocket &s, CallSlot &slot, const SocketAddress &address);
    void connectTo(EngineSocket &s, CallSlot &slot, const SocketAddress &address);
    void connected(EngineSocket &s, CallSlot &slot);

    CallReporter &m_report;
    DataTransfer &m_data;
    DataTransfer::Wait m_wait;
    Mailbox *m_mailbox;
    QThreadPool &m_lookups;
    Find m_find;
};
