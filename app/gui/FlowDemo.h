// SPDX-License-Identifier: MIT
#pragma once

#include "calls/SocketCall.h"
#include "calls/SocketRole.h"

#include <QObject>
#include <QString>
#include <QVector>

#include <functional>

class CallSequence;
class MainWindow;

// Plays the course's "getting the flow" exercise by pressing the window's own buttons,
// one step after the previous call has answered (a CallSequence whose steps are clicks): a
// hands-off demo, and the way the README screenshot is made (socketlab --demo-flow N --screenshot
// FILE).
class FlowDemo : public QObject
{
    Q_OBJECT
public:
    explicit FlowDemo(MainWindow *window, QObject *parent = nullptr);

    static int stepCount();
    // Runs the first `steps` steps (all when steps <= 0 or too large).
    void start(int steps);

signals:
    void finished(bool ok, const QString &message);

private:
    struct Step
    {
        QString button;                // objectName of the button to press
        std::function<void()> prepare; // e.g. type the message first
        SocketCall awaited;
        bool acceptBlocked; // a blocked event is enough to move on
    };
    MainWindow *m_window;
    QVector<Step> m_steps;
    CallSequence *m_calls;
    int m_done = 0;
};
