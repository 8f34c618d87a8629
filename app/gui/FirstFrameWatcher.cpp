// SPDX-License-Identifier: MIT
#include "FirstFrameWatcher.h"

#include <QEvent>
#include <QTimer>
#include <QWidget>

FirstFrameWatcher::FirstFrameWatcher(QWidget *window) : m_window(window)
{
    window->installEventFilter(this);
}

bool FirstFrameWatcher::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_window && event->type() == QEvent::Paint && !m_painted) {
        m_painted = true;
        m_window->removeEventFilter(this);
        // The first show settles in a few passes of the event loop (labels that wrap find
        // their height, scroll bars appear and the window paints those parts again).
        QTimer::singleShot(settleMs, this, &FirstFrameWatcher::settled);
    }
    return false;
}
