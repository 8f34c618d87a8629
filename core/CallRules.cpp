#include "CallRules.h"

QString CallRules::whyImpossible(const SocketInfo &socket, SocketCall call)
{
    if (call == SocketCall::Close || socket.callInProgress == SocketCall::None)
        return QString();
    return QStringLiteral("%1() is still running on %2; wait for it to return, or close the "
                          "socket to cancel it.")
        .arg(socketCallName(socket.callInProgress), socket.id);
}

QString CallRules::whyInvalid(const SocketInfo &socket, SocketCall call)
{
    const QString impossible = whyImpossible(socket, call);
    if (!impossible.isEmpty())
        return impossible;

    const SocketState s = socket.state;
    if (s == SocketState::Closed)
        return QStringLiteral("The socket is closed; create a new one with socket().");
    if (s == SocketState::Failed && call != SocketCall::Close)
        return QStringLiteral("A call on this socket failed for good; close it and create a "
                              "new one.");

    switch (call) {
    case SocketCall::None:
    case SocketCall::Socket:
        return QStringLiteral("socket() creates a new socket; it is not called on one.");
    case SocketCall::SetSockOpt:
        if (s != SocketState::Created)
            return QStringLiteral("Set SO_REUSEADDR before bind; afterwards it changes "
                                  "nothing.");
        return QString();
    case SocketCall::Bind:
        if (s != SocketState::Created)
            return QStringLiteral("bind needs a new socket; this one is already %1.")
                .arg(socketStateName(s).toLower());
        return QString();
    case SocketCall::Listen:
        if (s == SocketState::Created)
            return QStringLiteral("listen needs a bound socket: call bind first.");
        if (s != SocketState::Bound)
            return QStringLiteral("listen needs a bound socket that is not yet listening or "
                                  "connected.");
        return QString();
    case SocketCall::Accept:
        if (s != SocketState::Listening)
            return QStringLiteral("accept needs a listening socket: call bind, then listen.");
        return QString();
    case SocketCall::Connect:
        if (s != SocketState::Created && s != SocketState::Bound)
            return QStringLiteral("connect needs a new socket; this one is already %1.")
                .arg(socketStateName(s).toLower());
        return QString();
    case SocketCall::Send:
    case SocketCall::SendAll:
        if (s == SocketState::ShutDown)
            return QStringLiteral("This side shut down writing; nothing more can be sent.");
        if (s != SocketState::Connected && s != SocketState::PeerClosed)
            return QStringLiteral("%1 needs a connected socket: connect (client) or use the "
                                  "socket accept returned (server).")
                .arg(socketCallName(call));
        return QString();
    case SocketCall::Recv:
        if (s != SocketState::Connected && s != SocketState::PeerClosed &&
            s != SocketState::ShutDown)
            return QStringLiteral("recv needs a connected socket: connect (client) or use the "
                                  "socket accept returned (server).");
        return QString();
    case SocketCall::Shutdown:
        if (s != SocketState::Connected && s != SocketState::PeerClosed &&
            s != SocketState::ShutDown)
            return QStringLiteral("shutdown needs a connected socket.");
        return QString();
    case SocketCall::Close:
        return QString();
    }
    return QString();
}
