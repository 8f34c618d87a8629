#pragma once

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

    static Answer run(const QString &lookup, const QStringList &args);
};
