// SPDX-License-Identifier: MIT
#pragma once

#include "calls/DefaultSocket.h"

#include <QString>
#include <QStringList>

// The look-ups a lesson can make (socket module tour), answered the way Python's
// interpreter would print them. Blocking: a lesson runs it on a pool thread.
class LessonLookup
{
public:
    struct Answer
    {
        QString output; // what the interpreter would print
        QString error;  // "gaierror: [Errno -2] Name or service not known", empty if fine
        bool ok() const { return error.isEmpty(); }
    };

    // Every look-up but "defaults", which needs a socket and so the session's worker.
    static Answer run(const QString &lookup, const QStringList &args);
    static Answer defaults(const DefaultSocket &answer);
};
