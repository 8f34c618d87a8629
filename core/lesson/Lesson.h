// SPDX-License-Identifier: MIT
#pragma once

#include "lesson/LessonQuestion.h"
#include "lesson/LessonStep.h"

#include <QList>
#include <QString>
#include <QStringList>

// A guided lesson as read from a .lesson file (docs/lesson-format.md).
struct Lesson
{
    QString id; // "getting-the-flow": used on the command line and in settings
    QString title;
    QStringList goals;
    QList<LessonStep> steps;
    QList<LessonQuestion> check; // the learning-outcomes check at the end
    QString source;              // file name or ":/lessons/…", for messages
    // The {host} and {port} the lesson was read with: where it may connect (LessonReach).
    QString chosenHost;
    int chosenPort = 0;

    // The program the steps' code: lines build, up to and including step.
    QStringList programUpTo(int step) const
    {
        QStringList lines;
        for (int i = 0; i <= step && i < steps.size(); ++i)
            lines << steps.at(i).code;
        return lines;
    }
};
