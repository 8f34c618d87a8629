// SPDX-License-Identifier: MIT
#pragma once

#include <QString>
#include <QStringList>

// What an automatic server does with each client it accepts.
enum class ServerMode
{
    Echo,   // send back exactly what arrives, until the peer closes (the homework)
    Http,   // answer one request with a small HTML page showing that request, then close
    Reply,  // send a fixed text once per received chunk
    Silent, // only receive
    Chat,   // relay what each client sends to every other client (what ncat --chat does)
};

QString serverModeName(ServerMode mode);
// false when name is not one of serverModeNames().
bool parseServerMode(const QString &name, ServerMode *mode);
QStringList serverModeNames();
