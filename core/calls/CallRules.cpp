// SPDX-License-Identifier: MIT
#include "calls/CallRules.h"

#include "calls/SocketName.h"

#include <sys/socket.h>

QString CallRules::whyImpossible(const SocketInfo &socket, SocketCall call)
{
    if (call == SocketCall::Close)
        return QString();
    const SocketCall first = socket.callInProgress;
    const SocketCall second = socket.duplexCall;
    if (first == SocketCall::None && second == SocketCall::None)
        return QString();
    // A socket is full duplex: one send may run while a receive waits, as a second thread of
    // a Python chat server sends while the first sits in recv(). Never two the same way.
    const SocketCall busy = first != SocketCall::None ? first : second;
    const bool oneBusy = first == SocketCall::None || second == SocketCall::None;
    const bool otherWay = (isSendingCall(call) && isReceivingCall(busy)) ||
                          (isReceivingCall(call) && isSendingCall(busy));
    if (oneBusy && otherWay)
        return QString();
    // Name the call in the way: the second one if it goes the same way, else the first.
    SocketCall inTheWay = busy;
    if (second != SocketCall::None && isSendingCall(second) == isSendingCall(call))
        inTheWay = second;
    return tr("%1() is still running on %2; wait for it to return, or close the "
              "socket to cancel it.")
        .arg(socketCallName(inTheWay), SocketName::of(socket));
}

QString CallRules::whyInvalid(const SocketInfo &socket, SocketCall call)
{
    const QString impossible = whyImpossible(socket, call);
    if (!impossible.isEmpty())
        return impossible;

    const SocketState s = socket.state;
    if (s == SocketState::Closed)
        return tr("The socket is closed; create a new one with socket().");
    if (s == SocketState::Failed && call != SocketCall::Close)
        return tr("A call on this socket failed for good; close it and create a "
                  "new one.");

    const bool datagram = socket.type == SOCK_DGRAM;
    switch (call) {
    case SocketCall::None:
    case SocketCall::Socket:
        return tr("socket() creates a new socket; it is not called on one.");
    case SocketCall::SendTo:
        if (!datagram)
            return tr("sendto sends one datagram to an address: it is for UDP "
                      "(SOCK_DGRAM) sockets. A TCP socket sends on its "
                      "connection with send or sendall.");
        return QString();
    case SocketCall::RecvFrom:
        if (!datagram)
            return tr("recvfrom is for UDP (SOCK_DGRAM) sockets; a TCP socket "
                      "reads its connection with recv.");
        if (s == SocketState::Created)
            return tr("Nothing can arrive yet: bind the socket to an address and "
                      "port first (or sendto, which gives it a port).");
        return QString();
    case SocketCall::SetSockOpt:
        if (s != SocketState::Created)
            return tr("Set socket options on a new socket, before bind or "
                      "connect: SO_REUSEADDR after bind changes nothing.");
        return QString();
    case SocketCall::Bind:
        if (s != SocketState::Created)
            return tr("bind needs a new socket; this one is already %1.")
                .arg(socketStateName(s).toLower());
        return QString();
    case SocketCall::Listen:
        if (datagram)
            return tr("UDP has no connections to listen for: bind, then call "
                      "recvfrom.");
        if (s == SocketState::Created)
            return tr("listen needs a bound socket: call bind first.");
        if (s != SocketState::Bound)
            return tr("listen needs a bound socket that is not yet listening or "
                      "connected.");
        return QString();
    case SocketCall::Accept:
        if (datagram)
            return tr("UDP has no connections to accept: each datagram arrives "
                      "on its own through recvfrom.");
        if (s != SocketState::Listening)
            return tr("accept needs a listening socket: call bind, then listen.");
        return QString();
    case SocketCall::Connect:
        if (datagram && s == SocketState::Connected)
            return QString(); // a UDP socket may choose a new default peer
        if (s != SocketState::Created && s != SocketState::Bound)
            return tr("connect needs a new socket; this one is already %1.")
                .arg(socketStateName(s).toLower());
        return QString();
    case SocketCall::Send:
    case SocketCall::SendAll:
        if (datagram && s != SocketState::Connected)
            return tr("A UDP socket sends with sendto(data, address), or with %1 "
                      "after connect chose its peer.")
                .arg(socketCallName(call));
        if (s == SocketState::ShutDown)
            return tr("This side shut down writing; nothing more can be sent.");
        if (s != SocketState::Connected && s != SocketState::PeerClosed)
            return tr("%1 needs a connected socket: connect (client) or use the "
                      "socket accept returned (server).")
                .arg(socketCallName(call));
        return QString();
    case SocketCall::Recv:
        if (datagram)
            return s == SocketState::Connected
                       ? QString()
                       : tr("A UDP socket reads with recvfrom, which also says "
                            "who sent the datagram (recv works after connect).");
        if (s != SocketState::Connected && s != SocketState::PeerClosed &&
            s != SocketState::ShutDown)
            return tr("recv needs a connected socket: connect (client) or use the "
                      "socket accept returned (server).");
        return QString();
    case SocketCall::Shutdown:
        if (datagram)
            return tr("shutdown ends one direction of a connection; UDP has no "
                      "connection. Close the socket instead.");
        if (s != SocketState::Connected && s != SocketState::PeerClosed &&
            s != SocketState::ShutDown)
            return tr("shutdown needs a connected socket.");
        return QString();
    case SocketCall::Close:
        return QString();
    }
    return QString();
}
