// SPDX-License-Identifier: MIT
#pragma once

#include "calls/CallError.h"
#include "lookup/AddrInfoEntry.h"
#include "lookup/AddrInfoRequest.h"

#include <QList>
#include <QPair>
#include <QStringList>

// getaddrinfo as a blocking function. Run it on a pool thread (AddrInfoQuery does).
class AddrInfoLookup
{
public:
    struct Answer
    {
        AddrInfoRequest request;
        QList<AddrInfoEntry> entries; // in the order getaddrinfo returned them
        CallError error;
        // Something about the answer the user would not guess (a port that wrapped).
        QString note;
        double elapsedMs = 0;
    };

    static Answer run(const AddrInfoRequest &request);

    // The AI_* flags the panel offers, in order, with their values on this system.
    static QList<QPair<QString, int>> flagNames();
    // "AI_PASSIVE|AI_CANONNAME"; "0" for none.
    static QString flagsText(int flags);
    // Parses "AI_PASSIVE,AI_CANONNAME" (or without the AI_ prefix); false on an unknown name.
    static bool parseFlags(const QString &text, int *flags, QString *unknown);
};
