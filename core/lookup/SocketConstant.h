// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

// One named number from the system's socket headers, with what it means and what it is on
// the other common systems (empty where SocketLab has no record).
struct SocketConstant
{
    QString name;
    qint64 value = 0;
    QString group; // "AF_", "SOCK_", …, or "E" for errno names
    QString meaning;
    bool isFlag = false; // AI_, NI_, MSG_: values are bits, shown in hex too
    QString linuxValue;
    QString macosValue;
    QString windowsValue;
    // The Python module that defines the name ("socket", or "errno" for errno names); empty
    // when only C has it (AF_LOCAL: Python's socket module has AF_UNIX only).
    QString pythonModule;

    // "2", or "1024 (0x400)" for flags.
    QString valueText() const;
    // How Python spells it, "socket.AF_INET", or empty when Python lacks it.
    QString pythonName() const
    {
        return pythonModule.isEmpty() ? QString() : pythonModule + QLatin1Char('.') + name;
    }
};
