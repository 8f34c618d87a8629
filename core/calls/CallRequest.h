// SPDX-License-Identifier: MIT
#pragma once

#include "calls/SocketCall.h"
#include "calls/SocketRole.h"

#include <QByteArray>
#include <QMetaType>
#include <QString>

#include <sys/socket.h>

// A command sent to the worker: which call on which socket, with its arguments.
// Only the fields that belong to the call are read.
struct CallRequest
{
    static CallRequest on(SocketCall call, const QString &socketId)
    {
        CallRequest r;
        r.call = call;
        r.socketId = socketId;
        return r;
    }

    SocketCall call = SocketCall::None;
    QString socketId;
    bool allowInvalid = false; // skip SocketLab's rules and let the kernel answer

    SocketRole role = SocketRole::Client;                // socket()
    int family = AF_INET;                                // socket()
    int type = SOCK_STREAM;                              // socket()
    int protocol = 0;                                    // socket()
    QString optionName = QStringLiteral("SO_REUSEADDR"); // setsockopt(option, value)
    int optionValue = 1;                                 // setsockopt(SO_REUSEADDR, value)
    QString host;                                        // bind(), connect(), sendto()
    int port = 0;                 // bind(), connect(), sendto(); an int so 70000 can be refused
    bool removeStaleFile = false; // bind() to a Unix path: first remove a stale socket file
    int backlog = 1;              // listen()
    int bufsize = 4096;           // recv(), recvfrom()
    int how = SHUT_WR;            // shutdown()
    QByteArray data;              // send(), sendall(), sendto()
    // send(), sendall(): the data given as a Python str, not bytes (its UTF-8 in data). Python
    // raises TypeError before any system call; the course's "messages are bytes".
    bool dataIsStr = false;
};

Q_DECLARE_METATYPE(CallRequest)
