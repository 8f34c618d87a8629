// SPDX-License-Identifier: MIT
#pragma once

#include "calls/SocketEvent.h"

#include <QObject>
#include <QQueue>
#include <QTimer>

#include <functional>
#include <optional>

class SocketSession;

// Runs calls one after another, each when the previous one ended, the way a Python script
// runs its lines. Every "make this call, wait for its event, do the next" in SocketLab is
// one of these: a lesson's call steps, `socketlab-cli connect`, create_connection's
// attempts, a server's setup, the demo flow and the tests' loopback helpers. Each step says
// which event ends it and how (its Expect); steps may be appended while it runs.
class CallSequence : public QObject
{
    Q_OBJECT
public:
    // What an event of the step's own call means for the sequence.
    enum class Outcome
    {
        Pending, // the call goes on
        Next,    // the step is over: issue the next one (or finish when none is left)
        Again,   // issue the same step once more (recv until the peer closes)
        Finish,  // the script is done: drop the steps left
        Stop,    // the script failed here: drop the steps left
    };
    // Makes the step's call through the session; sets *socketId to the socket it used
    // (left empty: the step's call on any socket ends it) and returns the session's
    // refusal, empty if the call went out.
    using Issue = std::function<QString(QString *socketId)>;
    // Decides each event of the step's call; returns() when none is given.
    using Expect = std::function<Outcome(const SocketEvent &event)>;
    // Empty when the step can be issued now, else why not yet. Asked again at every session
    // event and every few milliseconds, for up to waitLimitMs.
    using Ready = std::function<QString()>;

    // Returned goes on, Failed stops.
    static Expect returns();
    // As returns(), and Blocked goes on too: accept() waits for a client a later step makes.
    static Expect returnsOrBlocks();

    static constexpr int waitLimitMs = 10000;

    explicit CallSequence(SocketSession *session, QObject *parent = nullptr);
    void append(SocketCall call, Issue issue, Expect expect = returns(), Ready ready = {});
    // Starts issuing steps; nothing happens when it already runs.
    void start();
    bool isRunning() const { return m_running; }
    // Drops every step; events of a call already out are ignored from now on.
    void cancel();

signals:
    // An event that ended a step, whatever its outcome (recv's data is read here).
    void stepEnded(const SocketEvent &event);
    // The step's Expect said Stop at this event.
    void stepFailed(const SocketEvent &event);
    // The next step is not ready; why says what it waits for.
    void waiting(const QString &why);
    // A step could not be issued (the session's refusal, or waitLimitMs passed).
    void refused(const QString &reason);
    // No step is left, or a step said Finish.
    void finished();

private:
    struct Step
    {
        SocketCall call;
        Issue issue;
        Expect expect;
        Ready ready;
    };
    void next();
    void tryIssue();
    void onEvent(const SocketEvent &event);
    void stop();

    QQueue<Step> m_steps;
    bool m_running = false;
    // stepEnded is out: steps appended by its handlers wait for the outcome.
    bool m_deciding = false;
    // The step whose call is out, and the socket it went to.
    std::optional<Step> m_current;
    QString m_waitingSocket;
    // The step that is not ready yet, polled until it is.
    std::optional<Step> m_notReady;
    QString m_notReadyWhy;
    QTimer m_poll;
    QTimer m_waitLimit;
};
