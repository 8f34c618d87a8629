// SPDX-License-Identifier: MIT
#pragma once

#include "calls/CallRequest.h"
#include "engine/CallReporter.h"

#include <QCoreApplication>

struct EngineSocket;

// setsockopt, for the options SocketOption offers; the call returns what getsockopt reads
// back, which is not always what was set (Linux doubles SO_RCVBUF, for one). Runs on the
// socket worker thread, for SocketEngine.
class OptionCalls
{
    Q_DECLARE_TR_FUNCTIONS(OptionCalls)

public:
    explicit OptionCalls(CallReporter &report);
    void set(EngineSocket &s, const CallRequest &request);

private:
    CallReporter &m_report;
};
