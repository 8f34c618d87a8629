// SPDX-License-Identifier: MIT
#include "LessonCaption.h"

#include "LessonProgramView.h"
#include "MonospaceFont.h"
#include "RoleColors.h"

#include "present/WrappableText.h"

#include <QEvent>
#include <QGridLayout>
#include <QLabel>

LessonCaption::LessonCaption(LessonRunner *runner, QWidget *parent)
    : QFrame(parent), m_runner(runner), m_counter(new QLabel(this)), m_title(new QLabel(this)),
      m_narration(new QLabel(this)), m_status(new QLabel(this)), m_output(new QLabel(this)),
      m_program(new LessonProgramView(this))
{
    setObjectName(QStringLiteral("lessonCaption"));
    setAccessibleName(tr("Lesson caption"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    m_counter->setObjectName(QStringLiteral("captionCounter"));
    m_narration->setObjectName(QStringLiteral("captionNarration"));
    m_narration->setWordWrap(true);
    m_status->setWordWrap(true);
    m_title->setWordWrap(true);
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_counter->setFont(bold);
    auto *layout = new QGridLayout(this);
    layout->addWidget(m_counter, 0, 0, Qt::AlignTop);
    layout->addWidget(m_title, 0, 1);
    layout->addWidget(m_narration, 1, 1);
    layout->addWidget(m_program, 2, 1);
    layout->addWidget(m_status, 3, 1);
    layout->addWidget(m_output, 4, 1);
    m_program->setContextLines(1);
    m_output->setObjectName(QStringLiteral("captionOutput"));
    m_output->setTextFormat(Qt::PlainText);
    m_output->setWordWrap(true);
    m_output->setFont(MonospaceFont::font());
    m_output->hide();
    layout->setColumnStretch(1, 1);
    connect(m_runner, &LessonRunner::stepChanged, this, &LessonCaption::showStep);
    connect(m_runner, &LessonRunner::statusChanged, this, [this](int step) {
        if (step == m_runner->currentStep())
            showStep(step);
    });
    connect(m_runner, &LessonRunner::output, this, [this](int step, const QString &text) {
        if (step != m_runner->currentStep())
            return;
        // A caption, not a console: the first lines are what the class needs to see.
        QStringList lines = text.split(QLatin1Char('\n'));
        if (lines.size() > maxOutputLines) {
            const int more = int(lines.size()) - maxOutputLines;
            lines = lines.mid(0, maxOutputLines);
            lines << tr("… and %n more line(s)", nullptr, more);
        }
        // Wrapped: a lookup's long rows must not push the caption past the screen's edge.
        m_output->setText(WrappableText::of(lines.join(QLatin1Char('\n'))));
        m_output->show();
    });
    applyColors();
    showStep(m_runner->currentStep());
}

QString LessonCaption::text() const
{
    return m_narration->text();
}

void LessonCaption::changeEvent(QEvent *event)
{
    QFrame::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange)
        applyColors();
}

void LessonCaption::applyColors()
{
    QPalette p = palette();
    p.setColor(QPalette::Window, RoleColors::newestBand());
    setPalette(p);
}

void LessonCaption::showStep(int step)
{
    if (step != m_shownStep) {
        m_output->clear();
        m_output->hide();
        m_shownStep = step;
    }
    const Lesson &lesson = m_runner->lesson();
    const int n = m_runner->stepCount();
    if (step < 0) {
        m_counter->setText(QString());
        m_title->setText(lesson.title);
        m_narration->setText(lesson.goals.join(QStringLiteral("  ·  ")));
        m_program->showProgram({}, {});
    } else if (step >= n) {
        m_counter->setText(tr("Check"));
        m_title->setText(tr("Check what you learned"));
        QStringList questions;
        for (const LessonQuestion &q : lesson.check)
            questions << q.question;
        m_narration->setText(questions.join(QLatin1Char('\n')));
        m_program->showProgram({}, {});
    } else {
        const LessonStep &s = lesson.steps.at(step);
        m_counter->setText(QStringLiteral("%1/%2").arg(step + 1).arg(n));
        m_title->setText(s.title);
        QString narration = s.narration;
        narration.replace(QStringLiteral("\n\n"), QStringLiteral("\n"));
        if (!s.question.isEmpty())
            narration += QStringLiteral("\n") + tr("Question: %1").arg(s.question);
        m_narration->setText(narration);
        m_program->showProgram(lesson.programUpTo(step - 1), s.code);
    }
    const LessonRunner::StepStatus status = m_runner->status(step);
    QString text;
    if (status == LessonRunner::StepStatus::WaitingForUser)
        text = tr("Your turn: %1").arg(lesson.steps.at(step).action.python());
    else if (status == LessonRunner::StepStatus::Failed)
        text = tr("✗ %1").arg(m_runner->statusDetail(step));
    else if (step >= 0 && step < n && status == LessonRunner::StepStatus::Done)
        text = QStringLiteral(">>> %1").arg(lesson.steps.at(step).action.python());
    m_status->setText(text);
    m_status->setVisible(!text.isEmpty() && !text.endsWith(QLatin1String(">>> ")));
    m_status->setStyleSheet(
        QStringLiteral("QLabel { color: %1; }")
            .arg((status == LessonRunner::StepStatus::Failed ? RoleColors::errorText()
                  : status == LessonRunner::StepStatus::WaitingForUser
                      ? RoleColors::warningText()
                      : palette().color(QPalette::WindowText))
                     .name()));
}
