// SPDX-License-Identifier: MIT
#pragma once

#include "lesson/LessonAction.h"

#include <QString>
#include <QStringList>

// Reads the value of one action line of a lesson file (do:, wait:, lookup:, browse: and
// expect:) into a LessonAction, or says what is wrong with it. LessonParser reads the rest
// of the file (keys, steps, translations) and adds the line number.
class LessonActionReader
{
public:
    // "server bind 127.0.0.1 50000" ({host} and {port} already filled in); byUser for wait:.
    bool readCall(LessonAction &a, const QString &value, bool byUser);
    bool readLookup(LessonAction &a, const QString &value);
    bool readBrowse(LessonAction &a, const QString &value);
    // What the call before it should do: an errno name, N bytes, blocks, returns, until-closed.
    bool readExpect(LessonAction &a, const QString &value);
    // Why the last read returned false.
    const QString &error() const { return m_error; }

private:
    bool fail(const QString &message);
    bool number(const QString &text, int low, int high, const QString &what, int *out);
    bool constant(const QString &text, const QString &group, int *out);
    void callLine(LessonAction &a, const QString &value, bool byUser);
    void serveWords(LessonAction &a, const QStringList &args);
    void lookupLine(LessonAction &a, const QString &value);
    void browseLine(LessonAction &a, const QString &value);
    void expectLine(LessonAction &a, const QString &value);

    QString m_error;
};
