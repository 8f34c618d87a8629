// SPDX-License-Identifier: MIT
#pragma once

#include "EventRecorder.h"

#include <QString>

#include <memory>

class MainWindow;
class QPushButton;

// The main window as the window tests drive it with QTest: a fresh one per test function,
// shown at the size the panes are laid out for, its server pane on a kernel-chosen port,
// and the clicks those tests make.
class WindowDriver
{
public:
    WindowDriver();
    ~WindowDriver();

    // Creates and shows the window; false when it was never exposed.
    bool open();
    void close();

    MainWindow *window() const { return m_window.get(); }
    EventRecorder *events() const { return m_events.get(); }

    // The push button with this object name; the test stops (qFatal) when there is none.
    QPushButton *button(const QString &name) const;
    bool enabled(const QString &name) const;
    // A mouse click; fails the test when the button is disabled, quoting its tooltip (why).
    void click(const QString &name);
    // server socket → bind → listen by clicking, on a kernel-chosen port.
    void listenByClicking();

private:
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<EventRecorder> m_events;
};
