// SPDX-License-Identifier: MIT
#include "present/TcpStateLayout.h"

#include "calls/TcpStateMachine.h"

#include <QLineF>

#include <cmath>

namespace {
// Between parallel arrows, and between a label and what it must not touch.
constexpr double arrowGap = 6;
constexpr double labelGap = 2;

QPointF edgePoint(const QRectF &r, const QPointF &from, const QPointF &to)
{
    const QPointF d = to - from;
    const double sx = d.x() != 0 ? (r.width() / 2) / std::abs(d.x()) : 1e9;
    const double sy = d.y() != 0 ? (r.height() / 2) / std::abs(d.y()) : 1e9;
    return from + d * qMin(sx, sy);
}

bool crosses(const QLineF &line, const QRectF &r)
{
    if (r.contains(line.p1()) || r.contains(line.p2()))
        return true;
    const QLineF edges[] = {{r.topLeft(), r.topRight()},
                            {r.topRight(), r.bottomRight()},
                            {r.bottomRight(), r.bottomLeft()},
                            {r.bottomLeft(), r.topLeft()}};
    for (const QLineF &edge : edges) {
        if (line.intersects(edge, nullptr) == QLineF::BoundedIntersection)
            return true;
    }
    return false;
}

QPointF unitNormal(const QPointF &a, const QPointF &b)
{
    const QPointF d = b - a;
    const double length = std::hypot(d.x(), d.y());
    return length > 0 ? QPointF(-d.y() / length, d.x() / length) : QPointF(0, -1);
}
} // namespace

TcpStateLayout::TcpStateLayout(const QSizeF &size, const Metrics &metrics)
    : m_size(size), m_metrics(metrics)
{
    m_top = metrics.lineHeight * 2;
    m_title = QRectF(6, 0, size.width() - 12, metrics.lineHeight * 1.5);
    m_cellW = size.width() / 4.2;
    m_cellH = (size.height() - m_top) / 7.0;
    const double w = qMin(m_cellW * 0.9, metrics.stateWidth(QStringLiteral("SYN-RECEIVED")) + 16.0);
    const double h = qMin(m_cellH * 0.6, metrics.lineHeight * 1.5);
    for (const TcpStateMachine::State &s : TcpStateMachine::states()) {
        const QPointF c = centreOf(s.place);
        m_boxes.append({s.number, QRectF(c.x() - w / 2, c.y() - h / 2, w, h)});
    }

    const QVector<TcpStateMachine::Transition> &all = TcpStateMachine::transitions();
    QVector<double> sides; // the side each label prefers: +1 along its line's normal, 0 either
    for (int i = 0; i < all.size(); ++i) {
        const TcpStateMachine::Transition &t = all.at(i);
        const QRectF a = box(t.from), b = box(t.to);
        Arrow arrow;
        arrow.transition = i;
        double shift = 0;
        if (t.to == TcpStateMachine::normalise(0) &&
            a.center().y() - b.center().y() > 3 * m_cellH) {
            // A long way up to CLOSED: round the nearer side edge, clear of every box between.
            const bool left = a.center().x() <= b.center().x();
            const double x = left ? m_cellW * 0.15 : size.width() - m_cellW * 0.08;
            const double fromX = left ? a.left() : a.right();
            const double toX = left ? b.left() : b.right();
            arrow.path = {QPointF(fromX, a.center().y()), QPointF(x, a.center().y()),
                          QPointF(x, b.center().y()), QPointF(toX, b.center().y())};
        } else {
            QPointF from = a.center(), to = b.center();
            if (TcpStateMachine::transition(t.to, t.from) >= 0) {
                // Its reverse exists: each runs half a gap to its own left, so the two sit
                // side by side, and its label goes on that side.
                const QPointF n = unitNormal(from, to) * (arrowGap / 2);
                from += n;
                to += n;
                shift = 1;
            }
            arrow.path = {edgePoint(a, from, to), edgePoint(b, to, from)};
        }
        m_arrows.append(arrow);
        sides.append(shift);
    }
    // Once every arrow is drawn, so that no label lands on another arrow's line.
    for (int i = 0; i < m_arrows.size(); ++i) {
        const QSizeF label(metrics.labelWidth(all.at(i).label) + 2, metrics.labelLineHeight);
        m_arrows[i].label = placeLabel(i, sides.at(i), label);
    }
}

QSizeF TcpStateLayout::minimumSize(const Metrics &metrics)
{
    // A box is at most 0.9 of a cell, and 4.2 cells make the width; two fifths of a row stay
    // free between boxes, for the labels of the arrows there.
    return QSizeF((metrics.stateWidth(QStringLiteral("SYN-RECEIVED")) + 16.0) / 0.9 * 4.2,
                  metrics.lineHeight * 20);
}

QRectF TcpStateLayout::box(int state) const
{
    for (const auto &b : m_boxes) {
        if (b.first == state)
            return b.second;
    }
    return QRectF();
}

QPointF TcpStateLayout::centreOf(const QPointF &place) const
{
    return QPointF(m_cellW * (place.x() + 0.6), m_top + m_cellH * (place.y() + 0.5));
}

bool TcpStateLayout::isFree(const QRectF &r, int arrow) const
{
    if (r.left() < 0 || r.top() < 0 || r.right() > m_size.width() || r.bottom() > m_size.height() ||
        r.intersects(m_title))
        return false;
    const QRectF padded = r.adjusted(-labelGap, -labelGap, labelGap, labelGap);
    for (const auto &b : m_boxes) {
        if (padded.intersects(b.second))
            return false;
    }
    for (int i = 0; i < m_arrows.size(); ++i) {
        const Arrow &a = m_arrows.at(i);
        if (padded.intersects(a.label))
            return false;
        for (int k = 0; i != arrow && k + 1 < a.path.size(); ++k) {
            if (crosses(QLineF(a.path.at(k), a.path.at(k + 1)), padded))
                return false;
        }
    }
    return true;
}

QRectF TcpStateLayout::placeLabel(int arrow, double shift, const QSizeF &size) const
{
    const QVector<QPointF> &path = m_arrows.at(arrow).path;
    // Along each segment from the middle outwards, on the preferred side first, just off the
    // line; the first place that is free wins.
    static const double along[] = {0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8, 0.1, 0.9};
    QRectF fallback;
    for (int segment = 0; segment + 1 < path.size(); ++segment) {
        const QPointF a = path.at(segment), b = path.at(segment + 1);
        const QPointF n = unitNormal(a, b);
        const double reach =
            std::abs(n.x()) * size.width() / 2 + std::abs(n.y()) * size.height() / 2 + labelGap;
        for (const double t : along) {
            const QPointF at = a + (b - a) * t;
            // Beside the line, then on it (the view clears the line behind the text), then
            // a little further out.
            for (const double away : {1.0, 0.0, 1.8, 2.6}) {
                for (const double side : {shift >= 0 ? 1.0 : -1.0, shift >= 0 ? -1.0 : 1.0}) {
                    const QPointF centre = at + n * side * reach * away;
                    const QRectF r(centre.x() - size.width() / 2, centre.y() - size.height() / 2,
                                   size.width(), size.height());
                    if (isFree(r, arrow))
                        return r;
                    if (fallback.isNull())
                        fallback = r;
                }
            }
        }
    }
    return fallback;
}
