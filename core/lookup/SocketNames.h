// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

// Names of the family, type and protocol numbers this calls use, as Python spells
// them ("AF_INET"). The full constants table belongs to the lookups panel.
class SocketNames
{
public:
    static QString family(int family);
    static QString type(int type);
    static QString protocol(int protocol);
    static QString shutdownHow(int how);
};
