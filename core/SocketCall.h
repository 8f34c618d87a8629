#pragma once

#include <QMetaType>
#include <QString>

// The calls a student can make on a socket, named as Python's socket module names them.
enum class SocketCall
{
    None,
    Socket,
    SetSockOpt,
    Bind,
    Listen,
    Accept,
    Connect,
    Send,
    SendAll,
    Recv,
    SendTo,   // UDP: one datagram to an address
    RecvFrom, // UDP: one datagram and who sent it
    Shutdown,
    Close,
};

// "sendall", "recv", …: the method name a Python programmer types.
QString socketCallName(SocketCall call);

Q_DECLARE_METATYPE(SocketCall)
