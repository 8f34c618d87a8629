#include "session/CallSequence.h"

#include "session/SocketSession.h"

CallSequence::CallSequence(SocketSession *session, QObject *parent)
    : QObject(parent)
{
    connect(session, &SocketSession::eventOccurred, this, &CallSequence::onEvent);
}

void CallSequence::append(SocketCall call, Issue issue)
{
    m_steps.enqueue({call, std::move(issue)});
    if (m_running && m_waitingCall == SocketCall::None)
        next();
}

void CallSequence::start()
{
    m_running = true;
    next();
}

void CallSequence::next()
{
    if (m_steps.isEmpty()) {
        m_waitingCall = SocketCall::None;
        m_running = false;
        emit finished();
        return;
    }
    const Step step = m_steps.dequeue();
    QString id;
    const QString refusal = step.issue(&id);
    if (!refusal.isEmpty()) {
        m_running = false;
        m_waitingCall = SocketCall::None;
        emit refused(refusal);
        return;
    }
    m_waitingSocket = id;
    m_waitingCall = step.call;
}

void CallSequence::onEvent(const SocketEvent &event)
{
    if (m_waitingCall == SocketCall::None || event.socketId != m_waitingSocket ||
        event.call != m_waitingCall)
        return;
    if (event.phase == CallPhase::Returned) {
        m_waitingCall = SocketCall::None;
        emit stepReturned(event);
        if (m_running && m_waitingCall == SocketCall::None)
            next();
    } else if (event.phase == CallPhase::Failed) {
        m_waitingCall = SocketCall::None;
        m_running = false;
        m_steps.clear();
        emit stepFailed(event);
    }
}
