#include "TcpStateView.h"

#include "RoleColors.h"
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
    return QSize(fontMetrics().horizontalAdvance(QStringLiteral("SYN-RECEIVED")) * 4,
                 fontMetrics().height() * 16);
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
    m_current = state;
    setAccessibleDescription(state >= 0 ? tr("%1 is in %2").arg(info.id, info.kernel.stateName())
                                        : tr("No kernel state for %1").arg(info.id));
    update();
}

void TcpStateView::forgetSocket(const QString &id)
{
    if (id != m_socketId)
        m_lastState.remove(id);
}

QRectF TcpStateView::boxOf(int state) const
{
    const double cellW = width() / 4.2;
    const double cellH = (height() - fontMetrics().height() * 2) / 7.0;
    for (const TcpStateMachine::State &s : TcpStateMachine::states()) {
        if (s.number == state) {
            const QPointF centre(cellW * (s.place.x() + 0.6),
                                 fontMetrics().height() * 2 + cellH * (s.place.y() + 0.5));
            const double w =
                qMin(cellW * 0.9,
                     fontMetrics().horizontalAdvance(QStringLiteral("SYN-RECEIVED")) + 16.0);
            const double h = qMin(cellH * 0.6, fontMetrics().height() * 1.6);
            return QRectF(centre.x() - w / 2, centre.y() - h / 2, w, h);
        }
    }
    return QRectF();
}

void TcpStateView::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    p.fillRect(rect(), palette().color(QPalette::Base));
    QFont title = font();
    title.setBold(true);
    p.setFont(title);
    p.drawText(QRectF(6, 0, width() - 12, fontMetrics().height() * 1.5),
               Qt::AlignLeft | Qt::AlignVCenter,
               m_current >= 0 ? tr("%1: kernel state").arg(m_socketId)
                              : tr("Select a TCP socket's event to see its state"));
    const QVector<TcpStateMachine::Transition> &transitions = TcpStateMachine::transitions();
    QFont small = font();
    small.setPointSizeF(small.pointSizeF() * 0.75);
    for (int i = 0; i < transitions.size(); ++i) {
        const TcpStateMachine::Transition &t = transitions.at(i);
        const QRectF a = boxOf(t.from), b = boxOf(t.to);
        if (a.isNull() || b.isNull())
            continue;
        const bool taken = i == m_transition;
        const QColor color = taken ? QColor(0xD5, 0x5E, 0x00) : QColor(0x99, 0x99, 0x99);
        QPointF start = a.center(), end = b.center();
        // Start and end on the boxes' edges, not their centres.
        const auto edge = [](const QRectF &r, QPointF from, QPointF to) {
            const QPointF d = to - from;
            const double sx = d.x() != 0 ? (r.width() / 2) / std::abs(d.x()) : 1e9;
            const double sy = d.y() != 0 ? (r.height() / 2) / std::abs(d.y()) : 1e9;
            return from + d * qMin(sx, sy);
        };
        start = edge(a, a.center(), b.center());
        end = edge(b, b.center(), a.center());
        p.setPen(QPen(color, taken ? 3.5 : 1.2));
        p.drawLine(start, end);
        const double angle = std::atan2(end.y() - start.y(), end.x() - start.x());
        QPainterPath head;
        head.moveTo(end);
        head.lineTo(end - QPointF(std::cos(angle - 0.4) * 10, std::sin(angle - 0.4) * 10));
        head.lineTo(end - QPointF(std::cos(angle + 0.4) * 10, std::sin(angle + 0.4) * 10));
        head.closeSubpath();
        p.setPen(Qt::NoPen);
        p.setBrush(color);
        p.drawPath(head);
        QFont f = small;
        f.setBold(taken);
        p.setFont(f);
        p.setPen(taken ? color : RoleColors::mutedText());
        p.drawText((start + end) / 2 + QPointF(4, -2), t.label);
    }
    p.setFont(font());
    for (const TcpStateMachine::State &s : TcpStateMachine::states()) {
        const QRectF box = boxOf(s.number);
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
