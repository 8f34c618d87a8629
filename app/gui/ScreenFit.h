// SPDX-License-Identifier: MIT
#pragma once

#include <QSize>

class QWidget;

// Window sizes for the screen a window is on: a 1024×768 projector, a 1366×768 laptop. A
// window larger than the screen hides its own edges (a dialog's Close button, the call buttons
// near the right), and the user cannot tell why.
namespace ScreenFit {
// wanted, or less, so that it fits available with room for the window manager's frame.
QSize size(const QSize &wanted, const QSize &available);
// Shrinks and moves a top-level window so that, frame included, it lies inside its screen's
// free area (a geometry saved on a larger screen, the size before presenter mode).
void keepInside(QWidget *window);
} // namespace ScreenFit
