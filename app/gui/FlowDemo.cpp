#include "FlowDemo.h"

#include "ClientPane.h"
#include "ConnectionControls.h"
#include "MainWindow.h"
#include "MessageEditor.h"
#include "ServerPane.h"
#include "present/FrameThrottle.h"
#include "session/SocketSession.h"

#include <QPushButton>
#include <QTimer>

FlowDemo::FlowDemo(MainWindow *window, QObject *parent) : QObject(parent), m_window(window)
{
    const auto say = [window](bool server, const QString &text) {
        return [window, server, text] {
            (server ? window->serverPane()->connectionControls()
                    : window->clientPane()->connectionControls())
                ->editor()
                ->setText(text);
        };
    };
    m_steps = {
        {QStringLiteral("server.socket"), nullptr, SocketCall::Socket, false},
        // Not in the course's flow, but without it a second run within a minute fails:
        // the first run's closed connection keeps port 50000 in TIME_WAIT.
        {QStringLiteral("server.setsockopt"), nullptr, SocketCall::SetSockOpt, false},
        {QStringLiteral("server.bind"), nullptr, SocketCall::Bind, false},
        {QStringLiteral("server.listen"), nullptr, SocketCall::Listen, false},
        {QStringLiteral("server.accept"), nullptr, SocketCall::Accept, true},
        {QStringLiteral("client.socket"), nullptr, SocketCall::Socket, false},
        {QStringLiteral("client.connect"), nullptr, SocketCall::Connect, false},
        {QStringLiteral("client.sendall"), say(false, QStringLiteral("Hey, can you hear me?")),
         SocketCall::SendAll, false},
        {QStringLiteral("conn.recv"), nullptr, SocketCall::Recv, false},
        {QStringLiteral("conn.sendall"), say(true, QStringLiteral("Yes, I can hear you.")),
         SocketCall::SendAll, false},
        {QStringLiteral("client.recv"), nullptr, SocketCall::Recv, false},
        {QStringLiteral("conn.close"), nullptr, SocketCall::Close, false},
        {QStringLiteral("client.recv"), nullptr, SocketCall::Recv, false},
        {QStringLiteral("client.close"), nullptr, SocketCall::Close, false},
        {QStringLiteral("server.close"), nullptr, SocketCall::Close, false},
    };
    connect(window->session(), &SocketSession::eventOccurred, this, &FlowDemo::onEvent);
}

int FlowDemo::stepCount()
{
    return 15;
}

void FlowDemo::start(int steps)
{
    m_index = 0;
    m_last = steps <= 0 || steps > m_steps.size() ? m_steps.size() : steps;
    next();
}

void FlowDemo::next()
{
    if (m_index >= m_last) {
        emit finished(true, tr("Played %1 steps of getting the flow.").arg(m_last));
        return;
    }
    const Step &step = m_steps.at(m_index);
    if (step.prepare)
        step.prepare();
    auto *button = m_window->findChild<QPushButton *>(step.button);
    if (button && !button->isEnabled()) {
        if (!m_buttonWait.isValid())
            m_buttonWait.start();
        if (m_buttonWait.elapsed() < buttonWaitMs) {
            QTimer::singleShot(FrameThrottle::frameMs, this, &FlowDemo::next);
            return;
        }
    }
    m_buttonWait.invalidate();
    if (!button || !button->isEnabled()) {
        emit finished(false, tr("Step %1: %2 is not available.").arg(m_index + 1).arg(step.button));
        return;
    }
    m_waiting = true;
    button->click();
}

void FlowDemo::onEvent(const SocketEvent &event)
{
    if (!m_waiting || m_index >= m_last)
        return;
    const Step &step = m_steps.at(m_index);
    const bool ended = event.phase == CallPhase::Returned || event.phase == CallPhase::Failed ||
                       (step.acceptBlocked && event.phase == CallPhase::Blocked);
    if (event.call != step.awaited || !ended)
        return;
    if (event.phase == CallPhase::Failed) {
        m_waiting = false;
        emit finished(false,
                      tr("Step %1 failed: %2").arg(m_index + 1).arg(event.error.pythonException()));
        return;
    }
    m_waiting = false;
    ++m_index;
    // After the panes have taken in the event (next() waits for the button too).
    QTimer::singleShot(0, this, &FlowDemo::next);
}
