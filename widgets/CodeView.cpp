#include "CodeView.h"

#include "MonospaceFont.h"

#include "HeadingLabel.h"
#include "trace/CodeGenerator.h"

#include <QPlainTextEdit>
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
    m_python->setAccessibleName(tr("Python code for the selected call"));
    m_c->setAccessibleName(tr("C code for the selected call"));
    m_python->setPlaceholderText(tr("Select a call in the log to see its code."));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(new HeadingLabel(tr("Python"), 1.0, this));
    layout->addWidget(m_python, 1);
    layout->addWidget(new HeadingLabel(tr("C (POSIX)"), 1.0, this));
    layout->addWidget(m_c, 2);
}

void CodeView::showEvent(const SocketEvent &event)
{
    m_python->setPlainText(CodeGenerator::pythonFor(event));
    m_c->setPlainText(CodeGenerator::cFor(event));
}

QString CodeView::pythonText() const
{
    return m_python->toPlainText();
}

QString CodeView::cText() const
{
    return m_c->toPlainText();
}
