// SPDX-License-Identifier: MIT
#pragma once

#include "calls/CallError.h"
#include "calls/SocketAddress.h"

#include <QCoreApplication>
#include <QString>

// Reads the host and port a user typed for bind or connect, the way Python would accept
// them, and says clearly what is wrong before any system call is made.
class AddressInput
{
    Q_DECLARE_TR_FUNCTIONS(AddressInput)

public:
    struct Result
    {
        SocketAddress address;    // set when host was numeric (or empty: any address)
        bool needsLookup = false; // host is a name: resolve with getaddrinfo first
        CallError error;
    };

    static Result interpret(int family, const QString &host, int port);

private:
    // AF_UNIX: the "host" is a file path (a leading unix: is allowed); the port is unused.
    static Result unixPath(const QString &typed);
};
