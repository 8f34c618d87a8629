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

double distanceToSegment(QPointF p, QPointF a, QPointF b)
{
    const QPointF d = b - a;
    const double length2 = d.x() * d.x() + d.y() * d.y();
    double t = length2 > 0 ? ((p - a).x() * d.x() + (p - a).y() * d.y()) / length2 : 0;
    t = qBound(0.0, t, 1.0);
    const QPointF closest = a + t * d;
    return std::hypot(p.x() - closest.x(), p.y() - closest.y());
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
    const QLineF line = arrowLine(a);
    const QPointF at = line.pointAt(t);
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
        // Server-side lifelines on the left, clients on the right, each in order of birth.
        m_column.clear();
        QVector<int> server, client;
        for (int i = 0; i < m_model.lifelines().size(); ++i)
            (m_model.lifelines().at(i).role == SocketRole::Client ? client : server).append(i);
        m_column.resize(m_model.lifelines().size());
        int column = 0;
        for (int i : server)
            m_column[i] = column++;
        for (int i : client)
            m_column[i] = column++;
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
        verticalScrollBar()->setValue(verticalScrollBar()->maximum());
    m_follow = following;
    viewport()->update();
}

void SequenceDiagramView::clear()
{
    stopAnimation();
    m_model.clear();
    m_column.clear();
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

int SequenceDiagramView::rowHeight() const
{
    return fontMetrics().height() * 5 / 2;
}

int SequenceDiagramView::headerHeight() const
{
    return fontMetrics().height() * 2;
}

int SequenceDiagramView::columnX(int lifeline) const
{
    // Computed from the whole width: with more sockets than pixels, a whole-pixel column
    // width would be 0 and put every lifeline at the left edge.
    const qint64 count = qMax(1, int(m_column.size()));
    return int((2 * qint64(m_column.value(lifeline)) + 1) * viewport()->width() / (2 * count));
}

int SequenceDiagramView::rowY(int row, int lane) const
{
    return headerHeight() + row * rowHeight() + rowHeight() / 2 + (lane - 1) * rowHeight() * 2 / 5 -
           verticalScrollBar()->value();
}

void SequenceDiagramView::updateScrollRange()
{
    const int content = headerHeight() + (m_model.rowCount() + 1) * rowHeight();
    verticalScrollBar()->setRange(0, qMax(0, content - viewport()->height()));
    verticalScrollBar()->setPageStep(viewport()->height());
    verticalScrollBar()->setSingleStep(rowHeight());
}

void SequenceDiagramView::ensureRowVisible(int row)
{
    if (m_frameTimer.isActive())
        showNewEvents(); // the row may be one the scroll range does not cover yet
    const int top = headerHeight() + row * rowHeight();
    QScrollBar *bar = verticalScrollBar();
    if (top < bar->value() + headerHeight())
        bar->setValue(top - headerHeight());
    else if (top + rowHeight() > bar->value() + viewport()->height())
        bar->setValue(top + rowHeight() - viewport()->height());
}

void SequenceDiagramView::resizeEvent(QResizeEvent *event)
{
    const bool following = m_follow;
    QAbstractScrollArea::resizeEvent(event);
    updateScrollRange();
    if (following)
        verticalScrollBar()->setValue(verticalScrollBar()->maximum());
    m_follow = following;
}

void SequenceDiagramView::paintEvent(QPaintEvent *)
{
    QPainter p(viewport());
    // Bands, lifelines and bars are whole-pixel rectangles: filled without antialiasing,
    // which for a thousand sockets is most of the frame. Arrows and dots are smoothed.
    p.setRenderHint(QPainter::Antialiasing, false);
    const QVector<SequenceModel::Lifeline> &lines = m_model.lifelines();
    const int bottom = viewport()->height();
    // Only what is on screen is drawn: a flood has tens of thousands of rows.
    const int firstRow = qMax(0, (verticalScrollBar()->value()) / rowHeight() - 1);
    const int lastRow = firstRow + bottom / rowHeight() + 2;
    const auto visible = [firstRow, lastRow](int from, int to) {
        if (to < 0)
            to = INT_MAX;
        return qMax(from, firstRow) <= qMin(to, lastRow);
    };
    const int selectedRow = m_model.rowOfSeq(m_selected);
    const int newestRow = m_model.rowCount() - 1;
    for (int row : {newestRow, selectedRow}) {
        if (row < 0)
            continue;
        const QRect band(0, rowY(row) - rowHeight() / 2, viewport()->width(), rowHeight());
        p.fillRect(band,
                   row == selectedRow ? RoleColors::selectedBand() : RoleColors::newestBand());
    }
    // With more sockets than the view is wide, several share a pixel column: what each
    // column already shows is kept, so a line hidden under one drawn before it is skipped.
    using Spans = QVector<QPair<int, int>>; // per pixel column: top and end shown, or {0, -1}
    const auto alreadyShown = [](Spans &spans, int x, int from, int to) {
        if (x < 0 || x >= spans.size())
            return false;
        QPair<int, int> &shown = spans[x];
        if (shown.second >= 0 && from >= shown.first && to <= shown.second)
            return true;
        const bool touches = shown.second >= 0 && from <= shown.second && to >= shown.first;
        shown = touches ? qMakePair(qMin(from, shown.first), qMax(to, shown.second))
                        : qMakePair(from, to);
        return false;
    };
    // Lifelines.
    Spans lifelineSpans(viewport()->width() + 1, {0, -1});
    const int lineWidth = qMax(1, qRound(2 * m_lineScale));
    for (int i = 0; i < lines.size(); ++i) {
        const SequenceModel::Lifeline &l = lines.at(i);
        const int x = columnX(i);
        const int top = qMax(headerHeight(), rowY(l.firstRow) - rowHeight() / 2);
        const int end = l.lastRow < 0 ? bottom : rowY(l.lastRow);
        if (end <= top || alreadyShown(lifelineSpans, x, top, end))
            continue;
        // A filled rectangle: as crisp as the 2 px line it stands for, and far cheaper
        // to draw hundreds of times than an antialiased stroke.
        p.fillRect(QRect(x - lineWidth / 2, top, lineWidth, end - top), RoleColors::strong(l.role));
    }
    // Blocked calls. With hundreds of sockets side by side a bar is a thin line without its
    // label (there is no room for either), which also keeps the painting cheap.
    const int half = qRound(6 * m_lineScale);
    const bool crowded = viewport()->width() / qMax(1, int(m_column.size())) < 4 * half;
    Spans barSpans(crowded ? viewport()->width() + 1 : 0, {0, -1});
    for (const SequenceModel::Bar &b : m_model.bars()) {
        if (!visible(b.fromRow, b.toRow))
            continue;
        const int x = columnX(b.lifeline);
        const int top = rowY(b.fromRow);
        const int end = b.toRow < 0 ? bottom : rowY(b.toRow);
        QColor bar = RoleColors::blockedBar();
        if (crowded) {
            const int to = qMax(top + 4, end);
            if (!alreadyShown(barSpans, x, qMax(0, top), to))
                p.fillRect(QRect(x, top, 1, to - top), bar);
            continue;
        }
        bar.setAlpha(b.seq == m_selected ? 255 : 170);
        p.fillRect(QRect(x - half, top, 2 * half, qMax(4, end - top)), bar);
        p.setPen(RoleColors::warningText());
        const QString label = tr("%1 blocked").arg(b.call);
        const int labelX =
            qMin(x + half + 4, viewport()->width() - fontMetrics().horizontalAdvance(label) - 2);
        p.drawText(QPoint(labelX, top + fontMetrics().ascent()), label);
    }
    p.setRenderHint(QPainter::Antialiasing);
    // Calls that sent nothing.
    for (const SequenceModel::Mark &m : m_model.marks()) {
        if (!visible(m.row, m.row))
            continue;
        const int x = columnX(m.lifeline);
        const int y = rowY(m.row);
        p.setPen(Qt::NoPen);
        p.setBrush(m.failed ? RoleColors::errorText()
                            : RoleColors::strong(lines.at(m.lifeline).role));
        const double dot = 4 * m_lineScale;
        p.drawEllipse(QPointF(x, y), dot, dot);
        QFont f = font();
        f.setBold(m.seq == m_selected);
        p.setFont(f);
        p.setPen(m.failed ? RoleColors::errorText() : palette().color(QPalette::Text));
        const int labelX = qMin(
            x + int(dot) + 4, viewport()->width() - QFontMetrics(f).horizontalAdvance(m.label) - 2);
        p.drawText(QPoint(labelX, y + QFontMetrics(f).ascent() / 2 - 1), m.label);
    }
    // What crossed.
    for (const SequenceModel::Arrow &a : m_model.arrows()) {
        if (a.from < 0 || !visible(qMin(a.fromRow, a.toRow), qMax(a.fromRow, a.toRow)))
            continue;
        const QLineF line = arrowLine(a);
        const QPointF start = line.p1(), end = line.p2();
        const QColor color = arrowColor(a, lines.at(a.from).role);
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
        // The handshake's three arrows share a row: smaller labels, placed along the arrow
        // at different points so they do not overlap.
        const bool handshake = a.kind == SequenceModel::ArrowKind::Syn ||
                               a.kind == SequenceModel::ArrowKind::SynAck ||
                               a.kind == SequenceModel::ArrowKind::Ack;
        if (handshake)
            f.setPointSizeF(f.pointSizeF() * 0.8);
        p.setFont(f);
        p.setPen(color);
        const double along = handshake ? 0.25 + 0.25 * a.lane : 0.5;
        const QPointF at = start + (end - start) * along;
        const int width = QFontMetrics(f).horizontalAdvance(a.label);
        // Kept inside the view; a label wider than a narrow view starts at its left edge.
        const double x =
            qMax(2.0, qMin(at.x() - width / 2.0, double(viewport()->width() - width - 2)));
        // Unread bytes are labelled under their arrow, clear of a partial read's label.
        const double y = a.pending ? at.y() + QFontMetrics(f).ascent() + 2 : at.y() - 4;
        p.drawText(QPointF(x, y), a.label);
    }
    paintTravellingBytes(p);
    if (hasFocus()) {
        // Keyboard focus is shown, as on every other control.
        p.setPen(QPen(palette().color(QPalette::Highlight), 3));
        p.setBrush(Qt::NoBrush);
        p.drawRect(viewport()->rect().adjusted(1, 1, -2, -2));
    }
    // Header last, so it stays on top while scrolling.
    p.fillRect(QRect(0, 0, viewport()->width(), headerHeight()), palette().color(QPalette::Window));
    QFont bold = font();
    bold.setBold(true);
    p.setFont(bold);
    // When crowded, a name that would overlap the one before it is left out; the cheap
    // estimate comes first, so a thousand names are not all measured at every paint.
    const QFontMetrics boldMetrics(bold);
    int lastLabelRight = INT_MIN;
    for (int i = 0; i < lines.size(); ++i) {
        const QString id = lines.at(i).socketId;
        const int x = columnX(i);
        if (crowded && x - boldMetrics.averageCharWidth() * int(id.size()) / 3 < lastLabelRight + 4)
            continue;
        const int width = boldMetrics.horizontalAdvance(id);
        // Centred on its lifeline, but kept inside the view when crowded at an edge.
        const int left =
            crowded ? qMax(2, qMin(x - width / 2, viewport()->width() - width - 2)) : x - width / 2;
        if (crowded && left < lastLabelRight + 4)
            continue;
        lastLabelRight = left + width;
        p.setPen(RoleColors::strong(lines.at(i).role));
        p.drawText(QPoint(left, headerHeight() - boldMetrics.descent() - 4), id);
    }
    if (lines.isEmpty()) {
        p.setPen(palette().color(QPalette::PlaceholderText));
        p.drawText(viewport()->rect(), Qt::AlignCenter,
                   tr("Make a call: each socket gets a lifeline here,\nand what crosses between "
                      "them is drawn as arrows."));
    }
}

QLineF SequenceDiagramView::arrowLine(const SequenceModel::Arrow &a) const
{
    const QPointF start(columnX(a.from), rowY(a.fromRow, a.lane));
    // An arrow whose receiver is not known yet points a little way out of its lifeline.
    const QPointF end =
        a.to < 0 ? start + QPointF(60, 0) : QPointF(columnX(a.to), rowY(a.toRow, a.lane));
    return QLineF(start, end);
}

qint64 SequenceDiagramView::seqAt(const QPoint &point) const
{
    const QPointF at(point);
    qint64 best = 0;
    double bestDistance = 8;
    for (const SequenceModel::Arrow &a : m_model.arrows()) {
        if (a.from < 0)
            continue;
        const QLineF line = arrowLine(a);
        const double d = distanceToSegment(at, line.p1(), line.p2());
        if (d < bestDistance) {
            bestDistance = d;
            best = a.seq;
        }
    }
    if (best)
        return best;
    for (const SequenceModel::Bar &b : m_model.bars()) {
        const int x = columnX(b.lifeline);
        const int end = b.toRow < 0 ? viewport()->height() : rowY(b.toRow);
        if (std::abs(point.x() - x) <= 8 && point.y() >= rowY(b.fromRow) && point.y() <= end)
            return b.seq;
    }
    // Anything else on that row: the event the row stands for.
    const int row = (point.y() + verticalScrollBar()->value() - headerHeight()) / rowHeight();
    return row >= 0 && row < m_model.rowCount() ? m_model.seqOfRow(row) : 0;
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
