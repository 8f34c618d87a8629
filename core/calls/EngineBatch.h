// SPDX-License-Identifier: MIT
#pragma once

#include "calls/ServingStatus.h"
#include "calls/SocketEvent.h"
#include "calls/SocketForgotten.h"
#include "calls/SocketInfo.h"

#include <QList>
#include <QMetaType>

#include <variant>

// What the worker tells the UI thread, in the order it happened: socket snapshots, call
// events and how automatic servers are getting on (a server that finished must not be
// heard of before the events of its last calls). They travel in batches, one queued signal per
// batch rather than per message, because each cross-thread post wakes the other thread (a write to
// its eventfd), and a flood of small calls would otherwise spend its time waking threads.
struct EngineBatch
{
    using Message = std::variant<SocketInfo, SocketEvent, ServingStatus, SocketForgotten>;
    QList<Message> messages;
};

Q_DECLARE_METATYPE(EngineBatch)
