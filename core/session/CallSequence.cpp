// SPDX-License-Identifier: MIT
#include "session/CallSequence.h"

#include "session/SocketSession.h"

#include <QPointer>

namespace {
// How often a step that is not ready is asked again besides at session events: the panes
// take in an event within a frame, and a step may wait for what they show.
constexpr int pollMs = 20;
} // namespace

CallSequence::Expect CallSequence::returns()
{
    return [](const SocketEvent &e) {
        return e.phase == CallPhase::Returned ? Outcome::Next
               : e.phase == CallPhase::Failed ? Outcome::Stop
                                              : Outcome::Pending;
    };
}

CallSequence::Expect CallSequence::returnsOrBlocks()
{
    return [](const SocketEvent &e) {
        return e.phase == CallPhase::Blocked ? Outcome::Next : returns()(e);
    };
}

CallSequence::CallSequence(SocketSession *session, QObject *parent) : QObject(parent)
{
    connect(session, &SocketSession::eventOccurred, this, &CallSequence::onEvent);
    m_poll.setInterval(pollMs);
    connect(&m_poll, &QTimer::timeout, this, &CallSequence::tryIssue);
    m_waitLimit.setSingleShot(true);
    m_waitLimit.setInterval(waitLimitMs);
    connect(&m_waitLimit, &QTimer::timeout, this, [this] {
        const QString why = m_notReadyWhy;
        stop();
        emit refused(tr("still waiting after %1 s (%2); did the other side act?")
                         .arg(waitLimitMs / 1000)
                         .arg(why));
    });
}

void CallSequence::append(SocketCall call, Issue issue, Expect expect, Ready ready)
{
    m_steps.enqueue(
        {call, std::move(issue), expect ? std::move(expect) : returns(), std::move(ready)});
    if (m_running && !m_current && !m_notReady && !m_deciding)
        next();
}

void CallSequence::start()
{
    if (m_running)
        return;
    m_running = true;
    next();
}

void CallSequence::cancel()
{
    stop();
}

void CallSequence::stop()
{
    m_steps.clear();
    m_current.reset();
    m_notReady.reset();
    m_notReadyWhy.clear();
    m_poll.stop();
    m_waitLimit.stop();
    m_running = false;
}

void CallSequence::next()
{
    if (m_steps.isEmpty()) {
        m_running = false;
        emit finished();
        return;
    }
    m_notReady = m_steps.dequeue();
    tryIssue();
}

void CallSequence::tryIssue()
{
    if (!m_notReady)
        return;
    if (m_notReady->ready) {
        const QString why = m_notReady->ready();
        if (!why.isEmpty()) {
            if (!m_waitLimit.isActive())
                m_waitLimit.start();
            if (!m_poll.isActive())
                m_poll.start();
            if (why != m_notReadyWhy) {
                m_notReadyWhy = why;
                emit waiting(why);
            }
            return;
        }
    }
    m_poll.stop();
    m_waitLimit.stop();
    m_notReadyWhy.clear();
    Step step = std::move(*m_notReady);
    m_notReady.reset();
    QString id;
    QPointer<CallSequence> alive(this);
    const QString refusal = step.issue(&id);
    if (!alive)
        return;
    if (!refusal.isEmpty()) {
        stop();
        emit refused(refusal);
        return;
    }
    m_waitingSocket = id;
    m_current = std::move(step);
}

void CallSequence::onEvent(const SocketEvent &event)
{
    if (m_notReady)
        tryIssue();
    if (!m_current || event.call != m_current->call ||
        (!m_waitingSocket.isEmpty() && event.socketId != m_waitingSocket))
        return;
    QPointer<CallSequence> alive(this);
    const Outcome outcome = m_current->expect(event);
    if (!alive || outcome == Outcome::Pending)
        return;
    Step step = std::move(*m_current);
    m_current.reset();
    m_deciding = true;
    emit stepEnded(event);
    if (!alive)
        return;
    m_deciding = false;
    if (!m_running)
        return;
    switch (outcome) {
    case Outcome::Pending:
        return;
    case Outcome::Again:
        m_steps.prepend(std::move(step));
        next();
        return;
    case Outcome::Next:
        next();
        return;
    case Outcome::Finish:
        stop();
        emit finished();
        return;
    case Outcome::Stop:
        stop();
        emit stepFailed(event);
        return;
    }
}
