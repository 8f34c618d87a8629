// SPDX-License-Identifier: MIT
#include "FlowDemo.h"

#include "ClientPane.h"
#include "ConnectionControls.h"
#include "MainWindow.h"
#include "MessageEditor.h"
#include "ServerPane.h"
#include "session/CallSequence.h"
#include "session/SocketSession.h"

#include <QPushButton>

FlowDemo::FlowDemo(MainWindow *window, QObject *parent)
    : QObject(parent), m_window(window), m_calls(new CallSequence(window->session(), this))
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
    connect(m_calls, &CallSequence::stepEnded, this, [this] { ++m_done; });
    connect(m_calls, &CallSequence::finished, this, [this] {
        emit finished(true, tr("Played %1 steps of getting the flow.").arg(m_done));
    });
    connect(m_calls, &CallSequence::stepFailed, this, [this](const SocketEvent &event) {
        emit finished(false,
                      tr("Step %1 failed: %2").arg(m_done).arg(event.error.pythonException()));
    });
    connect(m_calls, &CallSequence::refused, this, [this](const QString &why) {
        emit finished(false, tr("Step %1: %2").arg(m_done + 1).arg(why));
    });
}

int FlowDemo::stepCount()
{
    return 15;
}

void FlowDemo::start(int steps)
{
    m_calls->cancel();
    m_done = 0;
    const int last = steps <= 0 || steps > m_steps.size() ? int(m_steps.size()) : steps;
    for (int i = 0; i < last; ++i) {
        const Step step = m_steps.at(i);
        const auto button = [this, step] {
            return m_window->findChild<QPushButton *>(step.button);
        };
        // The step's call goes to whichever socket the pane shows: any socket's event ends it.
        // A button may still be greyed out just after the event, until its pane has taken
        // the event in (within a frame, see FrameThrottle): the step waits for it.
        m_calls->append(
            step.awaited,
            [button, step](QString *) {
                if (step.prepare)
                    step.prepare();
                button()->click();
                return QString();
            },
            step.acceptBlocked ? CallSequence::returnsOrBlocks() : CallSequence::returns(),
            [button, step] {
                const QPushButton *b = button();
                return b && b->isEnabled() ? QString()
                                           : tr("%1 is not available.").arg(step.button);
            });
    }
    m_calls->start();
}
