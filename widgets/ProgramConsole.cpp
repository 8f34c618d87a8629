// SPDX-License-Identifier: MIT
#include "ProgramConsole.h"

#include "MonospaceFont.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QVBoxLayout>

ProgramConsole::ProgramConsole(QWidget *parent)
    : QWidget(parent), m_status(new QLabel), m_diagnosis(new QLabel), m_output(new QPlainTextEdit),
      m_input(new QLineEdit), m_stop(new QPushButton)
{
    setObjectName(QStringLiteral("programConsole"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 2, 4, 2);
    auto *top = new QHBoxLayout;
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    top->addWidget(m_status, 1);
    top->addWidget(m_stop);
    layout->addLayout(top);
    m_diagnosis->setObjectName(QStringLiteral("stuckDiagnosis"));
    m_diagnosis->setWordWrap(true);
    m_diagnosis->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_diagnosis->setToolTip(tr("Why is it stuck? Who waits for whom, from both ends' calls"));
    m_diagnosis->setStyleSheet(QStringLiteral("QLabel { color: #8a4b00; font-weight: bold; }"));
    m_diagnosis->hide();
    layout->addWidget(m_diagnosis);
    m_output->setReadOnly(true);
    m_output->setMaximumBlockCount(keptLines);
    m_output->setFont(MonospaceFont::font());
    m_output->setAccessibleName(tr("Program output"));
    m_output->setToolTip(tr("What the watched program prints, on stdout and stderr"));
    m_output->setMinimumHeight(60);
    layout->addWidget(m_output, 1);
    m_input->setPlaceholderText(tr("Input for the program: type a line, Enter sends it"));
    m_input->setAccessibleName(tr("Program input"));
    m_input->setToolTip(tr("Sent to the watched program's stdin, as typed in its terminal"));
    layout->addWidget(m_input);
    m_stop->setAccessibleName(tr("Stop or close the watched program"));
    connect(m_input, &QLineEdit::returnPressed, this, [this] {
        emit inputEntered(m_input->text().toUtf8() + '\n');
        m_input->clear();
    });
    connect(m_stop, &QPushButton::clicked, this, [this] {
        if (m_running)
            emit stopRequested();
        else
            emit closeRequested();
    });
}

void ProgramConsole::startWatching(const QString &description)
{
    m_running = true;
    m_output->clear();
    m_status->setText(description);
    m_stop->setText(tr("Stop"));
    m_stop->setToolTip(tr("End the program: a watched program cannot go on without SocketLab"));
    m_input->setEnabled(true);
}

void ProgramConsole::appendOutput(const QString &text)
{
    // As a terminal does: the text goes on where the last write stopped, line or not.
    QScrollBar *bar = m_output->verticalScrollBar();
    const bool atEnd = bar->value() == bar->maximum();
    QTextCursor end(m_output->document());
    end.movePosition(QTextCursor::End);
    end.insertText(text);
    if (atEnd)
        bar->setValue(bar->maximum());
}

void ProgramConsole::ended(const QString &status)
{
    m_running = false;
    m_status->setText(status);
    m_stop->setText(tr("Close"));
    m_stop->setToolTip(tr("Show the live session in this pane again"));
    m_input->setEnabled(false);
}

void ProgramConsole::setDiagnosis(const QStringList &lines)
{
    const QString text = lines.join(QLatin1Char('\n'));
    if (text != m_diagnosis->text())
        m_diagnosis->setText(text);
    m_diagnosis->setVisible(!text.isEmpty());
}

QString ProgramConsole::diagnosis() const
{
    return m_diagnosis->text();
}

QString ProgramConsole::output() const
{
    return m_output->toPlainText();
}

QString ProgramConsole::status() const
{
    return m_status->text();
}
