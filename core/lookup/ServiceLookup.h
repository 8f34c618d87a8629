// SPDX-License-Identifier: MIT
#pragma once

#include "calls/CallError.h"

#include <QList>
#include <QString>
#include <QStringList>

// getservbyname / getservbyport and the whole services database (/etc/services).
class ServiceLookup
{
public:
    struct Entry
    {
        QString name;
        int port = 0;
        QString protocol; // "tcp" or "udp"
        QStringList aliases;
    };
    struct Answer
    {
        QList<Entry> entries; // one for byName/byPort; every service for all()
        CallError error;
    };

    // socket.getservbyname('ssh', 'tcp') → 22. An empty protocol matches any.
    static Answer byName(const QString &name, const QString &protocol);
    // socket.getservbyport(80, 'tcp') → 'http'
    static Answer byPort(int port, const QString &protocol);
    static Answer all();
};
