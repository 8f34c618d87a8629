// SPDX-License-Identifier: MIT
#include "SequenceDiagramView.h"

#include "RoleColors.h"

#include <QAccessible>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QScrollBar>

#include <climits>
#include <cmath>

namespace {
QColor arrowColor(const SequenceModel::Arrow &a, SocketRole senderRole)
{
    switch (a.kind) {
    case SequenceModel::ArrowKind::Data:
        return RoleColors::strong(senderRole);
    case SequenceModel::ArrowKind::Fin:
        return RoleColors::isDark() ? QColor(0xCC, 0x99, 0xFF) : QColor(0x6A, 0x3D, 0x9A);
    case SequenceModel::ArrowKind::Rst:
        return RoleColors::errorText();
    default:
        return RoleColors::mutedText();
    }
}

} // namespace

SequenceDiagramView::SequenceDiagramView(QWidget *parent) : QAbstractScrollArea(parent)
{
    setObjectName(QStringLiteral("sequenceDiagram"));
    setAccessibleName(tr("Sequence diagram of the session"));
    setFocusPolicy(Qt::StrongFocus);
    viewport()->setBackgroundRole(QPalette::Base);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    connect(verticalScrollBar(), &QScrollBar::valueChanged, this,
            [this](int value) { m_follow = value >= verticalScrollBar()->maximum(); });
    m_animationTimer.setInterval(16);
    m_frameTimer.setSingleShot(true);
    connect(&m_frameTimer, &QTimer::timeout, this, &SequenceDiagramView::showNewEvents);
    connect(&m_animationTimer, &QTimer::timeout, this, [this] {
        if (m_animationClock.elapsed() > m_animationMs)
            stopAnimation();
        else
            viewport()->update();
    });
}

void SequenceDiagramView::setLineScale(double scale)
{
    m_lineScale = qBound(1.0, scale, 4.0);
    viewport()->update();
}

void SequenceDiagramView::setAnimationMs(int ms)
{
    m_animationMs = qBound(0, ms, 5000);
    if (m_animationMs == 0)
        stopAnimation();
}

void SequenceDiagramView::stopAnimation()
{
    m_animationTimer.stop();
    m_animatedArrow = -1;
    viewport()->update();
}

void SequenceDiagramView::paintTravellingBytes(QPainter &p)
{
    if (m_animatedArrow < 0 || m_animatedArrow >= m_model.arrows().size())
        return;
    const SequenceModel::Arrow &a = m_model.arrows().at(m_animatedArrow);
    if (a.from < 0)
        return;
    const double t = qMin(1.0, m_animationClock.elapsed() / double(qMax(1, m_animationMs)));
    const QPointF at = layout().arrowLine(a).pointAt(t);
    const QString text = a.kind == SequenceModel::ArrowKind::Data
                             ? tr("%n byte(s)", nullptr, int(qMin<qint64>(a.bytes, INT_MAX)))
                             : a.label;
    QFont f = font();
    f.setBold(true);
    const QFontMetrics metrics(f);
    QRectF box(0, 0, metrics.horizontalAdvance(text) + 16, metrics.height() + 8);
    box.moveCenter(at);
    const QColor color = arrowColor(a, m_model.lifelines().at(a.from).role);
    p.setPen(QPen(palette().color(QPalette::Base), 2));
    p.setBrush(color);
    p.drawRoundedRect(box, 6, 6);
    p.setFont(f);
    p.setPen(RoleColors::isDark() ? Qt::black : Qt::white);
    p.drawText(box, Qt::AlignCenter, text);
}

void SequenceDiagramView::addEvent(const SocketEvent &event)
{
    const int lifelines = m_model.lifelines().size();
    const int arrows = m_model.arrows().size();
    m_model.addEvent(event);
    // The bytes of the newest arrow travel along it once, so a class sees which way they went.
    if (m_animationMs > 0 && m_model.arrows().size() > arrows) {
        m_animatedArrow = m_model.arrows().size() - 1;
        m_animationClock.start();
        m_animationTimer.start();
    }
    if (m_model.lifelines().size() != lifelines) {
        m_layout.placeLifelines();
        setAccessibleDescription(tr("%1 sockets").arg(m_model.lifelines().size()));
    }
    // The scroll range and the redraw wait for the next frame: a flood adds hundreds of
    // events between two frames, and each would otherwise re-range the scroll bar. While
    // events keep coming, frames come at a slower pace: nobody reads a diagram that fast,
    // and with a thousand sockets each frame of it is several milliseconds of painting.
    if (!m_frameTimer.isActive()) {
        const bool streaming = m_lastShown.isValid() && m_lastShown.elapsed() < streamingMs;
        m_frameTimer.start(streaming ? streamingFrameMs : frameMs);
    }
}

void SequenceDiagramView::showNewEvents()
{
    m_frameTimer.stop();
    m_lastShown.start();
    const bool following = m_follow;
    updateScrollRange();
    if (following)
        verticalScrollBar()->setValue(layout().followScroll());
    m_follow = following;
    viewport()->update();
}

void SequenceDiagramView::clear()
{
    stopAnimation();
    m_model.clear();
    m_layout.placeLifelines();
    m_selected = 0;
    updateScrollRange();
    viewport()->update();
}

void SequenceDiagramView::restartWith(const QVector<SocketEvent> &events)
{
    const int animationMs = m_animationMs;
    m_animationMs = 0; // nothing travels along arrows that are only being redrawn
    const qint64 selected = m_selected;
    clear();
    for (const SocketEvent &e : events)
        addEvent(e);
    m_animationMs = animationMs;
    m_selected = selected;
}

void SequenceDiagramView::setSelectedSeq(qint64 seq)
{
    m_selected = seq;
    const int row = m_model.rowOfSeq(seq);
    if (row >= 0)
        ensureRowVisible(row);
    viewport()->update();
}

const SequenceLayout &SequenceDiagramView::layout() const
{
    m_layout.setViewport(viewport()->width(), viewport()->height());
    m_layout.setLineHeight(fontMetrics().height());
    m_layout.setScroll(verticalScrollBar()->value());
    return m_layout;
}

void SequenceDiagramView::updateScrollRange()
{
    const SequenceLayout &l = layout();
    verticalScrollBar()->setRange(0, qMax(0, l.contentHeight() - l.height()));
    verticalScrollBar()->setPageStep(l.height());
    verticalScrollBar()->setSingleStep(l.rowHeight());
}

void SequenceDiagramView::ensureRowVisible(int row)
{
    if (m_frameTimer.isActive())
        showNewEvents(); // the row may be one the scroll range does not cover yet
    verticalScrollBar()->setValue(layout().scrollToShow(row));
}

void SequenceDiagramView::resizeEvent(QResizeEvent *event)
{
    const bool following = m_follow;
    QAbstractScrollArea::resizeEvent(event);
    updateScrollRange();
    if (following)
        verticalScrollBar()->setValue(layout().followScroll());
    m_follow = following;
}

namespace {
// With more sockets than the view is wide, several share a pixel column: what each column
// already shows is kept, so a line hidden under one drawn before it is skipped.
class ColumnSpans
{
public:
    explicit ColumnSpans(int width) : m_spans(width, {0, -1}) {}
    bool alreadyShown(int x, int from, int to)
    {
        if (x < 0 || x >= m_spans.size())
            return false;
        QPair<int, int> &shown = m_spans[x];
        if (shown.second >= 0 && from >= shown.first && to <= shown.second)
            return true;
        const bool touches = shown.second >= 0 && from <= shown.second && to >= shown.first;
        shown = touches ? qMakePair(qMin(from, shown.first), qMax(to, shown.second))
                        : qMakePair(from, to);
        return false;
    }

private:
    QVector<QPair<int, int>> m_spans; // per pixel column: top and end shown, or {0, -1}
};
} // namespace

void SequenceDiagramView::paintEvent(QPaintEvent *)
{
    QPainter p(viewport());
    const SequenceLayout &l = layout();
    // Bands, lifelines and bars are whole-pixel rectangles: filled without antialiasing,
    // which for a thousand sockets is most of the frame. Arrows and dots are smoothed.
    p.setRenderHint(QPainter::Antialiasing, false);
    const int selectedRow = m_model.rowOfSeq(m_selected);
    for (int row : {int(m_model.rowCount()) - 1, selectedRow}) {
        if (row < 0)
            continue;
        const QRect band(0, l.rowY(row) - l.rowHeight() / 2, l.width(), l.rowHeight());
        p.fillRect(band,
                   row == selectedRow ? RoleColors::selectedBand() : RoleColors::newestBand());
    }
    ColumnSpans lifelineSpans(l.width() + 1);
    const int lineWidth = qMax(1, qRound(2 * m_lineScale));
    const QVector<SequenceModel::Lifeline> &lines = m_model.lifelines();
    for (int i = 0; i < lines.size(); ++i) {
        const SequenceModel::Lifeline &line = lines.at(i);
        const int x = l.columnX(i);
        const int top = qMax(l.headerHeight(), l.rowY(line.firstRow) - l.rowHeight() / 2);
        const int end = line.lastRow < 0 ? l.height() : l.rowY(line.lastRow);
        if (end <= top || lifelineSpans.alreadyShown(x, top, end))
            continue;
        // A filled rectangle: as crisp as the 2 px line it stands for, and far cheaper
        // to draw hundreds of times than an antialiased stroke.
        p.fillRect(QRect(x - lineWidth / 2, top, lineWidth, end - top),
                   RoleColors::strong(line.role));
    }
    const bool crowded = l.crowded(qRound(6 * m_lineScale));
    paintBars(p, l, crowded);
    p.setRenderHint(QPainter::Antialiasing);
    paintMarks(p, l);
    paintArrows(p, l);
    paintTravellingBytes(p);
    if (hasFocus()) {
        // Keyboard focus is shown, as on every other control.
        p.setPen(QPen(palette().color(QPalette::Highlight), 3));
        p.setBrush(Qt::NoBrush);
        p.drawRect(viewport()->rect().adjusted(1, 1, -2, -2));
    }
    paintHeader(p, l);
}

void SequenceDiagramView::paintBars(QPainter &p, const SequenceLayout &l, bool crowded)
{
    // With hundreds of sockets side by side a bar is a thin line without its label (there
    // is no room for either), which also keeps the painting cheap.
    const int half = qRound(6 * m_lineScale);
    const auto [firstRow, lastRow] = l.visibleRows();
    ColumnSpans barSpans(crowded ? l.width() + 1 : 0);
    const QFontMetrics metrics = fontMetrics();
    for (const SequenceModel::Bar &b : m_model.bars()) {
        if (b.fromRow > lastRow || (b.toRow >= 0 && b.toRow < firstRow))
            continue;
        const int x = l.columnX(b.lifeline);
        const int top = l.rowY(b.fromRow);
        const int end = b.toRow < 0 ? l.height() : l.rowY(b.toRow);
        QColor bar = RoleColors::blockedBar();
        if (crowded) {
            const int to = qMax(top + 4, end);
            if (!barSpans.alreadyShown(x, qMax(0, top), to))
                p.fillRect(QRect(x, top, 1, to - top), bar);
            continue;
        }
        bar.setAlpha(b.seq == m_selected ? 255 : 170);
        p.fillRect(QRect(x - half, top, 2 * half, qMax(4, end - top)), bar);
        p.setPen(RoleColors::warningText());
        const QString label = tr("%1 blocked").arg(b.call);
        const QRectF box = l.barLabel(b, half, metrics.horizontalAdvance(label), metrics.ascent(),
                                      metrics.descent());
        p.drawText(QPointF(box.left(), box.top() + metrics.ascent()), label);
    }
}

void SequenceDiagramView::paintMarks(QPainter &p, const SequenceLayout &l)
{
    const auto [firstRow, lastRow] = l.visibleRows();
    const double dot = 4 * m_lineScale;
    for (const SequenceModel::Mark &m : m_model.marks()) {
        if (m.row < firstRow || m.row > lastRow)
            continue;
        p.setPen(Qt::NoPen);
        p.setBrush(m.failed ? RoleColors::errorText()
                            : RoleColors::strong(m_model.lifelines().at(m.lifeline).role));
        p.drawEllipse(QPointF(l.columnX(m.lifeline), l.rowY(m.row)), dot, dot);
        QFont f = font();
        f.setBold(m.seq == m_selected);
        p.setFont(f);
        p.setPen(m.failed ? RoleColors::errorText() : palette().color(QPalette::Text));
        const QFontMetrics metrics(f);
        const QRectF box = l.markLabel(m, dot, metrics.horizontalAdvance(m.label), metrics.ascent(),
                                       metrics.descent());
        p.drawText(QPointF(box.left(), box.top() + metrics.ascent()), m.label);
    }
}

void SequenceDiagramView::paintArrows(QPainter &p, const SequenceLayout &l)
{
    const auto [firstRow, lastRow] = l.visibleRows();
    for (const SequenceModel::Arrow &a : m_model.arrows()) {
        if (a.from < 0 || qMax(a.fromRow, a.toRow) < firstRow || qMin(a.fromRow, a.toRow) > lastRow)
            continue;
        const QLineF line = l.arrowLine(a);
        const QPointF start = line.p1(), end = line.p2();
        const QColor color = arrowColor(a, m_model.lifelines().at(a.from).role);
        QPen pen(color, (a.seq == m_selected ? 3.5 : 2) * m_lineScale);
        if (a.pending)
            pen.setStyle(Qt::DashLine);
        p.setPen(pen);
        p.setBrush(Qt::NoBrush);
        p.drawLine(start, end);
        const double angle = std::atan2(end.y() - start.y(), end.x() - start.x());
        QPainterPath head;
        head.moveTo(end);
        const double tip = 12 * m_lineScale;
        head.lineTo(end - QPointF(std::cos(angle - 0.4) * tip, std::sin(angle - 0.4) * tip));
        head.lineTo(end - QPointF(std::cos(angle + 0.4) * tip, std::sin(angle + 0.4) * tip));
        head.closeSubpath();
        p.setPen(Qt::NoPen);
        p.setBrush(color);
        p.drawPath(head);
        QFont f = font();
        f.setBold(a.seq == m_selected);
        // The handshake's three arrows share a row: smaller labels.
        if (a.kind == SequenceModel::ArrowKind::Syn || a.kind == SequenceModel::ArrowKind::SynAck ||
            a.kind == SequenceModel::ArrowKind::Ack)
            f.setPointSizeF(f.pointSizeF() * 0.8);
        p.setFont(f);
        p.setPen(color);
        const QFontMetrics metrics(f);
        const QRectF box = l.arrowLabel(a, metrics.horizontalAdvance(a.label), metrics.ascent(),
                                        metrics.descent());
        p.drawText(QPointF(box.left(), box.top() + metrics.ascent()), a.label);
    }
}

void SequenceDiagramView::paintHeader(QPainter &p, const SequenceLayout &l)
{
    // Last, so it stays on top while scrolling.
    p.fillRect(QRect(0, 0, l.width(), l.headerHeight()), palette().color(QPalette::Window));
    QFont bold = font();
    bold.setBold(true);
    p.setFont(bold);
    const QFontMetrics boldMetrics(bold);
    const QVector<SequenceModel::Lifeline> &lines = m_model.lifelines();
    if (bold != m_measuredFont) {
        m_nameWidths.clear();
        m_measuredFont = bold;
    }
    const auto width = [&](int lifeline) {
        const QString &name = lines.at(lifeline).name;
        auto it = m_nameWidths.constFind(name);
        if (it == m_nameWidths.constEnd())
            it = m_nameWidths.insert(name, boldMetrics.horizontalAdvance(name));
        return *it;
    };
    for (const SequenceLayout::HeaderLabel &label :
         l.headerLabels(width, boldMetrics.ascent(), boldMetrics.descent())) {
        p.setPen(RoleColors::strong(lines.at(label.lifeline).role));
        const QString &name = lines.at(label.lifeline).name;
        p.drawText(QPoint(label.box.left(), label.baseline),
                   label.box.width() < width(label.lifeline)
                       ? boldMetrics.elidedText(name, Qt::ElideRight, label.box.width())
                       : name);
    }
    if (lines.isEmpty()) {
        p.setPen(palette().color(QPalette::PlaceholderText));
        p.drawText(viewport()->rect(), Qt::AlignCenter,
                   tr("Make a call: each socket gets a lifeline here,\nand what crosses between "
                      "them is drawn as arrows."));
    }
}

qint64 SequenceDiagramView::seqAt(const QPoint &point) const
{
    return layout().seqAt(QPointF(point));
}

void SequenceDiagramView::announce(const QString &text)
{
    setAccessibleDescription(text);
    QAccessibleEvent changed(this, QAccessible::DescriptionChanged);
    QAccessible::updateAccessibility(&changed);
}

void SequenceDiagramView::keyPressEvent(QKeyEvent *event)
{
    const int rows = m_model.rowCount();
    if (rows == 0) {
        QAbstractScrollArea::keyPressEvent(event);
        return;
    }
    const int current = m_model.rowOfSeq(m_selected);
    int row = current;
    switch (event->key()) {
    case Qt::Key_Up:
        row = current < 0 ? rows - 1 : qMax(0, current - 1);
        break;
    case Qt::Key_Down:
        row = current < 0 ? rows - 1 : qMin(rows - 1, current + 1);
        break;
    case Qt::Key_Home:
        row = 0;
        break;
    case Qt::Key_End:
        row = rows - 1;
        break;
    default:
        QAbstractScrollArea::keyPressEvent(event);
        return;
    }
    setSelectedSeq(m_model.seqOfRow(row));
    emit eventSelected(m_selected);
}

void SequenceDiagramView::mousePressEvent(QMouseEvent *event)
{
    const qint64 seq = seqAt(event->position().toPoint());
    if (seq) {
        setSelectedSeq(seq);
        emit eventSelected(seq);
    }
}
