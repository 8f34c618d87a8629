// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>
#include <QTimer>

#include <functional>

// Writes the window's settings soon after one changes, not only on a clean exit: a zoom, a
// theme, a splitter dragged or the window moved survive a window that is killed later. The
// changes of a drag or a resize are written once, when they settle.
class SettingsAutosave : public QObject
{
    Q_OBJECT
public:
    // save runs on this thread, settleMs after the last change; the window's own moves and
    // resizes count as changes.
    SettingsAutosave(QWidget *window, std::function<void()> save, int settleMs = 300);

public slots:
    void changed();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    std::function<void()> m_save;
    QTimer m_timer;
};
