#include "HeadingLabel.h"

#include <QApplication>
#include <QEvent>

HeadingLabel::HeadingLabel(const QString &text, double scale, QWidget *parent)
    : QLabel(text, parent), m_scale(scale)
{
    applyScale();
}

bool HeadingLabel::event(QEvent *event)
{
    if (event->type() == QEvent::ApplicationFontChange)
        applyScale();
    return QLabel::event(event);
}

void HeadingLabel::applyScale()
{
    QFont f = QApplication::font();
    f.setBold(true);
    f.setPointSizeF(f.pointSizeF() * m_scale);
    setFont(f);
}
