// SPDX-License-Identifier: MIT
#include "HeadingLabel.h"

#include "RoleColors.h"

#include <QApplication>
#include <QEvent>

HeadingLabel::HeadingLabel(const QString &text, double scale, QWidget *parent)
    : QLabel(text, parent), m_scale(scale)
{
    // A font set on the label is not replaced when the application font changes (zoom), and
    // the change is announced to the application object, not to each widget.
    qApp->installEventFilter(this);
    applyScale();
}

void HeadingLabel::setStyleRules(const QString &rules)
{
    if (rules == m_rules)
        return;
    m_rules = rules;
    applyScale();
}

void HeadingLabel::setRole(SocketRole role)
{
    m_role = role;
    applyScale();
}

bool HeadingLabel::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == qApp && event->type() == QEvent::ApplicationFontChange)
        applyScale();
    return QLabel::eventFilter(watched, event);
}

bool HeadingLabel::event(QEvent *event)
{
    const bool handled = QLabel::event(event);
    if (event->type() == QEvent::PaletteChange)
        applyScale();
    return handled;
}

void HeadingLabel::applyScale()
{
    QFont f = QApplication::font();
    f.setBold(true);
    f.setPointSizeF(f.pointSizeF() * m_scale);
    setFont(f);
    const QString color =
        m_role ? QStringLiteral("color: %1;").arg(RoleColors::strong(*m_role).name()) : QString();
    const QString sheet = QStringLiteral("QLabel { font-weight: bold; font-size: %1pt; %2 %3 }")
                              .arg(f.pointSizeF(), 0, 'f', 1)
                              .arg(color, m_rules);
    // A new style sheet sends change events of its own; only set a different one.
    if (sheet != styleSheet())
        setStyleSheet(sheet);
}
