// SPDX-License-Identifier: MIT
#pragma once

#include "present/SequenceModel.h"

#include <QLineF>
#include <QPointF>
#include <QRect>
#include <QRectF>
#include <QVector>

#include <functional>
#include <utility>

// Where the sequence diagram puts things, in the view's pixels: plain arithmetic on the
// model, the view's size, its scroll position and its font's line height, so a test checks
// it as data and SequenceDiagramView only paints what it is told (as ByteViewLayout does for
// the byte view). Text widths come from the view, which knows the font.
class SequenceLayout
{
public:
    explicit SequenceLayout(const SequenceModel *model) : m_model(model) {}

    // Lifelines get columns: server side on the left, clients on the right, each in order
    // of birth. Call after the model gained lifelines.
    void placeLifelines();
    void setViewport(int width, int height) { m_width = width, m_height = height; }
    void setLineHeight(int pixels) { m_lineHeight = qMax(1, pixels); }
    void setScroll(int y) { m_scroll = y; }

    int width() const { return m_width; }
    int height() const { return m_height; }
    int rowHeight() const { return m_lineHeight * 5 / 2; }
    int lineHeight() const { return m_lineHeight; }
    // The sticky header with the sockets' names, in two lines.
    int headerHeight() const { return m_lineHeight * 2 + 4; }
    // Room above the first row, so the labels drawn above its arrows clear the header.
    int topMargin() const { return m_lineHeight; }
    int contentHeight() const
    {
        // Half a row below the newest: following the flow on a short stage keeps as much of
        // the arrows before it in view as it can.
        return headerHeight() + topMargin() + m_model->rowCount() * rowHeight() + rowHeight() / 2;
    }
    int columnX(int lifeline) const;
    // The middle of a row; the handshake's lanes 0–2 sit above, on and below lane 1.
    int rowY(int row, int lane = 0) const;
    // The rows on screen, with one to spare at each end.
    std::pair<int, int> visibleRows() const;
    // The scroll position that shows the row whole, moving as little as possible.
    int scrollToShow(int row) const;
    // Where a view that follows the flow scrolls to: the newest row at the bottom, or a little
    // less far when that would put the end of the newest arrow (and the line above it, for
    // its label) under the header, as long as the newest row stays in view.
    int followScroll() const;
    // More sockets than room for a blocked call's bar (half = the bar's half width).
    bool crowded(int half) const;

    QLineF arrowLine(const SequenceModel::Arrow &arrow) const;
    // Text boxes (left, top, width, ascent + descent): kept inside the view, below the header.
    QRectF arrowLabel(const SequenceModel::Arrow &arrow, int textWidth, int ascent,
                      int descent) const;
    QRectF markLabel(const SequenceModel::Mark &mark, double dot, int textWidth, int ascent,
                     int descent) const;
    QRectF barLabel(const SequenceModel::Bar &bar, int half, int textWidth, int ascent,
                    int descent) const;
    // The sockets' names in the header: each centred on its lifeline and inside the view, on
    // the lower line, or on the upper one where it would overlap a neighbour. A name with
    // room on neither gets a box narrower than its text (the view cuts it short), or, with
    // not even room for a few letters, none (its lifeline keeps its colour). textWidth is not
    // asked for names that cannot fit.
    struct HeaderLabel
    {
        int lifeline = -1;
        QRect box; // left, top, width, ascent + descent
        int baseline = 0;
    };
    QVector<HeaderLabel> headerLabels(const std::function<int(int lifeline)> &textWidth, int ascent,
                                      int descent) const;

    // The event whose item is at this point, or 0.
    qint64 seqAt(QPointF point) const;

private:
    // Where a label of this width goes around x: centred, but inside the view.
    double keptInside(double left, int textWidth) const;

    const SequenceModel *m_model;
    QVector<int> m_column; // lifeline → column
    int m_width = 0;
    int m_height = 0;
    int m_lineHeight = 16;
    int m_scroll = 0;
};
