// SPDX-License-Identifier: MIT
#include "ScreenFit.h"

#include <QScreen>
#include <QWidget>

namespace {
// A frame's usual size when the window manager has not said yet: borders and a title bar.
const QMargins frameAllowance(0, 0, 16, 40);
} // namespace

QSize ScreenFit::size(const QSize &wanted, const QSize &available)
{
    return wanted.boundedTo(available.shrunkBy(frameAllowance));
}

void ScreenFit::keepInside(QWidget *window)
{
    const QScreen *screen = window->screen();
    if (!screen)
        return;
    const QRect available = screen->availableGeometry();
    const QSize fitted = size(window->size(), available.size());
    if (fitted != window->size())
        window->resize(fitted);
    const QSize outer = fitted.grownBy(frameAllowance);
    const QPoint at(qBound(available.left(), window->x(), available.right() + 1 - outer.width()),
                    qBound(available.top(), window->y(), available.bottom() + 1 - outer.height()));
    if (at != window->pos())
        window->move(at);
}
