// SPDX-License-Identifier: MIT
#include "calls/SocketCall.h"

QString socketCallName(SocketCall call)
{
    switch (call) {
    case SocketCall::None:
        return QString();
    case SocketCall::Socket:
        return QStringLiteral("socket");
    case SocketCall::SetSockOpt:
        return QStringLiteral("setsockopt");
    case SocketCall::Bind:
        return QStringLiteral("bind");
    case SocketCall::Listen:
        return QStringLiteral("listen");
    case SocketCall::Accept:
        return QStringLiteral("accept");
    case SocketCall::Connect:
        return QStringLiteral("connect");
    case SocketCall::Send:
        return QStringLiteral("send");
    case SocketCall::SendAll:
        return QStringLiteral("sendall");
    case SocketCall::Recv:
        return QStringLiteral("recv");
    case SocketCall::SendTo:
        return QStringLiteral("sendto");
    case SocketCall::RecvFrom:
        return QStringLiteral("recvfrom");
    case SocketCall::Shutdown:
        return QStringLiteral("shutdown");
    case SocketCall::Close:
        return QStringLiteral("close");
    }
    return QString();
}

bool isSendingCall(SocketCall call)
{
    return call == SocketCall::Send || call == SocketCall::SendAll || call == SocketCall::SendTo;
}

bool isReceivingCall(SocketCall call)
{
    return call == SocketCall::Recv || call == SocketCall::RecvFrom;
}
