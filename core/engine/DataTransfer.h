// SPDX-License-Identifier: MIT
#pragma once

#include "engine/CallReporter.h"
#include "engine/ReceiveBufferPool.h"

#include <QCoreApplication>

#include <functional>

struct CallSlot;
struct EngineSocket;

// The calls that move bytes (send, sendall, recv, sendto, recvfrom), each tried once on a
// non-blocking socket: it returns, fails, or would block, and then the engine waits for the
// fd and tries again. Runs on the socket worker thread, for SocketEngine.
class DataTransfer
{
    Q_DECLARE_TR_FUNCTIONS(DataTransfer)

public:
    // Reports the call as blocked and arms the fd (for writing or for reading).
    using Wait = std::function<void(EngineSocket &s, CallSlot &slot, bool forWriting)>;

    DataTransfer(CallReporter &report, Wait wait);

    void send(EngineSocket &s, CallSlot &slot); // send and sendall
    void recv(EngineSocket &s, CallSlot &slot);
    void sendTo(EngineSocket &s, CallSlot &slot);
    void recvFrom(EngineSocket &s, CallSlot &slot);

private:
    bool waitIfItWould(EngineSocket &s, CallSlot &slot, int error, bool forWriting);

    CallReporter &m_report;
    Wait m_wait;
    ReceiveBufferPool m_buffers;
};
