// SPDX-License-Identifier: MIT
#pragma once

#include <QWidget>

// Whether the widget is visible and no ancestor clips any of it: not scrolled, even in part,
// past the edge of a scroll area's viewport, a splitter's side or the window.
inline bool shownWhole(const QWidget *w)
{
    if (!w->isVisible())
        return false;
    for (const QWidget *a = w->parentWidget(); a; a = a->parentWidget()) {
        if (!a->rect().contains(QRect(w->mapTo(a, QPoint(0, 0)), w->size())))
            return false;
        if (a->isWindow())
            break;
    }
    return true;
}
