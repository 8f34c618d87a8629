// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

// The file a Unix domain socket's bind leaves behind. Python never removes it by itself,
// so a server run twice finds the old file and bind fails with EADDRINUSE. This tells a
// file some program still listens on from a stale one that is safe to remove.
class UnixSocketFile
{
public:
    enum class Kind
    {
        Missing,    // nothing at the path
        NotASocket, // a regular file or folder: never removed
        InUse,      // a socket someone still answers on
        Stale,      // a socket file nobody answers on
    };

    // Never blocks: it tries a non-blocking connect to the path.
    static Kind inspect(const QString &path);
    // Removes a stale socket file; false with a reason for anything else.
    static bool removeStale(const QString &path, QString *error);
};
