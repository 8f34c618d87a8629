// SPDX-License-Identifier: MIT
#pragma once

#include "calls/SocketCall.h"
#include "calls/SocketInfo.h"

#include <QCoreApplication>
#include <QString>

// Which calls make sense in which state, and why not when they don't.
// The panes enable buttons from this; "allow invalid calls" skips it so the kernel answers.
class CallRules
{
    Q_DECLARE_TR_FUNCTIONS(CallRules)

public:
    // Empty when the call is valid now; otherwise one sentence for the student.
    static QString whyInvalid(const SocketInfo &socket, SocketCall call);
    // Some refusals are not about teaching but about the worker: at most one call each way
    // per socket (a receive, and a send beside it). Those hold even with allow-invalid.
    static QString whyImpossible(const SocketInfo &socket, SocketCall call);
};
