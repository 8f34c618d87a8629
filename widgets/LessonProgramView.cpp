#include "LessonProgramView.h"

#include "MonospaceFont.h"
#include "RoleColors.h"

#include <QEvent>

LessonProgramView::LessonProgramView(QWidget *parent) : QLabel(parent)
{
    setObjectName(QStringLiteral("lessonProgram"));
    setAccessibleName(tr("The program so far"));
    setTextFormat(Qt::RichText);
    setFont(MonospaceFont::font());
    setTextInteractionFlags(Qt::TextSelectableByMouse);
    hide();
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
    QLabel::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        render(); // the colours follow the theme
}

void LessonProgramView::render()
{
    setVisible(!m_added.isEmpty());
    if (m_added.isEmpty()) {
        clear();
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
    html += QStringLiteral("<b><span style=\"background-color:%1; color:%2\">%3</span></b>")
                .arg(band.name(), text.name(), added.join(QLatin1Char('\n')));
    setText(html + QStringLiteral("</pre>"));
}
