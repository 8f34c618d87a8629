// SPDX-License-Identifier: MIT
#pragma once

#include <QCoreApplication>
#include <QString>

#include <functional>

class QMenu;
class QWidget;

// The window's Help menu: the guides, the keyboard shortcuts, About.
class HelpMenu
{
    Q_DECLARE_TR_FUNCTIONS(HelpMenu)

public:
    // openGuide(n): Help → Guide (0), Instructor Guide (1), Lesson Format (2).
    static void build(QMenu *menu, QWidget *window, const std::function<void(int)> &openGuide);
    // Every shortcut the window has, for Help → Keyboard Shortcuts.
    static QString shortcutSummary();
};
