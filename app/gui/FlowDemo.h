#pragma once

#include "calls/SocketCall.h"
#include "calls/SocketRole.h"

#include <QElapsedTimer>
#include <QObject>
#include <QString>
#include <QVector>

#include <functional>

class MainWindow;
struct SocketEvent;

// Plays the course's "getting the flow" exercise by pressing the window's own buttons,
// one step after the previous call has answered: a hands-off demo, and the way the README
// screenshot is made (socketlab --demo-flow N --screenshot FILE).
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
    void next();
    void onEvent(const SocketEvent &event);
    // How long a step waits for its button: the panes take in a call's answer within a frame
    // (see FrameThrottle), so a button may still be greyed out just after the event.
    static constexpr int buttonWaitMs = 1000;

    MainWindow *m_window;
    QVector<Step> m_steps;
    int m_index = 0;
    int m_last = 0;
    bool m_waiting = false;
    QElapsedTimer m_buttonWait;
};
