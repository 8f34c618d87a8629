// SPDX-License-Identifier: MIT
#pragma once

#include "lesson/LessonAction.h"

#include <QString>
#include <QStringList>

// One step of a lesson: what to say, what to ask, and what to do.
struct LessonStep
{
    QString title;
    QString narration; // paragraphs separated by "\n\n"
    QString question;
    QString answer; // revealed on demand
    // Lines this step adds to the program the lesson builds (code:), indentation kept.
    QStringList code;
    LessonAction action;
    int line = 0;
};
