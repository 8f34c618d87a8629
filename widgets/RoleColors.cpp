#include "RoleColors.h"

QColor RoleColors::strong(SocketRole role)
{
    return role == SocketRole::Client ? QColor(0xD5, 0x5E, 0x00) : QColor(0x00, 0x72, 0xB2);
}

QColor RoleColors::tint(SocketRole role)
{
    return role == SocketRole::Client ? QColor(0xFB, 0xE6, 0xD6) : QColor(0xDD, 0xEC, 0xF7);
}

QColor RoleColors::state(SocketState state)
{
    switch (state) {
    case SocketState::Created:
        return QColor(0x6B, 0x6B, 0x6B);
    case SocketState::Bound:
        return QColor(0x56, 0x5E, 0xB4);
    case SocketState::Listening:
        return QColor(0x00, 0x72, 0xB2);
    case SocketState::Connecting:
        return QColor(0xB0, 0x7A, 0x00);
    case SocketState::Connected:
        return QColor(0x00, 0x7A, 0x5A);
    case SocketState::PeerClosed:
    case SocketState::ShutDown:
        return QColor(0xA6, 0x5E, 0x00);
    case SocketState::Closed:
        return QColor(0x33, 0x33, 0x33);
    case SocketState::Failed:
        return QColor(0xC0, 0x30, 0x00);
    }
    return Qt::gray;
}
