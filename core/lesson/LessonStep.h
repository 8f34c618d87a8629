#pragma once

#include "lesson/LessonAction.h"

#include <QString>

// One step of a lesson: what to say, what to ask, and what to do.
struct LessonStep
{
    QString title;
    QString narration; // paragraphs separated by "\n\n"
    QString question;
    QString answer; // revealed on demand
    LessonAction action;
    int line = 0;
};
