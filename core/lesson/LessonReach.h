// SPDX-License-Identifier: MIT
#pragma once

#include "calls/SocketAddress.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

// Where a lesson may send: lessons are shared files, so a downloaded one must not be able to
// talk to a database or a DNS server on this machine. A lesson's connect and sendto may go
// to an address one of its own sockets is bound to, or to the {host}:{port} the user chose
// for it; anything else needs the user's word (a question in the window,
// --allow-any-address in the console). Look-ups stay free: the module tour needs them.
class LessonReach
{
    Q_DECLARE_TR_FUNCTIONS(LessonReach)

public:
    // Empty when the lesson may send to host:port (or, for a Unix socket, the path in
    // host); otherwise why not, in a sentence for the step's status.
    static QString whyRefused(const QString &host, int port, const QString &chosenHost,
                              int chosenPort, const QList<SocketAddress> &ownAddresses);

private:
    static bool isLoopbackName(const QString &host);
};
