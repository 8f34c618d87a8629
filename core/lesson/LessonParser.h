// SPDX-License-Identifier: MIT
#pragma once

#include "lesson/Lesson.h"

#include <QByteArray>
#include <QString>

// Reads the lesson text format (docs/lesson-format.md). Every problem is reported with the
// line it is on; nothing in a lesson file is run, looked up or opened while parsing.
class LessonParser
{
public:
    struct Settings
    {
        QString host = QStringLiteral("127.0.0.1"); // fills {host}
        int port = 50000;                           // fills {port}
        // Picks title[xx]: and goal[xx]: lines; the default locale's language when empty.
        QString language;
    };
    struct Result
    {
        Lesson lesson;
        QString error; // "line 12: bind needs HOST PORT"; empty when the file is fine
        int line = 0;
        bool ok() const { return error.isEmpty(); }
    };

    static Result parse(const QByteArray &text, const QString &source, const Settings &settings);
    // Lesson files are small; anything bigger is not a lesson. A line holds a paragraph at
    // most; the counts are far above the course's longest lesson (about 40 steps).
    static constexpr qint64 maxFileSize = 256 * 1024;
    static constexpr int maxLineLength = 2000;
    static constexpr int maxSteps = 200;
    static constexpr int maxGoals = 20;
};
