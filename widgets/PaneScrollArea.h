// SPDX-License-Identifier: MIT
#pragma once

#include <QPointer>
#include <QScrollArea>

// The scroll area around a server or client pane, for screens (and presenter mode) too small
// to show a whole pane. It follows the flow: a call button pressed through its shortcut while
// scrolled out of view, and whatever the pane asks for (revealRequested: an accepted
// connection's state and calls), are brought into view, and kept there as the pane's texts
// grow until the user scrolls. The pane's title stays above, so a scrolled pane still says
// which side it is.
class PaneScrollArea : public QScrollArea
{
    Q_OBJECT
public:
    // header (the pane's title) moves out of the pane to stay above it.
    PaneScrollArea(QWidget *pane, QWidget *header, QWidget *parent = nullptr);

    // Scrolls as little as needed to show the pane's rows from first's top to last's bottom
    // (widgets inside the pane); when they do not all fit, their top.
    void reveal(QWidget *first, QWidget *last);

protected:
    bool event(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void scrollToFollowed();
    void placeHeader();

    QWidget *m_header;
    QPointer<QWidget> m_first;
    QPointer<QWidget> m_last;
    bool m_scrollQueued = false;
};
