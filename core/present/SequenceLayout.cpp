// SPDX-License-Identifier: MIT
#include "present/SequenceLayout.h"

#include <climits>
#include <cmath>

namespace {
double distanceToSegment(QPointF p, QPointF a, QPointF b)
{
    const QPointF d = b - a;
    const double length2 = d.x() * d.x() + d.y() * d.y();
    double t = length2 > 0 ? ((p - a).x() * d.x() + (p - a).y() * d.y()) / length2 : 0;
    t = qBound(0.0, t, 1.0);
    const QPointF closest = a + t * d;
    return std::hypot(p.x() - closest.x(), p.y() - closest.y());
}

// How near (in pixels) a click must be to an arrow or bar to pick it.
constexpr double pickDistance = 8;
} // namespace

void SequenceLayout::placeLifelines()
{
    const QVector<SequenceModel::Lifeline> &lines = m_model->lifelines();
    QVector<int> server, client;
    for (int i = 0; i < lines.size(); ++i)
        (lines.at(i).role == SocketRole::Client ? client : server).append(i);
    m_column.resize(lines.size());
    int column = 0;
    for (int i : server)
        m_column[i] = column++;
    for (int i : client)
        m_column[i] = column++;
}

int SequenceLayout::columnX(int lifeline) const
{
    // Computed from the whole width: with more sockets than pixels, a whole-pixel column
    // width would be 0 and put every lifeline at the left edge.
    const qint64 count = qMax(1, int(m_column.size()));
    return int((2 * qint64(m_column.value(lifeline)) + 1) * m_width / (2 * count));
}

int SequenceLayout::rowY(int row, int lane) const
{
    return headerHeight() + topMargin() + row * rowHeight() + rowHeight() / 2 +
           (lane - 1) * rowHeight() * 2 / 5 - m_scroll;
}

std::pair<int, int> SequenceLayout::visibleRows() const
{
    const int first = qMax(0, m_scroll / rowHeight() - 1);
    return {first, first + m_height / rowHeight() + 2};
}

int SequenceLayout::scrollToShow(int row) const
{
    const int top = headerHeight() + topMargin() + row * rowHeight();
    if (top < m_scroll + headerHeight())
        return top - headerHeight();
    if (top + rowHeight() > m_scroll + m_height)
        return top + rowHeight() - m_height;
    return m_scroll;
}

int SequenceLayout::followScroll() const
{
    const int bottom = qMax(0, contentHeight() - m_height);
    const QVector<SequenceModel::Arrow> &arrows = m_model->arrows();
    if (arrows.isEmpty() || m_model->rowCount() == 0)
        return bottom;
    const SequenceModel::Arrow &newest = arrows.last();
    // In content coordinates (rowY is in the view's, which depend on the scroll).
    const int arrowEnd = int(arrowLine(newest).p2().y()) + m_scroll;
    const int showsArrow = arrowEnd - m_lineHeight - headerHeight();
    const int newestRowBottom = headerHeight() + topMargin() + m_model->rowCount() * rowHeight();
    const int showsNewestRow = qMax(0, newestRowBottom - m_height);
    return qBound(showsNewestRow, showsArrow, bottom);
}

bool SequenceLayout::crowded(int half) const
{
    return m_width / qMax(1, int(m_column.size())) < 4 * half;
}

QLineF SequenceLayout::arrowLine(const SequenceModel::Arrow &a) const
{
    const QPointF start(columnX(a.from), rowY(a.fromRow, a.lane));
    // An arrow whose receiver is not known yet points a little way out of its lifeline.
    const QPointF end =
        a.to < 0 ? start + QPointF(60, 0) : QPointF(columnX(a.to), rowY(a.toRow, a.lane));
    return QLineF(start, end);
}

double SequenceLayout::keptInside(double left, int textWidth) const
{
    // A label wider than a narrow view starts at its left edge.
    return qMax(2.0, qMin(left, double(m_width - textWidth - 2)));
}

QRectF SequenceLayout::arrowLabel(const SequenceModel::Arrow &a, int textWidth, int ascent,
                                  int descent) const
{
    const QLineF line = arrowLine(a);
    // The handshake's three arrows share a row: their labels sit at different points along
    // them so they do not overlap.
    const bool handshake = a.kind == SequenceModel::ArrowKind::Syn ||
                           a.kind == SequenceModel::ArrowKind::SynAck ||
                           a.kind == SequenceModel::ArrowKind::Ack;
    const QPointF at = line.pointAt(handshake ? 0.25 + 0.25 * a.lane : 0.5);
    // Unread bytes are labelled under their arrow, clear of a partial read's label.
    const double baseline = a.pending ? at.y() + ascent + 2 : at.y() - 4;
    return QRectF(keptInside(at.x() - textWidth / 2.0, textWidth), baseline - ascent, textWidth,
                  ascent + descent);
}

QRectF SequenceLayout::markLabel(const SequenceModel::Mark &m, double dot, int textWidth,
                                 int ascent, int descent) const
{
    const int x = columnX(m.lifeline);
    const double left = qMin(double(x + int(dot) + 4), double(m_width - textWidth - 2));
    const double baseline = rowY(m.row) + ascent / 2 - 1;
    return QRectF(left, baseline - ascent, textWidth, ascent + descent);
}

QRectF SequenceLayout::barLabel(const SequenceModel::Bar &b, int half, int textWidth, int ascent,
                                int descent) const
{
    const int x = columnX(b.lifeline);
    const double left = qMin(x + half + 4, m_width - textWidth - 2);
    return QRectF(left, rowY(b.fromRow), textWidth, ascent + descent);
}

QVector<SequenceLayout::HeaderLabel>
SequenceLayout::headerLabels(const std::function<int(int lifeline)> &textWidth, int ascent,
                             int descent) const
{
    // Left to right on screen, which is not the order the sockets were made in.
    QVector<int> byColumn(m_column.size());
    for (int lifeline = 0; lifeline < m_column.size(); ++lifeline)
        byColumn[m_column.at(lifeline)] = lifeline;
    const int baselines[2] = {headerHeight() - descent - 2,
                              headerHeight() - descent - 2 - m_lineHeight};
    int lastRight[2] = {INT_MIN / 2, INT_MIN / 2};
    QVector<HeaderLabel> labels;
    for (const int lifeline : std::as_const(byColumn)) {
        const int x = columnX(lifeline);
        // A name is never left of its own lifeline's centre unless the edge pushes it, so
        // this one cannot fit on either line: no need to measure it.
        if (x < qMin(lastRight[0], lastRight[1]) + 4)
            continue;
        int width = textWidth(lifeline);
        int left = qMax(2, qMin(x - width / 2, m_width - width - 2));
        int line = left >= lastRight[0] + 4 ? 0 : left >= lastRight[1] + 4 ? 1 : -1;
        if (line < 0) {
            // Cut short on the line with more room, from its neighbour to the view's edge,
            // when that still leaves a few letters.
            line = lastRight[0] <= lastRight[1] ? 0 : 1;
            left = lastRight[line] + 4;
            width = qMin(width, m_width - 2 - left);
            if (width < 3 * m_lineHeight / 2)
                continue;
        }
        lastRight[line] = left + width;
        labels.append({lifeline, QRect(left, baselines[line] - ascent, width, ascent + descent),
                       baselines[line]});
    }
    return labels;
}

qint64 SequenceLayout::seqAt(QPointF point) const
{
    qint64 best = 0;
    double bestDistance = pickDistance;
    for (const SequenceModel::Arrow &a : m_model->arrows()) {
        if (a.from < 0)
            continue;
        const QLineF line = arrowLine(a);
        const double d = distanceToSegment(point, line.p1(), line.p2());
        if (d < bestDistance) {
            bestDistance = d;
            best = a.seq;
        }
    }
    if (best)
        return best;
    for (const SequenceModel::Bar &b : m_model->bars()) {
        const int x = columnX(b.lifeline);
        const int end = b.toRow < 0 ? m_height : rowY(b.toRow);
        if (std::abs(point.x() - x) <= pickDistance && point.y() >= rowY(b.fromRow) &&
            point.y() <= end)
            return b.seq;
    }
    // Anything else on that row: the event the row stands for.
    const int row =
        int(std::floor((point.y() + m_scroll - headerHeight() - topMargin()) / rowHeight()));
    return row >= 0 && row < m_model->rowCount() ? m_model->seqOfRow(row) : 0;
}
