// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>
#include <QStringList>
#include <QTimer>

#include <array>
#include <functional>

class EventFollower;
class EventLog;
class ProgramConsole;
class QMenu;
class QWidget;
class SocketSession;
class SocketSource;
class WatchSource;

// The window's watched programs: at most one per pane. A watched program's pane shows its
// sockets (read-only) with its terminal below; the other pane stays as it was, so a student's
// server can be tried with clicks. Its calls join the live session's in the log and diagram.
class WatchController : public QObject
{
    Q_OBJECT
public:
    enum Side
    {
        Server,
        Client,
    };
    struct Parts
    {
        SocketSession *session = nullptr;
        EventFollower *follower = nullptr;
        const EventLog *log = nullptr; // both sources' events, for "why is it stuck?"
        std::array<ProgramConsole *, 2> consoles{};
        // The pane on side shows source from now on (while no replay is shown).
        std::function<void(Side side, SocketSource *source)> showInPane;
        std::function<void(const QString &message)> tell; // the status bar
    };

    WatchController(const Parts &parts, QObject *parent = nullptr);
    ~WatchController() override;

    // Starts command (program and arguments) in directory and shows it on side, in place of
    // any program watched there before. False with *error when it cannot start.
    bool watch(Side side, const QStringList &command, const QString &directory, QString *error);
    // File → Watch a Program… and Stop Watched Programs, for dialogs over window.
    void buildMenu(QMenu *menu, QWidget *window);
    // Asks for a program (WatchDialog) and watches it.
    void choose(QWidget *window);
    // Ends the program on side (a watched program cannot go on unwatched).
    void stop(Side side);
    // The program on side is let go and its pane shows the live session again.
    void close(Side side);
    // What the pane on side shows when no replay is shown: its program, or the live session.
    SocketSource *paneSource(Side side) const;
    WatchSource *program(Side side) const { return m_programs[side]; }
    ProgramConsole *console(Side side) const { return m_parts.consoles[side]; }

private:
    // Says who waits for whom in the consoles, once a second while a program is watched.
    void diagnose();

    Parts m_parts;
    QTimer m_diagnoseTimer;
    std::array<WatchSource *, 2> m_programs{};
};
