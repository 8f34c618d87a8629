// SPDX-License-Identifier: MIT
#pragma once

#include "calls/SocketEvent.h"
#include "calls/SocketInfo.h"

#include <QString>

// Writes each event as the Python a student would type for it, in the course's style:
//   server_socket.bind(('127.0.0.1', 50000))
//   conn, addr = server_socket.accept()        → ('127.0.0.1', 54321)
class PythonForm
{
public:
    // The statement, e.g. "msg = conn.recv(4096)".
    static QString statement(const SocketEvent &event);
    // What came back, e.g. "b'Hey'", "('127.0.0.1', 54321)", "None",
    // "ConnectionRefusedError: [Errno 111] Connection refused", "blocked".
    static QString outcome(const SocketEvent &event);
    // What print(sock) shows in Python 3.11:
    // <socket.socket fd=3, family=2, type=1, proto=0, laddr=('127.0.0.1', 50000)>
    static QString repr(const SocketInfo &socket);

    static constexpr int previewBytes = 48;
};
