// SPDX-License-Identifier: MIT
#pragma once

#include "calls/SocketRole.h"

#include <QHash>
#include <QString>

// Which name (see SocketName) each of a session's sockets is shown by. A new socket gets the
// first free name of its role, as a student would reuse a variable; a lesson claims the
// course's names for its own sockets, and a socket that had one moves to the next free name,
// so a name never stands for two sockets at once.
class SocketNaming
{
public:
    // id's name; one that has none gets the first free name of its role.
    QString nameFor(const QString &id, SocketRole role);
    QString name(const QString &id) const { return m_nameOf.value(id); }
    // Gives id the name wanted. Returns the socket that had it (now renamed), or empty.
    QString claim(const QString &id, const QString &wanted);
    // id left the table: its name is free again.
    void release(const QString &id);

private:
    QString firstFree(const QString &base);
    void take(const QString &id, const QString &name);

    QHash<QString, QString> m_nameOf; // id → name
    QHash<QString, QString> m_idOf;   // name → id
    // Per base: every number below this one is taken (conn, conn_2, …), so a thousand new
    // connections do not each count through all the others.
    QHash<QString, int> m_lowestFree;
};
