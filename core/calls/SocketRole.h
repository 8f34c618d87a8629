// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

// Which side a socket belongs to; decides its id prefix, its Python name and its colour.
enum class SocketRole
{
    Server,     // a listener the server pane created: server#1
    Connection, // a socket accept() returned: conn#1
    Client,     // a socket the client pane created: client#1
};

// The id prefix: "server", "conn" or "client".
QString socketRolePrefix(SocketRole role);
// The role a socket id (server#2) or a lesson's socket name (conn3) stands for: by its
// prefix, and a client for anything else.
SocketRole socketRoleOf(const QString &idOrName);
