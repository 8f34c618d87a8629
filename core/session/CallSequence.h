#pragma once

#include "calls/SocketEvent.h"

#include <QObject>
#include <QQueue>

#include <functional>

class SocketSession;

// Runs calls one after another, each when the previous one returned, the way a Python
// script runs its lines. Stops at the first failure. Steps may be appended while it runs.
class CallSequence : public QObject
{
    Q_OBJECT
public:
    // A step makes one call through the session; it sets *socketId to the socket it used
    // and returns the session's refusal (empty if the call went out).
    using Issue = std::function<QString(QString *socketId)>;

    explicit CallSequence(SocketSession *session, QObject *parent = nullptr);
    void append(SocketCall call, Issue issue);
    void start();
    bool isRunning() const { return m_running; }

signals:
    void stepReturned(const SocketEvent &event);
    void stepFailed(const SocketEvent &event);
    void refused(const QString &reason);
    // Every step returned and no step is left.
    void finished();

private:
    struct Step
    {
        SocketCall call;
        Issue issue;
    };
    void next();
    void onEvent(const SocketEvent &event);

    QQueue<Step> m_steps;
    bool m_running = false;
    QString m_waitingSocket;
    SocketCall m_waitingCall = SocketCall::None;
};
