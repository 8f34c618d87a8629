// SPDX-License-Identifier: MIT
#pragma once

#include <QLayout>
#include <QList>

// Lays its widgets out in rows like words in a paragraph, starting a new row when the next
// one does not fit. A pane's call buttons use it, so a narrow pane (a 1024-pixel screen, a
// projector's zoom) wraps them instead of needing a horizontal scroll bar.
class FlowLayout : public QLayout
{
public:
    explicit FlowLayout(QWidget *parent = nullptr);
    ~FlowLayout() override;

    void addItem(QLayoutItem *item) override;
    int count() const override;
    QLayoutItem *itemAt(int index) const override;
    QLayoutItem *takeAt(int index) override;
    Qt::Orientations expandingDirections() const override { return {}; }
    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override;
    QSize minimumSize() const override;
    QSize sizeHint() const override;
    void setGeometry(const QRect &rect) override;

private:
    // Places the items in rect (or only measures, when place is false); returns the height.
    int arrange(const QRect &rect, bool place) const;
    int gap() const;

    QList<QLayoutItem *> m_items;
};
