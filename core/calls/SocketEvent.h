// SPDX-License-Identifier: MIT
#pragma once

#include "calls/CallError.h"
#include "calls/CallPhase.h"
#include "calls/SocketCall.h"
#include "calls/SocketRole.h"
#include "calls/SourceLocation.h"

#include <QByteArray>
#include <QMetaType>
#include <QString>
#include <QVariant>
#include <QVariantMap>

// One thing that happened to one call: it started, blocked, returned or failed.
// args and result hold JSON-friendly values so the trace can write them as they are.
struct SocketEvent
{
    qint64 seq = 0;
    double tMs = 0; // session clock, monotonic
    QString socketId;
    // The socket's name when the event happened (see SocketName); empty in events made
    // before names existed, which SocketName::of then names by their id.
    QString socketName;
    SocketRole role = SocketRole::Client;
    SocketCall call = SocketCall::None;
    CallPhase phase = CallPhase::Started;
    QVariantMap args;
    QVariant result;
    CallError error;
    qint64 byteCount = -1;   // on data calls: how many bytes moved (or were asked to)
    QByteArray data;         // the bytes themselves, as far as they are kept
    qint64 bytesNotKept = 0; // bytes counted but not stored (memory caps)
    QString kernelState;     // the kernel's TCP state right after the call, where known
    // A watched program's call: its process and thread (0 for SocketLab's own), and the line
    // of the program that made it, where one is found.
    qint64 pid = 0;
    qint64 tid = 0;
    SourceLocation source;

    bool movesData() const { return byteCount >= 0; }
};

Q_DECLARE_METATYPE(SocketEvent)
