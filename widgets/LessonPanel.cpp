// SPDX-License-Identifier: MIT
#include "LessonPanel.h"

#include "HeadingLabel.h"
#include "LessonProgramView.h"
#include "MonospaceFont.h"
#include "RoleColors.h"

#include <QAction>
#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QToolButton>
#include <QVBoxLayout>

namespace {
QToolButton *toolButtonFor(QAction *action, QWidget *parent)
{
    auto *b = new QToolButton(parent);
    b->setDefaultAction(action);
    b->setToolButtonStyle(Qt::ToolButtonTextOnly);
    return b;
}

QString escaped(const QString &text)
{
    return text.toHtmlEscaped().replace(QStringLiteral("\n\n"), QStringLiteral("<p>"));
}
} // namespace

LessonPanel::LessonPanel(LessonRunner *runner, QWidget *parent)
    : QWidget(parent), m_runner(runner), m_title(new HeadingLabel(QString(), 1.3, this)),
      m_stepTitle(new HeadingLabel(QString(), 1.1, this)), m_narration(new QLabel(this)),
      m_question(new QLabel(this)), m_answerText(new QLabel(this)), m_python(new QLabel(this)),
      m_program(new LessonProgramView(this)), m_status(new QLabel(this)),
      m_output(new QPlainTextEdit(this)), m_answerButton(new QToolButton(this)),
      m_doIt(new QPushButton(tr("Do it for me"), this)), m_resume(new QPushButton(this)),
      m_delay(new QDoubleSpinBox(this)), m_next(new QAction(tr("&Next Step"), this)),
      m_previous(new QAction(tr("&Previous Step"), this)), m_play(new QAction(tr("&Play"), this)),
      m_restart(new QAction(tr("&Restart Lesson"), this)),
      m_answer(new QAction(tr("Show &Answer"), this))
{
    setObjectName(QStringLiteral("lessonPanel"));
    m_title->setWordWrap(true);
    m_stepTitle->setWordWrap(true);
    m_stepTitle->setObjectName(QStringLiteral("lessonStepTitle"));
    for (QLabel *l : {m_narration, m_question, m_answerText, m_status}) {
        l->setWordWrap(true);
        l->setTextInteractionFlags(Qt::TextSelectableByMouse);
    }
    m_narration->setObjectName(QStringLiteral("lessonNarration"));
    m_narration->setTextFormat(Qt::RichText);
    m_narration->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_question->setTextFormat(Qt::RichText);
    m_answerText->setTextFormat(Qt::PlainText);
    m_answerText->setObjectName(QStringLiteral("lessonAnswer"));
    m_python->setTextFormat(Qt::PlainText);
    m_python->setFont(MonospaceFont::font());
    m_python->setWordWrap(true);
    m_python->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->setObjectName(QStringLiteral("lessonStatus"));
    m_output->setReadOnly(true);
    m_output->setTabChangesFocus(true);
    m_output->setFont(MonospaceFont::font());
    m_output->setObjectName(QStringLiteral("lessonOutput"));
    m_output->setAccessibleName(tr("What the step printed"));
    m_output->setMaximumHeight(220);

    m_next->setObjectName(QStringLiteral("lessonNext"));
    m_next->setShortcuts({QKeySequence(Qt::Key_Space), QKeySequence(Qt::Key_Right)});
    m_next->setToolTip(tr("Show the next step and make its call (Space or →). On your turn, "
                          "the lesson makes the call for you."));
    m_previous->setObjectName(QStringLiteral("lessonPrevious"));
    m_previous->setShortcut(QKeySequence(Qt::Key_Left));
    m_previous->setToolTip(tr("Show the previous step's text again (←). Calls already made are "
                              "not undone."));
    m_play->setObjectName(QStringLiteral("lessonPlay"));
    m_play->setShortcut(QKeySequence(Qt::Key_P));
    m_play->setCheckable(true);
    m_play->setToolTip(tr("Play the steps one after another (P); pauses on your turn and on "
                          "failures"));
    m_restart->setObjectName(QStringLiteral("lessonRestart"));
    m_restart->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
    m_restart->setToolTip(tr("Close the lesson's sockets and start again (Ctrl+Shift+R)"));
    m_answer->setObjectName(QStringLiteral("lessonAnswerAction"));
    m_answer->setShortcut(QKeySequence(Qt::Key_A));
    m_answer->setToolTip(tr("Reveal the answer to the step's question (A)"));
    m_answerButton->setDefaultAction(m_answer);
    m_doIt->setToolTip(tr("Make this step's call for the student"));
    m_delay->setRange(0.2, 20);
    m_delay->setSingleStep(0.5);
    m_delay->setDecimals(1);
    m_delay->setSuffix(tr(" s"));
    m_delay->setValue(m_runner->playDelayMs() / 1000.0);
    m_delay->setToolTip(tr("Pause between steps while playing"));
    m_delay->setAccessibleName(tr("Seconds between steps"));
    m_delay->setObjectName(QStringLiteral("lessonDelay"));
    m_resume->hide();
    m_resume->setObjectName(QStringLiteral("lesson.resume"));
    m_resume->setAccessibleName(tr("Go on where you left off"));
    m_resume->setToolTip(tr("Play the lesson again up to the step you reached last time, making "
                            "its calls"));

    auto *questionRow = new QHBoxLayout;
    questionRow->addWidget(m_question, 1);
    questionRow->addWidget(m_answerButton, 0, Qt::AlignTop);
    // Two rows, so the dock stays narrow enough for the panes beside it to show their calls
    // without scrolling sideways.
    auto *stepping = new QHBoxLayout;
    stepping->addWidget(toolButtonFor(m_previous, this));
    stepping->addWidget(toolButtonFor(m_next, this));
    stepping->addStretch(1);
    stepping->addWidget(toolButtonFor(m_restart, this));
    auto *playing = new QHBoxLayout;
    playing->addWidget(toolButtonFor(m_play, this));
    playing->addWidget(new QLabel(tr("every"), this));
    playing->addWidget(m_delay);
    playing->addStretch(1);
    // The step's text scrolls when it is longer than the dock (a lesson file decides how
    // long it is); the buttons below it stay in view.
    auto *text = new QWidget;
    auto *textLayout = new QVBoxLayout(text);
    textLayout->setContentsMargins(0, 0, 0, 0);
    textLayout->addWidget(m_title);
    textLayout->addWidget(m_stepTitle);
    textLayout->addWidget(m_narration);
    textLayout->addLayout(questionRow);
    textLayout->addWidget(m_answerText);
    textLayout->addWidget(m_python);
    textLayout->addWidget(m_program);
    textLayout->addWidget(m_status);
    textLayout->addWidget(m_doIt, 0, Qt::AlignLeft);
    textLayout->addWidget(m_output);
    textLayout->addWidget(m_resume, 0, Qt::AlignLeft);
    textLayout->addStretch(1);
    auto *scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("lessonText"));
    scroll->setAccessibleName(tr("Lesson step"));
    scroll->setWidget(text);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(scroll, 1);
    layout->addLayout(stepping);
    layout->addLayout(playing);

    connect(m_next, &QAction::triggered, m_runner, &LessonRunner::next);
    connect(m_previous, &QAction::triggered, m_runner, &LessonRunner::previous);
    connect(m_restart, &QAction::triggered, m_runner, &LessonRunner::restart);
    connect(m_play, &QAction::triggered, this, [this](bool on) {
        if (on)
            m_runner->play();
        else
            m_runner->pause();
    });
    connect(m_answer, &QAction::triggered, this, &LessonPanel::showAnswer);
    connect(m_doIt, &QPushButton::clicked, m_runner, &LessonRunner::doItForMe);
    connect(m_resume, &QPushButton::clicked, this, [this] {
        m_resume->hide();
        m_runner->runTo(m_resumeStep);
    });
    connect(m_delay, &QDoubleSpinBox::valueChanged, this,
            [this](double seconds) { m_runner->setPlayDelayMs(int(seconds * 1000)); });
    connect(m_runner, &LessonRunner::stepChanged, this, &LessonPanel::showStep);
    connect(m_runner, &LessonRunner::statusChanged, this, [this](int step) {
        if (step == m_runner->currentStep())
            showStatus(step);
        updateActions();
    });
    m_stillWaiting.setSingleShot(true);
    m_stillWaiting.setInterval(30000);
    connect(&m_stillWaiting, &QTimer::timeout, this, [this] {
        const int step = m_runner->currentStep();
        if (m_runner->status(step) != LessonRunner::StepStatus::Running)
            return;
        m_status->setText(tr("Still waiting after %1 s: %2. Nothing more may happen by itself: "
                             "make the other side act, close the socket in its pane, or "
                             "restart the lesson (Ctrl+Shift+R).")
                              .arg(m_stillWaiting.interval() / 1000)
                              .arg(m_runner->statusDetail(step)));
        m_status->setStyleSheet(
            QStringLiteral("QLabel { color: %1; }").arg(RoleColors::warningText().name()));
    });
    connect(m_runner, &LessonRunner::output, this, [this](int step, const QString &text) {
        if (step == m_runner->currentStep()) {
            m_output->setPlainText(text);
            m_output->show();
        }
    });
    connect(m_runner, &LessonRunner::playingChanged, this, [this](bool playing) {
        m_play->setChecked(playing);
        m_play->setText(playing ? tr("&Pause") : tr("&Play"));
    });
    showStep(m_runner->currentStep());
}

QList<QAction *> LessonPanel::navigationActions() const
{
    return {m_next, m_previous, m_play, m_answer, m_restart};
}

QString LessonPanel::narrationText() const
{
    return m_narration->text();
}

void LessonPanel::offerResume(int step)
{
    if (step < 0 || step >= m_runner->stepCount())
        return;
    m_resumeStep = step;
    m_resume->setText(tr("Continue where you left off: step %1").arg(step + 1));
    m_resume->show();
}

void LessonPanel::showStep(int step)
{
    const Lesson &lesson = m_runner->lesson();
    m_answerShown = false;
    m_title->setText(lesson.title);
    m_answerText->hide();
    m_output->clear();
    m_output->hide();
    const int n = m_runner->stepCount();
    if (step < 0) {
        m_stepTitle->setText(tr("What you will learn"));
        QString goals;
        for (const QString &g : lesson.goals)
            goals += QStringLiteral("<li>%1</li>").arg(g.toHtmlEscaped());
        m_narration->setText(
            QStringLiteral("<ul>%1</ul><p>%2</p>")
                .arg(goals, tr("Press Space (or Next) to begin. Each step makes a real call; "
                               "Left shows earlier steps again, but calls are not undone.")
                                .toHtmlEscaped()));
        m_question->clear();
        m_question->hide();
        m_answerButton->hide();
        m_python->hide();
        m_program->showProgram({}, {});
    } else if (step >= n) {
        m_stepTitle->setText(tr("Check what you learned"));
        QString questions;
        for (const LessonQuestion &q : lesson.check)
            questions += QStringLiteral("<li>%1</li>").arg(q.question.toHtmlEscaped());
        m_narration->setText(QStringLiteral("<ol>%1</ol>").arg(questions));
        m_question->hide();
        m_answerButton->show();
        m_python->hide();
        m_program->showProgram({}, {});
    } else {
        const LessonStep &s = lesson.steps.at(step);
        m_program->showProgram(lesson.programUpTo(step - 1), s.code);
        m_stepTitle->setText(tr("Step %1 of %2: %3").arg(step + 1).arg(n).arg(s.title));
        m_narration->setText(escaped(s.narration));
        m_question->setText(tr("<b>Question:</b> %1").arg(s.question.toHtmlEscaped()));
        m_question->setVisible(!s.question.isEmpty());
        m_answerButton->setVisible(!s.question.isEmpty());
        const QString python = s.action.python();
        m_python->setText(s.action.byUser ? tr("Your turn: %1").arg(python)
                                          : QStringLiteral(">>> %1").arg(python));
        m_python->setVisible(!python.isEmpty());
    }
    showStatus(step);
    updateActions();
}

void LessonPanel::showStatus(int step)
{
    const LessonRunner::StepStatus status = m_runner->status(step);
    const QString detail = m_runner->statusDetail(step);
    QString text;
    QColor color = palette().color(QPalette::WindowText);
    switch (status) {
    case LessonRunner::StepStatus::NotRun:
        break;
    case LessonRunner::StepStatus::Running:
        text = tr("Running… %1").arg(detail);
        break;
    case LessonRunner::StepStatus::WaitingForUser:
        text = tr("Your turn: make this call in the pane (or press Space to let the lesson do "
                  "it).");
        if (detail.startsWith(tr("that failed")))
            text = detail;
        color = RoleColors::warningText();
        break;
    case LessonRunner::StepStatus::Done:
        text = detail.isEmpty() ? tr("✓ Done") : tr("✓ Done: %1").arg(detail);
        break;
    case LessonRunner::StepStatus::Failed:
        text = tr("✗ Failed: %1").arg(detail);
        color = RoleColors::errorText();
        break;
    case LessonRunner::StepStatus::Skipped:
        text = tr("Skipped: %1").arg(detail);
        color = RoleColors::mutedText();
        break;
    }
    m_status->setText(text);
    m_status->setStyleSheet(QStringLiteral("QLabel { color: %1; }").arg(color.name()));
    // The clock runs from when the step started to run, not from its latest news.
    if (status != LessonRunner::StepStatus::Running)
        m_stillWaiting.stop();
    else if (!m_stillWaiting.isActive())
        m_stillWaiting.start();
    m_status->setVisible(!text.isEmpty());
    m_doIt->setVisible(status == LessonRunner::StepStatus::WaitingForUser);
}

QString LessonPanel::statusText() const
{
    return m_status->text();
}

void LessonPanel::showAnswer()
{
    const int step = m_runner->currentStep();
    const Lesson &lesson = m_runner->lesson();
    if (step >= m_runner->stepCount()) {
        QString answers;
        for (const LessonQuestion &q : lesson.check)
            answers += QStringLiteral("<li>%1<br><i>%2</i></li>")
                           .arg(q.question.toHtmlEscaped(), q.answer.toHtmlEscaped());
        m_narration->setText(QStringLiteral("<ol>%1</ol>").arg(answers));
        m_answerShown = true;
        return;
    }
    if (step < 0 || lesson.steps.at(step).answer.isEmpty())
        return;
    m_answerText->setText(tr("Answer: %1").arg(lesson.steps.at(step).answer));
    m_answerText->show();
    m_answerShown = true;
}

void LessonPanel::updateActions()
{
    const bool has = m_runner->hasLesson();
    const int step = m_runner->currentStep();
    m_next->setEnabled(has && step < m_runner->stepCount());
    m_previous->setEnabled(has && step >= 0);
    m_play->setEnabled(has && step < m_runner->stepCount());
    m_restart->setEnabled(has);
    m_answer->setEnabled(
        has && step >= 0 &&
        (step >= m_runner->stepCount() || !m_runner->lesson().steps.at(step).answer.isEmpty()));
}
