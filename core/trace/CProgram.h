// SPDX-License-Identifier: MIT
#pragma once

#include "calls/SocketEvent.h"

#include <QString>
#include <QVector>

// The C half of CodeGenerator: one call as C (the code view), and a whole C program that
// makes a side's calls in order. Every value from the trace reaches the code through
// CodeLiteral; identifiers come from PythonForm::variableName.
class CProgram
{
public:
    // script: inside a whole program (sockets declared at the top, the port from argv).
    static QString statement(const SocketEvent &event, int port, bool script);
    // calls: the side's ended calls; name: the file's name ("server.c"); sideName: "server"
    // or "client"; port: the session's, the program's default.
    static QString program(const QVector<SocketEvent> &calls, const QString &name,
                           const QString &sideName, int port);
};
