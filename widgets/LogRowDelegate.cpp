// SPDX-License-Identifier: MIT
#include "LogRowDelegate.h"

#include "RoleColors.h"
#include "calls/CallPhase.h"
#include "session/EventLog.h"

#include <QApplication>
#include <QHeaderView>
#include <QPainter>
#include <QTableView>

void LogRowDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    const auto role = SocketRole(index.data(EventLog::SocketRoleRole).toInt());
    const auto phase = CallPhase(index.data(EventLog::PhaseRole).toInt());
    option->backgroundBrush = RoleColors::tint(role);
    if (index.column() == EventLog::SocketColumn) {
        option->palette.setColor(QPalette::Text, RoleColors::strong(role));
        option->font.setBold(true);
    } else if (phase == CallPhase::Failed && index.column() == EventLog::OutcomeColumn) {
        option->palette.setColor(QPalette::Text, RoleColors::errorText());
        option->font.setBold(true);
    } else if (phase == CallPhase::Started || phase == CallPhase::Blocked) {
        option->palette.setColor(QPalette::Text, RoleColors::mutedText());
    }
}

void LogRowDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                           const QModelIndex &index) const
{
    QStyleOptionViewItem cell = option;
    initStyleOption(&cell, index);
    const QPalette::ColorGroup group = !(cell.state & QStyle::State_Enabled) ? QPalette::Disabled
                                       : (cell.state & QStyle::State_Active) ? QPalette::Active
                                                                             : QPalette::Inactive;
    const bool selected = cell.state & QStyle::State_Selected;
    painter->fillRect(cell.rect, selected ? cell.palette.brush(group, QPalette::Highlight)
                                          : cell.backgroundBrush);
    if (!cell.text.isEmpty()) {
        const QRect rect = textRect(cell);
        painter->save();
        painter->setClipRect(rect, Qt::IntersectClip);
        painter->setFont(cell.font);
        painter->setPen(
            cell.palette.color(group, selected ? QPalette::HighlightedText : QPalette::Text));
        if (wraps(index)) {
            painter->drawText(rect, Qt::AlignVCenter | Qt::TextWordWrap, cell.text);
        } else {
            const QStaticText &text = shaped(cell.text, cell.font);
            const qreal top = rect.top() + (rect.height() - text.size().height()) / 2;
            painter->drawStaticText(QPointF(rect.left(), top), text);
        }
        painter->restore();
    }
    if (cell.state & QStyle::State_HasFocus) {
        QStyleOptionFocusRect focus;
        focus.QStyleOption::operator=(cell);
        focus.backgroundColor =
            cell.palette.color(group, selected ? QPalette::Highlight : QPalette::Window);
        const QStyle *style = cell.widget ? cell.widget->style() : QApplication::style();
        style->drawPrimitive(QStyle::PE_FrameFocusRect, &focus, painter, cell.widget);
    }
}

bool LogRowDelegate::wraps(const QModelIndex &index)
{
    return index.column() == EventLog::OutcomeColumn &&
           CallPhase(index.data(EventLog::PhaseRole).toInt()) == CallPhase::Failed;
}

QRect LogRowDelegate::textRect(const QStyleOptionViewItem &cell)
{
    const QStyle *style = cell.widget ? cell.widget->style() : QApplication::style();
    const int margin = style->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, cell.widget) + 1;
    return cell.rect.adjusted(margin, 0, -margin, 0);
}

QSize LogRowDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const QSize single = QStyledItemDelegate::sizeHint(option, index);
    const auto *view = qobject_cast<const QTableView *>(option.widget);
    if (!view || !wraps(index))
        return single;
    QStyleOptionViewItem cell = option;
    initStyleOption(&cell, index);
    cell.rect = QRect(0, 0, view->columnWidth(index.column()), single.height());
    const QRect rect = textRect(cell);
    const QRect needed = QFontMetrics(cell.font).boundingRect(QRect(0, 0, rect.width(), 100000),
                                                              Qt::TextWordWrap, cell.text);
    // The same spare height as a one-line row.
    const int spare =
        view->verticalHeader()->defaultSectionSize() - QFontMetrics(cell.font).height();
    return QSize(single.width(), qMax(single.height(), needed.height() + spare));
}

const QStaticText &LogRowDelegate::shaped(const QString &text, const QFont &font) const
{
    QFont regular = font; // bold cells share the cache under their own key
    regular.setBold(false);
    if (regular != m_regularFont) { // zoomed: every text is shaped again
        m_shaped.clear();
        m_regularFont = regular;
    }
    const QString key = (font.bold() ? QLatin1Char('b') : QLatin1Char('r')) + text;
    if (QStaticText *found = m_shaped.object(key))
        return *found;
    auto *made = new QStaticText(text);
    made->setTextFormat(Qt::PlainText);
    made->prepare(QTransform(), font);
    m_shaped.insert(key, made);
    return *made;
}
