// SPDX-License-Identifier: MIT
#include "RoleColors.h"

namespace {
RoleColors::Scheme currentScheme = RoleColors::Scheme::Light;
}

void RoleColors::setScheme(Scheme scheme)
{
    currentScheme = scheme;
}

RoleColors::Scheme RoleColors::scheme()
{
    return currentScheme;
}

QColor RoleColors::strong(SocketRole role)
{
    if (isDark())
        return role == SocketRole::Client ? QColor(0xE6, 0x9F, 0x00) : QColor(0x56, 0xB4, 0xE9);
    return role == SocketRole::Client ? QColor(0xD5, 0x5E, 0x00) : QColor(0x00, 0x72, 0xB2);
}

QColor RoleColors::tint(SocketRole role)
{
    switch (currentScheme) {
    case Scheme::Light:
        return role == SocketRole::Client ? QColor(0xFB, 0xE6, 0xD6) : QColor(0xDD, 0xEC, 0xF7);
    case Scheme::Dark:
        return role == SocketRole::Client ? QColor(0x4A, 0x33, 0x1C) : QColor(0x1C, 0x36, 0x4A);
    case Scheme::HighContrast:
        return role == SocketRole::Client ? QColor(0x2A, 0x1C, 0x00) : QColor(0x00, 0x1C, 0x2E);
    }
    return Qt::white;
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
        return QColor(0x9A, 0x6A, 0x00);
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

QColor RoleColors::errorText()
{
    switch (currentScheme) {
    case Scheme::Light:
        return QColor(0xA0, 0x10, 0x00);
    case Scheme::Dark:
        return QColor(0xFF, 0x8A, 0x75);
    case Scheme::HighContrast:
        return QColor(0xFF, 0x9E, 0x8C);
    }
    return Qt::red;
}

QColor RoleColors::warningText()
{
    return isDark() ? QColor(0xF0, 0xC0, 0x60) : QColor(0x7A, 0x4A, 0x00);
}

QColor RoleColors::mutedText()
{
    switch (currentScheme) {
    case Scheme::Light:
        return QColor(0x55, 0x55, 0x55);
    case Scheme::Dark:
        return QColor(0xB0, 0xB0, 0xB0);
    case Scheme::HighContrast:
        return QColor(0xD8, 0xD8, 0xD8);
    }
    return Qt::gray;
}

QColor RoleColors::selectedBand()
{
    return isDark() ? QColor(0x5A, 0x48, 0x00) : QColor(0xFF, 0xE0, 0x8A);
}

QColor RoleColors::newestBand()
{
    switch (currentScheme) {
    case Scheme::Light:
        return QColor(0xEE, 0xEE, 0xEE);
    case Scheme::Dark:
        return QColor(0x3A, 0x3A, 0x3A);
    case Scheme::HighContrast:
        return QColor(0x1A, 0x1A, 0x1A);
    }
    return Qt::lightGray;
}

QColor RoleColors::blockedBar()
{
    return QColor(0xE6, 0x9F, 0x00);
}
