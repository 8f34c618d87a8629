// SPDX-License-Identifier: MIT
#include "AppIdentity.h"

#include <QApplication>
#include <QIcon>

void AppIdentity::apply()
{
    QApplication::setOrganizationName(QStringLiteral("SocketLab"));
    QApplication::setApplicationName(QStringLiteral("SocketLab"));
    QApplication::setApplicationVersion(QStringLiteral(SOCKETLAB_VERSION));
    QGuiApplication::setDesktopFileName(desktopId());
    // Started without a display (HeadlessStart), there is no window to give an icon to.
    if (!qobject_cast<QGuiApplication *>(QCoreApplication::instance()))
        return;
    // PNGs rather than the SVG: Qt reads SVG only with a plugin a system may not have.
    QIcon icon;
    for (const int size : iconSizes)
        icon.addFile(QStringLiteral(":/icons/%1.png").arg(size), QSize(size, size));
    QApplication::setWindowIcon(icon);
}
