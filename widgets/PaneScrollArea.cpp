// SPDX-License-Identifier: MIT
#include "PaneScrollArea.h"

#include "CallButton.h"

#include <QEvent>
#include <QLayout>
#include <QScrollBar>

PaneScrollArea::PaneScrollArea(QWidget *pane, QWidget *header, QWidget *parent)
    : QScrollArea(parent), m_header(header)
{
    // Reparented, the header leaves the pane's layout; it lives in the margin above the
    // viewport that placeHeader keeps.
    m_header->setParent(this);
    m_header->show();
    // Resizable first: a fixed-size scroll area would lay the whole pane out for its size
    // hint in setWidget, only for the window to lay it out again when shown.
    setWidgetResizable(true);
    setWidget(pane);
    setFrameShape(QFrame::NoFrame);
    // A click lands on a button already in view; a shortcut may press one that is not.
    for (CallButton *button : pane->findChildren<CallButton *>())
        connect(button, &QAbstractButton::clicked, this,
                [this, button] { reveal(button, button); });
    // The user's own scrolling (wheel, keys, the bar) wins over following.
    connect(verticalScrollBar(), &QAbstractSlider::actionTriggered, this,
            [this] { m_first = m_last = nullptr; });
}

void PaneScrollArea::reveal(QWidget *first, QWidget *last)
{
    m_first = first;
    m_last = last;
    // Later in this pass of the event loop: what asked for it has usually just changed texts
    // in the pane, and the rows are where they will be only once the layout has caught up.
    if (!m_scrollQueued) {
        m_scrollQueued = true;
        QMetaObject::invokeMethod(this, &PaneScrollArea::scrollToFollowed, Qt::QueuedConnection);
    }
}

void PaneScrollArea::scrollToFollowed()
{
    m_scrollQueued = false;
    if (!m_first || !m_last || !widget())
        return;
    // Half the gap between the pane's rows: not flush against the edge, and no sliver of the
    // row beyond (on a projector a cut-off line reads as clutter).
    const int spacing = widget()->layout() ? widget()->layout()->spacing() : -1;
    const int margin = spacing > 0 ? spacing / 2 : 2;
    const int top = m_first->mapTo(widget(), QPoint(0, 0)).y() - margin;
    const int bottom = m_last->mapTo(widget(), QPoint(0, m_last->height())).y() + margin;
    QScrollBar *bar = verticalScrollBar();
    const int height = viewport()->height();
    // The top wins when they do not fit: a socket's state badge before its last buttons.
    if (top < bar->value() || bottom - top > height)
        bar->setValue(top);
    else if (bottom > bar->value() + height)
        bar->setValue(bottom - height);
}

void PaneScrollArea::placeHeader()
{
    // Indented like the pane's own rows.
    const QMargins margins =
        widget() && widget()->layout() ? widget()->layout()->contentsMargins() : QMargins();
    const int height = m_header->sizeHint().height();
    m_header->setGeometry(margins.left(), margins.top(), width() - margins.left() - margins.right(),
                          height);
    setViewportMargins(0, margins.top() + height, 0, 0);
}

void PaneScrollArea::resizeEvent(QResizeEvent *event)
{
    QScrollArea::resizeEvent(event);
    placeHeader();
}

bool PaneScrollArea::event(QEvent *event)
{
    // The header asks its parent to lay it out again when its text or font (zoom) changes.
    if (event->type() == QEvent::LayoutRequest)
        placeHeader();
    return QScrollArea::event(event);
}

bool PaneScrollArea::eventFilter(QObject *watched, QEvent *event)
{
    // Texts above the followed part grew (a status line wrapped, a preview got longer): the
    // pane grew with them and pushed the part down.
    if (watched == widget() && event->type() == QEvent::Resize && m_first && m_last)
        reveal(m_first, m_last);
    return QScrollArea::eventFilter(watched, event);
}
