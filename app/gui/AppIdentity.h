// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

// Who the application is to the desktop: its names and version (also where QSettings keeps
// its settings), the desktop entry its windows belong to (Wayland's app id, and the entry a
// task bar groups them under) and the icon every window shows. main() applies it first.
class AppIdentity
{
public:
    // The desktop entry's id: resources/desktop/<id>.desktop, and the icon's name.
    static QString desktopId() { return QStringLiteral("io.github.socketlab.SocketLab"); }
    // The icon sizes installed under hicolor and built into the program.
    static constexpr int iconSizes[] = {16, 22, 24, 32, 48, 64, 128, 256};

    // Also with a QCoreApplication (no display): then everything but the icon.
    static void apply();
};
