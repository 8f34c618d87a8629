// SPDX-License-Identifier: MIT
#include "LessonProgramView.h"

#include "MonospaceFont.h"
#include "RoleColors.h"

#include <QEvent>
#include <QLabel>
#include <QScrollBar>

LessonProgramView::LessonProgramView(QWidget *parent)
    : QScrollArea(parent), m_label(new QLabel(this))
{
    setObjectName(QStringLiteral("lessonProgram"));
    setAccessibleName(tr("The lesson's program so far"));
    setAccessibleName(tr("The program so far"));
    m_label->setTextFormat(Qt::RichText);
    m_label->setFont(MonospaceFont::font());
    m_label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    setWidget(m_label);
    setWidgetResizable(true);
    setFrameShape(QFrame::NoFrame);
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    hide();
}

QString LessonProgramView::text() const
{
    return m_label->text();
}

bool LessonProgramView::needsSideways() const
{
    return m_label->sizeHint().width() > viewport()->width();
}

QSize LessonProgramView::sizeHint() const
{
    // As tall as the program, and the scroll bar when a line is wider than the view.
    const int bar = needsSideways() ? horizontalScrollBar()->sizeHint().height() : 0;
    return QSize(m_label->sizeHint().width(), m_label->sizeHint().height() + bar);
}

QSize LessonProgramView::minimumSizeHint() const
{
    return QSize(0, sizeHint().height());
}

void LessonProgramView::resizeEvent(QResizeEvent *event)
{
    QScrollArea::resizeEvent(event);
    if (needsSideways() != m_sideways) {
        m_sideways = needsSideways();
        updateGeometry();
    }
}

void LessonProgramView::setContextLines(int lines)
{
    m_context = lines;
    render();
}

void LessonProgramView::showProgram(const QStringList &before, const QStringList &added)
{
    m_before = before;
    m_added = added;
    render();
}

void LessonProgramView::changeEvent(QEvent *event)
{
    QScrollArea::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        render(); // the colours follow the theme
}

void LessonProgramView::render()
{
    // With all its context (the lesson panel) the program stays in view on steps that add
    // nothing; the caption shows it only with the step's new lines.
    const bool shown = !m_added.isEmpty() || (m_context < 0 && !m_before.isEmpty());
    setVisible(shown);
    if (!shown) {
        m_label->clear();
        return;
    }
    // Lines as HTML that keeps their indentation (Python's syntax) and never wraps them.
    const auto line = [](const QString &code) {
        return code.isEmpty() ? QStringLiteral("&nbsp;") : code.toHtmlEscaped();
    };
    QStringList before = m_before;
    QString html = QStringLiteral("<pre style=\"margin:0\">");
    if (m_context >= 0 && before.size() > m_context) {
        html += QStringLiteral("<span style=\"color:%1\">…</span>\n")
                    .arg(RoleColors::mutedText().name());
        before = before.mid(before.size() - m_context);
    }
    for (const QString &code : std::as_const(before))
        html += QStringLiteral("<span style=\"color:%1\">%2</span>\n")
                    .arg(RoleColors::mutedText().name(), line(code));
    const QColor band = palette().color(QPalette::Highlight);
    const QColor text = palette().color(QPalette::HighlightedText);
    QStringList added;
    for (const QString &code : std::as_const(m_added))
        added << line(code);
    if (!added.isEmpty())
        html += QStringLiteral("<b><span style=\"background-color:%1; color:%2\">%3</span></b>")
                    .arg(band.name(), text.name(), added.join(QLatin1Char('\n')));
    m_label->setText(html + QStringLiteral("</pre>"));
    m_sideways = needsSideways();
    updateGeometry();
}
