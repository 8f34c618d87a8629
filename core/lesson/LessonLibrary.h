// SPDX-License-Identifier: MIT
#pragma once

#include "lesson/LessonParser.h"

#include <QString>
#include <QStringList>

// The lessons that ship with SocketLab (resources/lessons, compiled in) and lesson files
// a user opens.
class LessonLibrary
{
public:
    // In teaching order: socket-tour, http-client, getting-the-flow, …
    static QStringList builtInIds();
    // A built-in lesson by id, or a file when idOrPath is not a built-in id.
    static LessonParser::Result load(const QString &idOrPath,
                                     const LessonParser::Settings &settings = {});
    static LessonParser::Result loadFile(const QString &path,
                                         const LessonParser::Settings &settings = {});
};
