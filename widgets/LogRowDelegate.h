#pragma once

#include <QStyledItemDelegate>

// Paints log rows in their side's colour (server blue, client vermillion) and dims rows of
// calls that only started, so returns and failures stand out.
class LogRowDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;
};
