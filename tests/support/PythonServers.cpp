// SPDX-License-Identifier: MIT
#include "PythonServers.h"

#include <QProcess>
#include <QString>

int PythonServers::listen(QProcess *server, int port)
{
    // It waits for its standard input to end (the test's kill), not for a fixed time.
    server->start(
        QStringLiteral("python3"),
        {QStringLiteral("-c"), QStringLiteral("import socket, sys\n"
                                              "s = socket.socket()\n"
                                              "try:\n"
                                              "    s.bind(('127.0.0.1', %1))\n"
                                              "    s.listen()\n"
                                              "    print(s.getsockname()[1], flush=True)\n"
                                              "except OSError:\n"
                                              "    print(-1, flush=True)\n"
                                              "sys.stdin.read()\n")
                                   .arg(port)});
    if (!server->waitForReadyRead(10000))
        return 0;
    return server->readLine().trimmed().toInt();
}

int PythonServers::leaveTimeWait()
{
    QProcess python;
    python.start(
        QStringLiteral("python3"),
        {QStringLiteral("-c"), QStringLiteral("import socket\n"
                                              "s = socket.socket()\n"
                                              "s.bind(('127.0.0.1', 0))\n"
                                              "s.listen()\n"
                                              "c = socket.create_connection(s.getsockname())\n"
                                              "conn, _ = s.accept()\n"
                                              "conn.close()\n"
                                              "c.recv(1)\n"
                                              "c.close()\n"
                                              "print(s.getsockname()[1])\n")});
    if (!python.waitForFinished(10000))
        return 0;
    return python.readAllStandardOutput().trimmed().toInt();
}
