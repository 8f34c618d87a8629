// SPDX-License-Identifier: MIT
#include "FocusRing.h"

#include <QAbstractScrollArea>
#include <QApplication>
#include <QEvent>
#include <QPainter>

FocusRing::FocusRing(QWidget *window) : QWidget(window)
{
    setAttribute(Qt::WA_TransparentForMouseEvents);
    setAttribute(Qt::WA_NoSystemBackground);
    setFocusPolicy(Qt::NoFocus);
    setObjectName(QStringLiteral("focusRing"));
    hide();
    connect(qApp, &QApplication::focusChanged, this,
            [this](QWidget *, QWidget *now) { follow(now); });
}

void FocusRing::follow(QWidget *now)
{
    QWidget *window = parentWidget();
    stopWatching();
    // Only keyboard focus inside this window, and never the window itself (nothing to ring).
    if (!now || now == window || !window->isAncestorOf(now) || now->window() != window) {
        m_target = nullptr;
        hide();
        return;
    }
    m_target = now;
    for (QWidget *w = now; w && w != window; w = w->parentWidget()) {
        w->installEventFilter(this);
        m_watched.append(w);
    }
    place();
}

void FocusRing::stopWatching()
{
    for (const QPointer<QWidget> &w : std::as_const(m_watched)) {
        if (w)
            w->removeEventFilter(this);
    }
    m_watched.clear();
}

bool FocusRing::eventFilter(QObject *watched, QEvent *event)
{
    switch (event->type()) {
    case QEvent::Move:
    case QEvent::Resize:
    case QEvent::Show:
    case QEvent::Hide:
        place();
        break;
    default:
        break;
    }
    return QWidget::eventFilter(watched, event);
}

void FocusRing::place()
{
    QWidget *window = parentWidget();
    if (!m_target || !m_target->isVisible()) {
        hide();
        return;
    }
    const int m = thickness;
    QRect ring =
        QRect(m_target->mapTo(window, QPoint(0, 0)), m_target->size()).adjusted(-m, -m, m, m);
    // Inside a scroll area only the part in view gets a ring. Other containers do not clip
    // it: a field flush with its row's edge still gets its ring all round.
    for (QWidget *w = m_target->parentWidget(); w && w != window; w = w->parentWidget()) {
        const auto *scroll = qobject_cast<const QAbstractScrollArea *>(w->parentWidget());
        if (scroll && scroll->viewport() == w)
            ring &= QRect(w->mapTo(window, QPoint(0, 0)), w->size());
    }
    if (ring.width() <= 2 * m || ring.height() <= 2 * m) {
        hide();
        return;
    }
    setGeometry(ring);
    raise();
    show();
    update();
}

void FocusRing::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    QPen pen(palette().color(QPalette::Highlight), thickness);
    p.setPen(pen);
    p.setBrush(Qt::NoBrush);
    const qreal half = thickness / 2.0;
    p.drawRoundedRect(QRectF(rect()).adjusted(half, half, -half, -half), 3, 3);
}
