// SPDX-License-Identifier: MIT
#pragma once

#include <QStringList>

// socketlab-cli watch: runs a program and prints its socket calls in the same words as serve
// and connect, on stderr, so the program's own output stays as it is. Exits with the
// program's own status (128 + N when signal N killed it; 125 when it could not be watched).
class WatchCommand
{
public:
    int run(const QStringList &arguments);
};
