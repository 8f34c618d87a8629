#pragma once

#include "SocketEvent.h"
#include "SocketInfo.h"

#include <QList>
#include <QMetaType>

#include <variant>

// What the worker tells the UI thread, in the order it happened: socket snapshots and call
// events. They travel in batches, one queued signal per batch rather than per message,
// because each cross-thread post wakes the other thread (a write to its eventfd), and a
// flood of small calls would otherwise spend its time waking threads.
struct EngineBatch
{
    QList<std::variant<SocketInfo, SocketEvent>> messages;
};

Q_DECLARE_METATYPE(EngineBatch)
