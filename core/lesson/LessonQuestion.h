// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

// A question of a lesson's closing check, with the answer shown on demand.
struct LessonQuestion
{
    QString question;
    QString answer;
    int line = 0;
};
