// SPDX-License-Identifier: MIT
#pragma once

#include "calls/SocketRole.h"

#include <QString>

struct SocketEvent;
struct SocketInfo;

// The name every view shows a socket by: the Python variable the course would hold it in
// (server_socket, client_socket, conn, conn_2). An id (server#3) is what traces and lesson
// files refer to and never changes; the name is for people, and it is also the identifier in
// generated code, so only names of the course's shape are accepted from a file.
class SocketName
{
public:
    // A name made from an id alone, for events and traces that carry none: server#1 →
    // server_socket, conn#2 → conn_2; anything this version did not write becomes a
    // distinct sock_1a2b3c4d.
    static QString forId(const QString &socketId);
    // The course's variable for a role: server_socket, client_socket or conn.
    static QString base(SocketRole role);
    // The base a name was numbered from: conn_3 → conn.
    static QString baseOf(const QString &name);
    // server_socket, conn_2, sock_1a2b3c4d: safe as a Python and a C identifier, and clear
    // of every name the generated programs use for anything else.
    static bool isValid(const QString &name);

    // The event's socket, and the socket an accept returned.
    static QString of(const SocketEvent &event);
    static QString acceptedBy(const SocketEvent &event);
    static QString of(const SocketInfo &info);
};
