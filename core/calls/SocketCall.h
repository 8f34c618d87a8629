// SPDX-License-Identifier: MIT
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
// send, sendall, sendto: the calls that may run while a receive on the same socket waits,
// as a second thread of a Python program may send while the first sits in recv().
bool isSendingCall(SocketCall call);
bool isReceivingCall(SocketCall call);

Q_DECLARE_METATYPE(SocketCall)
