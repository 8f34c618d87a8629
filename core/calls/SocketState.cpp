// SPDX-License-Identifier: MIT
#include "calls/SocketState.h"

QString socketStateName(SocketState state)
{
    switch (state) {
    case SocketState::Created:
        return QStringLiteral("CREATED");
    case SocketState::Bound:
        return QStringLiteral("BOUND");
    case SocketState::Listening:
        return QStringLiteral("LISTENING");
    case SocketState::Connecting:
        return QStringLiteral("CONNECTING");
    case SocketState::Connected:
        return QStringLiteral("CONNECTED");
    case SocketState::PeerClosed:
        return QStringLiteral("PEER CLOSED");
    case SocketState::ShutDown:
        return QStringLiteral("SHUT DOWN");
    case SocketState::Closed:
        return QStringLiteral("CLOSED");
    case SocketState::Failed:
        return QStringLiteral("FAILED");
    }
    return QString();
}
