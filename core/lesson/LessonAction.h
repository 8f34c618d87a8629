// SPDX-License-Identifier: MIT
#pragma once

#include "calls/ServerMode.h"
#include "calls/SocketCall.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <sys/socket.h>

// What one lesson step does: a call on one of the lesson's named sockets, an automatic
// server on a listener, a lookup, or opening a browser at the lesson's server.
struct LessonAction
{
    enum class Kind
    {
        None,
        Call,
        Serve,
        Lookup,
        Browse,
    };

    Kind kind = Kind::None;
    // "wait:" rather than "do:": the student makes this call in a pane and the lesson moves
    // on when the log shows it. A headless run makes the call itself.
    bool byUser = false;
    QString target; // the lesson's name for the socket: server, conn, client, client2, …
    SocketCall call = SocketCall::None;
    QString lookup;   // service, port, host, hostname, addrinfo, constants, defaults, interfaces
    QStringList args; // the words after the call or lookup, placeholders filled in

    int family = AF_INET;   // socket
    int type = SOCK_STREAM; // socket
    QString host;           // bind, connect
    int port = 0;           // bind, connect
    int number = 0;         // listen backlog, recv bufsize, setsockopt value, shutdown how
    QString option;         // setsockopt: SO_REUSEADDR, TCP_NODELAY, …
    QByteArray data;        // send, sendall
    ServerMode mode = ServerMode::Echo; // serve
    QString path = QStringLiteral("/"); // browse

    // What should happen; a run that sees something else stops and says so.
    QString expectedError;     // an errno name such as ECONNREFUSED
    qint64 expectedBytes = -1; // recv returns exactly this many bytes
    bool expectBlocks = false; // the call must block (connect to a full backlog)
    bool untilClosed = false;  // recv again and again until it returns 0 bytes
    bool expectReturn = false; // wait for the call to return, however long it blocks

    int line = 0; // in the lesson file, for messages

    // The Python a student would type for it:
    // "client_socket.connect(('127.0.0.1', 50000))".
    QString python() const;
    // The name the course gives a lesson's socket, which the session then shows it by:
    // server → server_socket, client2 → client_socket_2, conn → conn.
    static QString courseName(const QString &target);
};
