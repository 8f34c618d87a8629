// SPDX-License-Identifier: MIT
#pragma once

#include "lesson/LessonRunner.h"

#include <QTimer>
#include <QWidget>

class HeadingLabel;
class QAction;
class QDoubleSpinBox;
class LessonProgramView;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QToolButton;

// Shows the lesson a LessonRunner plays: narration, the question with its answer on
// demand, the step's call as Python, how it went, and what a lookup printed. The
// navigation actions carry the keyboard shortcuts (Space/Right next, Left previous, P
// play/pause, A answer, Ctrl+Shift+R restart); the window adds them so they work anywhere.
class LessonPanel : public QWidget
{
    Q_OBJECT
public:
    explicit LessonPanel(LessonRunner *runner, QWidget *parent = nullptr);

    QList<QAction *> navigationActions() const;
    bool answerShown() const { return m_answerShown; }
    QString narrationText() const;
    // Offers to go on where the user left off last time (runs the steps up to it).
    void offerResume(int step);
    // A step still running after this long says how to stop waiting (default 30 s).
    void setStillWaitingAfterMs(int ms) { m_stillWaiting.setInterval(ms); }
    QString statusText() const;

private:
    void showStep(int step);
    void showStatus(int step);
    void showAnswer();
    void updateActions();

    LessonRunner *m_runner;
    HeadingLabel *m_title;
    HeadingLabel *m_stepTitle;
    QLabel *m_narration;
    QLabel *m_question;
    QLabel *m_answerText;
    QLabel *m_python;
    LessonProgramView *m_program;
    QLabel *m_status;
    QPlainTextEdit *m_output;
    QToolButton *m_answerButton;
    QPushButton *m_doIt;
    QPushButton *m_resume;
    QDoubleSpinBox *m_delay;
    QAction *m_next;
    QAction *m_previous;
    QAction *m_play;
    QAction *m_restart;
    QAction *m_answer;
    bool m_answerShown = false;
    int m_resumeStep = -1;
    // A step whose call never returns (an accept nobody answers) must not look stuck for
    // ever: after a while its status says how a person ends the wait.
    QTimer m_stillWaiting;
};
