// SPDX-License-Identifier: MIT
#pragma once

#include <QPointer>
#include <QWidget>

// A thick ring around whichever control of a window has keyboard focus, so the focus can be
// seen from the back of a room (the style's own focus frame is a thin line). It is drawn
// over the window, clipped to what is visible of the control, and ignores the mouse.
class FocusRing : public QWidget
{
    Q_OBJECT
public:
    explicit FocusRing(QWidget *window);

    QWidget *target() const { return m_target; }
    static constexpr int thickness = 3;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;

private:
    void follow(QWidget *now);
    void place();
    void stopWatching();

    QPointer<QWidget> m_target;
    QList<QPointer<QWidget>> m_watched; // the target and its ancestors: any may move
};
