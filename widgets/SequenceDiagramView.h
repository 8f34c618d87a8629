// SPDX-License-Identifier: MIT
#pragma once

#include "present/SequenceLayout.h"
#include "present/SequenceModel.h"

#include <QAbstractScrollArea>
#include <QElapsedTimer>
#include <QFont>
#include <QHash>
#include <QLineF>
#include <QTimer>

class QPainter;

// Paints the SequenceModel: a lifeline per socket (server side left, clients right), time
// flowing down, arrows for what crossed, bars for blocked calls. Clicking an item selects
// its event; the newest row is followed unless the user has scrolled back.
class SequenceDiagramView : public QAbstractScrollArea
{
    Q_OBJECT
public:
    explicit SequenceDiagramView(QWidget *parent = nullptr);

    void addEvent(const SocketEvent &event);
    void clear();
    // Starts over with these events only: a long session's diagram keeps its newest rows.
    void restartWith(const QVector<SocketEvent> &events);
    void setSelectedSeq(qint64 seq);
    qint64 selectedSeq() const { return m_selected; }
    const SequenceModel &model() const { return m_model; }
    // The event whose item is at this point of the viewport, or 0.
    qint64 seqAt(const QPoint &point) const;
    // Thicker lines for a projector (1 = normal).
    void setLineScale(double scale);
    double lineScale() const { return m_lineScale; }
    // How long the newest arrow's bytes take to travel along it; 0 turns it off (reduced
    // motion).
    void setAnimationMs(int ms);
    int animationMs() const { return m_animationMs; }
    // The layout for the view as it is now (size, scroll position, font).
    const SequenceLayout &layout() const;
    // Tells assistive technology what just happened (a screen reader reads it out).
    void announce(const QString &text);

signals:
    void eventSelected(qint64 seq);

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    // ↑/↓ select the previous/next event, Home/End the first/last.
    void keyPressEvent(QKeyEvent *event) override;

private:
    void updateScrollRange();
    void ensureRowVisible(int row);
    // Applies the events added since the last frame: scroll range, following, redraw.
    void showNewEvents();
    void paintBars(QPainter &p, const SequenceLayout &l, bool crowded);
    void paintMarks(QPainter &p, const SequenceLayout &l);
    void paintArrows(QPainter &p, const SequenceLayout &l);
    void paintHeader(QPainter &p, const SequenceLayout &l);
    void paintTravellingBytes(QPainter &p);
    void stopAnimation();

    SequenceModel m_model;
    mutable SequenceLayout m_layout{&m_model};
    qint64 m_selected = 0;
    bool m_follow = true; // keep the newest row in view until the user scrolls back
    double m_lineScale = 1.0;
    int m_animationMs = 0;
    int m_animatedArrow = -1;
    QElapsedTimer m_animationClock;
    QTimer m_animationTimer;
    QTimer m_frameTimer;
    QElapsedTimer m_lastShown; // the last frame that showed new events
    // The header's names, measured once per name and font rather than at every paint.
    QHash<QString, int> m_nameWidths;
    QFont m_measuredFont;
    static constexpr int frameMs = 16;
    static constexpr int streamingMs = 100;     // events this close together are a stream
    static constexpr int streamingFrameMs = 50; // a stream's frames, 20 a second
};
