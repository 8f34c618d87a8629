// SPDX-License-Identifier: MIT
#include "TcpStateView.h"

#include "RoleColors.h"
#include "calls/SocketName.h"
#include "calls/TcpStateMachine.h"

#include <QPainter>
#include <QPainterPath>

#include <cmath>

TcpStateView::TcpStateView(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("tcpStates"));
    setAccessibleName(tr("TCP state diagram"));
}

QSize TcpStateView::minimumSizeHint() const
{
    // Below this the state names and transition labels run into each other; the scroll area
    // around the view scrolls instead (and the stage's splitter is not held up by it).
    const QSizeF size = TcpStateLayout::minimumSize(metrics());
    return QSize(int(std::ceil(size.width())), int(std::ceil(size.height())));
}

QFont TcpStateView::labelFont() const
{
    QFont small = font();
    small.setPointSizeF(small.pointSizeF() * 0.75);
    return small;
}

TcpStateLayout::Metrics TcpStateView::metrics() const
{
    // Bold, as the current state and the transition just taken are painted.
    QFont state = font();
    state.setBold(true);
    QFont label = labelFont();
    label.setBold(true);
    const QFontMetricsF stateMetrics(state), labelMetrics(label);
    TcpStateLayout::Metrics m;
    m.lineHeight = QFontMetricsF(font()).height();
    m.labelLineHeight = labelMetrics.height();
    m.stateWidth = [stateMetrics](const QString &t) { return stateMetrics.horizontalAdvance(t); };
    m.labelWidth = [labelMetrics](const QString &t) { return labelMetrics.horizontalAdvance(t); };
    return m;
}

TcpStateLayout TcpStateView::layout() const
{
    return TcpStateLayout(size(), metrics());
}

void TcpStateView::showSocket(const SocketInfo &info)
{
    const bool tcp = info.kernel.isAvailable() && info.kernel.state >= 0;
    const int state = tcp ? TcpStateMachine::normalise(info.kernel.state) : -1;
    const int previous = m_lastState.value(info.id, -1);
    if (state >= 0 && previous >= 0 && previous != state)
        m_transition = TcpStateMachine::transition(previous, state);
    else if (info.id != m_socketId)
        m_transition = -1;
    if (state >= 0)
        m_lastState.insert(info.id, state);
    m_socketId = info.id;
    m_socketName = SocketName::of(info);
    m_current = state;
    setAccessibleDescription(state >= 0
                                 ? tr("%1 is in %2").arg(m_socketName, info.kernel.stateName())
                                 : tr("No kernel state for %1").arg(m_socketName));
    update();
}

void TcpStateView::forgetSocket(const QString &id)
{
    if (id != m_socketId)
        m_lastState.remove(id);
}

void TcpStateView::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    p.fillRect(rect(), palette().color(QPalette::Base));
    const TcpStateLayout geometry = layout();
    QFont title = font();
    title.setBold(true);
    p.setFont(title);
    p.setPen(palette().color(QPalette::Text));
    p.drawText(geometry.title(), Qt::AlignLeft | Qt::AlignVCenter,
               m_current >= 0 ? tr("%1: kernel state").arg(m_socketName)
                              : tr("Select a TCP socket's event to see its state"));
    const QVector<TcpStateMachine::Transition> &transitions = TcpStateMachine::transitions();
    for (const TcpStateLayout::Arrow &arrow : geometry.arrows()) {
        const bool taken = arrow.transition == m_transition;
        const QColor color = taken ? QColor(0xD5, 0x5E, 0x00) : QColor(0x99, 0x99, 0x99);
        p.setPen(QPen(color, taken ? 3.5 : 1.2));
        p.setBrush(Qt::NoBrush);
        p.drawPolyline(arrow.path.constData(), int(arrow.path.size()));
        const QPointF end = arrow.path.last();
        const QPointF before = arrow.path.at(arrow.path.size() - 2);
        const double angle = std::atan2(end.y() - before.y(), end.x() - before.x());
        QPainterPath head;
        head.moveTo(end);
        head.lineTo(end - QPointF(std::cos(angle - 0.4) * 10, std::sin(angle - 0.4) * 10));
        head.lineTo(end - QPointF(std::cos(angle + 0.4) * 10, std::sin(angle + 0.4) * 10));
        head.closeSubpath();
        p.setPen(Qt::NoPen);
        p.setBrush(color);
        p.drawPath(head);
        QFont f = labelFont();
        f.setBold(taken);
        p.setFont(f);
        // A label may sit on its own arrow's line: the line stops at the text.
        p.fillRect(arrow.label, palette().color(QPalette::Base));
        p.setPen(taken ? color : RoleColors::mutedText());
        p.drawText(arrow.label, Qt::AlignCenter, transitions.at(arrow.transition).label);
    }
    for (const TcpStateMachine::State &s : TcpStateMachine::states()) {
        const QRectF box = geometry.box(s.number);
        const bool current = s.number == m_current;
        p.setPen(
            QPen(current ? QColor(0x00, 0x7A, 0x5A) : RoleColors::mutedText(), current ? 3 : 1));
        p.setBrush(current ? QColor(0x00, 0x7A, 0x5A) : palette().color(QPalette::Window));
        p.drawRoundedRect(box, 6, 6);
        QFont f = font();
        f.setBold(current);
        p.setFont(f);
        p.setPen(current ? Qt::white : palette().color(QPalette::Text));
        p.drawText(box, Qt::AlignCenter, s.name);
    }
}
