// SPDX-License-Identifier: MIT
#pragma once

#include <QMetaType>
#include <QString>

#include <sys/socket.h>

// The arguments of getaddrinfo(host, service, family, type, proto, flags).
struct AddrInfoRequest
{
    QString host;    // empty: no host (Python's None)
    QString service; // a port number or a service name such as "http"; may be empty
    int family = AF_UNSPEC;
    int type = 0;
    int protocol = 0;
    int flags = 0;

    // socket.getaddrinfo('localhost', 'http', socket.AF_INET, 0, 0, socket.AI_CANONNAME)
    QString pythonCall() const;
};

Q_DECLARE_METATYPE(AddrInfoRequest)
