// SPDX-License-Identifier: MIT
#pragma once

#include <QPointF>
#include <QRectF>
#include <QSizeF>
#include <QString>
#include <QVector>

#include <functional>

// Where the TCP state diagram's boxes, arrows and arrow labels go in a view of a given size,
// as plain geometry (the view paints it; tests check it as data). Two arrows between the same
// states run side by side, the long TIME-WAIT → CLOSED arrow goes round the left edge instead
// of through the boxes, and each label takes the first place along its arrow that clears the
// boxes, the title and the labels placed before it.
class TcpStateLayout
{
public:
    // How wide a text is in the font it is painted in.
    using TextWidth = std::function<double(const QString &)>;
    struct Metrics
    {
        double lineHeight = 16;      // the view's font
        double labelLineHeight = 12; // the arrows' smaller font
        TextWidth stateWidth;        // for state names
        TextWidth labelWidth;        // for arrow labels
    };
    struct Arrow
    {
        int transition = -1;   // index into TcpStateMachine::transitions()
        QVector<QPointF> path; // from the source box's edge to the target's, the head at the end
        QRectF label;
    };

    TcpStateLayout(const QSizeF &size, const Metrics &metrics);

    // The smallest size at which nothing overlaps (the view scrolls below it).
    static QSizeF minimumSize(const Metrics &metrics);

    QRectF title() const { return m_title; }
    QRectF box(int state) const;
    const QVector<Arrow> &arrows() const { return m_arrows; }

private:
    QPointF centreOf(const QPointF &place) const;
    // A place for arrow's label, on the side shift prefers (+1: its line's normal).
    QRectF placeLabel(int arrow, double shift, const QSizeF &size) const;
    // Inside the view, clear of the title, the boxes, the labels placed so far and every line
    // but arrow's own.
    bool isFree(const QRectF &r, int arrow) const;

    QSizeF m_size;
    Metrics m_metrics;
    double m_cellW = 0;
    double m_cellH = 0;
    double m_top = 0;
    QRectF m_title;
    QVector<QPair<int, QRectF>> m_boxes;
    QVector<Arrow> m_arrows;
};
