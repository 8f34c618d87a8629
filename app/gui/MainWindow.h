// SPDX-License-Identifier: MIT
#pragma once

#include "AppearanceController.h"
#include "Theme.h"

#include <QMainWindow>
#include <QTimer>

#include <array>
#include <memory>

class ByteView;
class EchoCheckController;
class EventFollower;
class LessonController;
class GuideWindow;
class LessonCaption;
class LessonPanel;
class LessonRunner;
class PresenterStage;
class QDockWidget;
class ProgramConsole;
class ReplayBar;
class ReplayController;
class SocketSource;
class CodeView;
class SequenceDiagramView;
class SessionExporter;
class TcpStateView;
class WatchController;
class LookupsPanel;
class QTabWidget;
struct AddrInfoEntry;
class ClientPane;
class EventLog;
class QAction;
class QLabel;
class QSplitter;
class ServerPane;
class SessionLogView;
class SocketSession;
struct SocketEvent;

// The SocketLab window: server pane and client pane side by side, the session log and the
// byte view below. It wires widgets to one SocketSession and keeps settings.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    SocketSession *session() const { return m_session; }
    EventLog *log() const { return m_log; }
    ServerPane *serverPane() const { return m_server; }
    ClientPane *clientPane() const { return m_client; }
    ByteView *byteView() const { return m_bytes; }
    CodeView *codeView() const { return m_code; }
    SequenceDiagramView *diagram() const { return m_diagram; }
    LookupsPanel *lookups(); // built on first use
    // Calls → Allow Invalid Calls (checkable).
    QAction *allowInvalidCalls() const { return m_allowInvalid; }
    // The window has two pages: the lab (panes, log, bytes) and the lookups.
    void showLookups(bool show);

    bool exportTrace(const QString &path, QString *error) const;
    // Replays a saved trace in the panes, diagram and log without touching the network.
    bool openSession(const QString &path, QString *error);
    void closeReplay();
    bool isReplaying() const;
    // The panes and every view show this source (the live session, or a replay).
    void showSource(SocketSource *source);
    // Programs run and watched in the panes (File → Watch a Program…, --watch-server).
    WatchController *watch() const { return m_watch; }
    // Calls → Check Echo Server.
    EchoCheckController *echoCheck() const { return m_echoCheck; }
    // What a replayed trace lost at a damaged end, or empty.
    QString replayWarning() const;
    ReplayBar *replayBar() const { return m_replayBar; }
    // Help → Guide: 0 student guide, 1 instructor guide, 2 lesson format.
    void openGuide(int index);
    GuideWindow *guide() const { return m_guide; }
    // Writes server.py/client.py and server.c/client.c for the sides the session has.
    bool exportScripts(const QString &directory, QStringList *written, QString *error) const;
    // Zoom, theme, motion and presenter mode (AppearanceController). 100 % is the system's
    // usual text size; presenter mode starts at 200 %.
    AppearanceController *appearance() const { return m_appearance; }
    void setZoomPercent(int percent) { m_appearance->setZoomPercent(percent); }
    int zoomPercent() const { return m_appearance->zoomPercent(); }
    void setTheme(Theme::Kind kind) { m_appearance->setTheme(kind); }
    void setReducedMotion(bool reduced) { m_appearance->setReducedMotion(reduced); }

    // Opens a built-in lesson by id, or a lesson file; false with *error when it cannot.
    bool openLesson(const QString &idOrPath, QString *error);
    void closeLesson();
    LessonRunner *lessonRunner() const { return m_runner; }
    LessonController *lessons() const { return m_lessons; }
    LessonPanel *lessonPanel() const { return m_lessonPanel; }
    LessonCaption *lessonCaption() const { return m_caption; }
    QDockWidget *lessonDock() const { return m_lessonDock; }

    // The stage for a projector (F5): full screen unless fullScreen is false (screenshots
    // at a chosen size), big text, panes and diagram only, the lesson as a caption.
    void setPresenterMode(bool on, bool fullScreen = true)
    {
        m_appearance->setPresenterMode(on, fullScreen);
    }
    bool isPresenterMode() const { return m_appearance->isPresenterMode(); }

    // The size the panes are laid out for; a first start on a smaller screen gets less.
    static constexpr QSize preferredSize{1600, 1000};
    // preferredSize, or less to fit a screen's free area with room for the window's frame.
    static QSize defaultSizeFor(const QSize &available);

signals:
    // The window was asked to close; shutting down (closing sockets, stopping the worker)
    // follows.
    void closing();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void buildMenus();
    void chooseSessionFile();
    // A session or lesson file from File → Open Recent or a dialog; problems in a message box.
    void openFile(const QString &path);
    void showRefusal(const QString &reason);
    void useLookupResult(const AddrInfoEntry &entry, bool forServer);
    void readSettings();
    void writeSettings() const;

    SocketSession *m_session;
    EventLog *m_log;
    ServerPane *m_server;
    ClientPane *m_client;
    SessionLogView *m_logView;
    ByteView *m_bytes;
    CodeView *m_code;
    SequenceDiagramView *m_diagram;
    TcpStateView *m_states;
    QTabWidget *m_details;
    QWidget *m_lookupsPage;
    LookupsPanel *m_lookups = nullptr;
    QTabWidget *m_pages;
    QSplitter *m_vertical;
    QSplitter *m_panes;
    QSplitter *m_bottom;
    QAction *m_allowInvalid;
    QLabel *m_invalidBadge;
    LessonRunner *m_runner;
    LessonPanel *m_lessonPanel;
    LessonCaption *m_caption;
    QDockWidget *m_lessonDock;
    std::unique_ptr<PresenterStage> m_stage;
    LessonController *m_lessons;
    AppearanceController *m_appearance;
    ReplayBar *m_replayBar;
    SessionExporter *m_exporter;
    GuideWindow *m_guide = nullptr;
    ReplayController *m_replayer = nullptr;
    EventFollower *m_follower;
    std::array<ProgramConsole *, 2> m_consoles; // under the server and the client pane
    WatchController *m_watch;
    EchoCheckController *m_echoCheck;
};
