// SPDX-License-Identifier: MIT
#include "CodeView.h"

#include "MonospaceFont.h"

#include "HeadingLabel.h"
#include "trace/CodeGenerator.h"

#include <QPlainTextEdit>
#include <QTextBlock>
#include <QVBoxLayout>

CodeView::CodeView(QWidget *parent)
    : QWidget(parent), m_python(new QPlainTextEdit(this)), m_c(new QPlainTextEdit(this))
{
    setObjectName(QStringLiteral("codeView"));
    const QFont mono = MonospaceFont::font();
    for (QPlainTextEdit *edit : {m_python, m_c}) {
        edit->setReadOnly(true);
        edit->setTabChangesFocus(true); // Tab moves on; nothing here to indent
        edit->setFont(mono);
        edit->setLineWrapMode(QPlainTextEdit::NoWrap);
    }
    m_python->setAccessibleName(tr("The session as Python, the selected call marked"));
    m_c->setAccessibleName(tr("C code for the selected call"));
    m_python->setPlaceholderText(tr("Select a call in the log to see its code."));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(new HeadingLabel(tr("Python"), 1.0, this));
    layout->addWidget(m_python, 1);
    layout->addWidget(new HeadingLabel(tr("C (POSIX)"), 1.0, this));
    layout->addWidget(m_c, 2);
}

void CodeView::showSession(const QVector<SocketEvent> &events, int row)
{
    if (row < 0 || row >= events.size())
        return;
    const CodeGenerator::Transcript t = CodeGenerator::transcript(events, row, shownCalls);
    m_python->setPlainText(t.text);
    QList<QTextEdit::ExtraSelection> marks;
    if (t.firstLine >= 0) {
        const QTextBlock first = m_python->document()->findBlockByNumber(t.firstLine);
        QTextCursor cursor(first);
        const QTextBlock last =
            m_python->document()->findBlockByNumber(t.firstLine + t.lineCount - 1);
        cursor.setPosition(last.position() + last.length() - 1, QTextCursor::KeepAnchor);
        QTextEdit::ExtraSelection mark;
        mark.cursor = cursor;
        mark.format.setBackground(palette().color(QPalette::Highlight));
        mark.format.setForeground(palette().color(QPalette::HighlightedText));
        mark.format.setProperty(QTextFormat::FullWidthSelection, true);
        marks << mark;
        // The marked call in view, and the cursor there, so copying starts from it.
        m_python->setTextCursor(QTextCursor(first));
        m_python->ensureCursorVisible();
    }
    m_python->setExtraSelections(marks);
    m_c->setPlainText(CodeGenerator::cFor(events.at(row)));
}

QString CodeView::pythonText() const
{
    return m_python->toPlainText();
}

QString CodeView::markedPython() const
{
    const QList<QTextEdit::ExtraSelection> marks = m_python->extraSelections();
    return marks.isEmpty() ? QString()
                           : marks.first().cursor.selectedText().replace(QChar::ParagraphSeparator,
                                                                         QLatin1Char('\n'));
}

QString CodeView::cText() const
{
    return m_c->toPlainText();
}
