// SPDX-License-Identifier: MIT
#pragma once

#include "lesson/LessonRunner.h"

#include <QFrame>

class LessonProgramView;
class QLabel;

// The lesson's narration as a caption bar across the top of the stage in presenter mode:
// step number and title, what to say, and how the step's call went.
class LessonCaption : public QFrame
{
    Q_OBJECT
public:
    explicit LessonCaption(LessonRunner *runner, QWidget *parent = nullptr);

    QString text() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void showStep(int step);
    void applyColors();

    LessonRunner *m_runner;
    QLabel *m_counter;
    QLabel *m_title;
    QLabel *m_narration;
    QLabel *m_status;
    QLabel *m_output; // what a lookup printed, in the interpreter's words
    LessonProgramView *m_program;
    int m_shownStep = -2;

    static constexpr int maxOutputLines = 8;
};
