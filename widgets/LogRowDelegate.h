// SPDX-License-Identifier: MIT
#pragma once

#include <QCache>
#include <QFont>
#include <QStaticText>
#include <QStyledItemDelegate>

// Paints log rows in their side's colour (server blue, client vermillion) and dims rows of
// calls that only started, so returns and failures stand out.
//
// It paints cells itself rather than through the style: the style lays out and shapes each
// cell's text again at every paint, which was most of a frame while a flood scrolls the
// log. Here each distinct text is shaped once (QStaticText) and kept for later frames.
// A failure's outcome ("OSError: [Errno 98] Address already in use") wraps instead, in a
// row as tall as it needs (failures are few, so measuring them costs nothing).
class LogRowDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    static bool wraps(const QModelIndex &index);

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;

private:
    // Where the text goes inside a cell of this rectangle.
    static QRect textRect(const QStyleOptionViewItem &cell);
    const QStaticText &shaped(const QString &text, const QFont &font) const;

    // Texts shaped in m_regularFont or its bold form. A screenful of the log is a few hundred
    // cells; 1024 keeps several while a flood scrolls, and a long-running server's window
    // stays small (each costs about 0.5 KB: 4096 were 2 MB, most of what such a window grew).
    mutable QCache<QString, QStaticText> m_shaped{1024};
    mutable QFont m_regularFont;
};
