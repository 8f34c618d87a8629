// SPDX-License-Identifier: MIT
#include "WatchController.h"

#include "EventFollower.h"
#include "ProgramConsole.h"
#include "WatchDialog.h"
#include "present/StuckDiagnosis.h"
#include "session/EventLog.h"
#include "session/SocketSession.h"
#include "sources/WatchSource.h"

#include <QAction>
#include <QMenu>
#include <QMessageBox>

WatchController::WatchController(const Parts &parts, QObject *parent)
    : QObject(parent), m_parts(parts)
{
    m_diagnoseTimer.setInterval(1000);
    connect(&m_diagnoseTimer, &QTimer::timeout, this, &WatchController::diagnose);
    for (Side side : {Server, Client}) {
        ProgramConsole *console = m_parts.consoles[side];
        console->hide();
        connect(console, &ProgramConsole::inputEntered, this, [this, side](const QByteArray &l) {
            if (m_programs[side])
                m_programs[side]->writeInput(l);
        });
        connect(console, &ProgramConsole::stopRequested, this, [this, side] { stop(side); });
        connect(console, &ProgramConsole::closeRequested, this, [this, side] { close(side); });
    }
}

WatchController::~WatchController()
{
    // The programs end with the window: none may run on without its watcher.
    for (WatchSource *program : m_programs)
        delete program;
}

bool WatchController::watch(Side side, const QStringList &command, const QString &directory,
                            QString *error)
{
    if (command.isEmpty()) {
        *error = tr("no program given");
        return false;
    }
    close(side);
    auto *program = new WatchSource(&m_parts.session->clock(), &m_parts.session->naming(),
                                    side == Server ? SocketRole::Server : SocketRole::Client);
    ProgramConsole *console = m_parts.consoles[side];
    connect(program, &WatchSource::output, console, &ProgramConsole::appendOutput);
    connect(program, &WatchSource::finished, this, [this, side, program](int, const QString &how) {
        const QString status = tr("%1: %2").arg(program->commandLine(), how);
        m_parts.consoles[side]->ended(status);
        m_parts.tell(status);
    });
    if (!program->start(command.first(), command.mid(1), directory, error)) {
        delete program;
        return false;
    }
    m_programs[side] = program;
    m_parts.follower->follow(program);
    console->startWatching(tr("Watching %1").arg(program->commandLine()));
    console->show();
    m_parts.showInPane(side, program);
    m_diagnoseTimer.start();
    return true;
}

void WatchController::diagnose()
{
    if (!m_programs[Server] && !m_programs[Client]) {
        m_diagnoseTimer.stop();
        return;
    }
    const QStringList lines =
        StuckDiagnosis::diagnose(m_parts.log->events(), m_parts.session->clock().nowMsPrecise());
    for (Side side : {Server, Client})
        m_parts.consoles[side]->setDiagnosis(m_programs[side] ? lines : QStringList());
}

void WatchController::buildMenu(QMenu *menu, QWidget *window)
{
    QAction *watchAction =
        menu->addAction(tr("&Watch a Program…"), this, [this, window] { choose(window); });
    watchAction->setObjectName(QStringLiteral("watchProgram"));
    watchAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_W));
    watchAction->setToolTip(tr("Run your own program (python3 server.py) and see every socket "
                               "call it makes, beside the other pane"));
    QAction *stopAction = menu->addAction(tr("S&top Watched Programs"), this, [this] {
        stop(Server);
        stop(Client);
    });
    stopAction->setToolTip(tr("End the programs SocketLab watches"));
    connect(menu, &QMenu::aboutToShow, stopAction, [this, stopAction] {
        const auto running = [](const WatchSource *p) { return p && p->isRunning(); };
        stopAction->setEnabled(running(m_programs[Server]) || running(m_programs[Client]));
    });
}

void WatchController::choose(QWidget *window)
{
    WatchDialog dialog(window);
    // The pane without a program is the likely one for the next.
    dialog.setIntoServerPane(!m_programs[Server] || m_programs[Client]);
    if (dialog.exec() != QDialog::Accepted)
        return;
    QString error;
    const Side side = dialog.intoServerPane() ? Server : Client;
    if (!watch(side, dialog.command(), dialog.directory(), &error))
        QMessageBox::warning(window, tr("Watch a Program"),
                             tr("The program cannot be watched: %1").arg(error));
}

void WatchController::stop(Side side)
{
    if (m_programs[side])
        m_programs[side]->stop();
}

void WatchController::close(Side side)
{
    WatchSource *program = m_programs[side];
    if (!program)
        return;
    m_programs[side] = nullptr;
    m_parts.showInPane(side, m_parts.session);
    m_parts.follower->letGo(program);
    m_parts.consoles[side]->hide();
    m_parts.consoles[side]->setDiagnosis({});
    delete program; // ends it if it still runs, and waits for its watcher
}

SocketSource *WatchController::paneSource(Side side) const
{
    if (m_programs[side])
        return m_programs[side];
    return m_parts.session;
}
