// SPDX-License-Identifier: MIT
#pragma once

#include "calls/CallError.h"

#include <QString>
#include <QStringList>

// gethostname, gethostbyname(_ex) and getnameinfo. Blocking: run on a pool thread.
class HostLookup
{
public:
    struct Answer
    {
        QString canonicalName; // gethostbyname_ex: the host's official name
        QStringList aliases;
        QStringList addresses; // IPv4, as gethostbyname(_ex) gives them
        QString host;          // getnameinfo
        QString service;       // getnameinfo
        CallError error;

        // As Python prints gethostbyname_ex's answer: ('name', ['alias'], ['127.0.0.1']).
        QString pythonTuple() const;
    };

    static QString hostname();
    // socket.gethostbyname_ex(name) → (name, aliases, addresses); byName uses the first.
    static Answer byName(const QString &name);
    // socket.getnameinfo((address, port), flags) → (host, service)
    static Answer nameInfo(const QString &address, int port, int flags);
};
