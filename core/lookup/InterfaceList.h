// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

// This machine's network interfaces and their addresses, so an instructor can read out
// "connect to 192.168.1.23:50000" to a class.
class InterfaceList
{
public:
    struct Entry
    {
        QString name;
        bool isUp = false;
        bool isLoopback = false;
        QStringList ipv4;
        QStringList ipv6;
    };

    static QList<Entry> current();
};
