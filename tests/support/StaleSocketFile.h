// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

// What an earlier run that never removed its socket file leaves behind: a Unix socket bound
// at path and closed, the file still there.
class StaleSocketFile
{
public:
    // False if the file could not be made.
    static bool make(const QString &path);
};
