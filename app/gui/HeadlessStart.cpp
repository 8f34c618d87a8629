// SPDX-License-Identifier: MIT
#include "HeadlessStart.h"

#include <QApplication>

#include <cstdio>
#include <cstring>

bool HeadlessStart::needed(int argc, char *argv[])
{
    for (const char *variable : {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"}) {
        if (!qEnvironmentVariableIsEmpty(variable))
            return false;
    }
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "-platform") == 0 || std::strcmp(argv[i], "--platform") == 0)
            return false;
    }
    return true;
}

QCoreApplication *HeadlessStart::createApplication(int &argc, char *argv[])
{
    if (needed(argc, argv))
        return new QCoreApplication(argc, argv);
    return new QApplication(argc, argv);
}

int HeadlessStart::explain()
{
    std::fprintf(
        stderr, "socketlab: %s\n",
        qPrintable(QCoreApplication::translate(
            "HeadlessStart", "there is no display to open the window on (DISPLAY and "
                             "WAYLAND_DISPLAY are not set). For a picture without a display, add "
                             "-platform offscreen --screenshot FILE; in a terminal, socketlab-cli "
                             "makes the same calls.")));
    return 1;
}
