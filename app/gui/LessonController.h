// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>

#include <functional>

class ClientPane;
class LessonCaption;
class LessonPanel;
class LessonRunner;
class PresenterStage;
class QDockWidget;
class QMainWindow;
class QMenu;
class QSettings;
class ServerPane;
class SocketSession;

// The window's lessons: the Lessons menu, opening a built-in lesson or a file (with the
// server pane's host and port as the lesson's), asking before a lesson reaches another
// program, handing the lesson's sockets to the panes, and where the user left off.
class LessonController : public QObject
{
    Q_OBJECT
public:
    struct Parts
    {
        QMainWindow *window = nullptr;
        LessonRunner *runner = nullptr;
        LessonPanel *panel = nullptr;
        QDockWidget *dock = nullptr;
        PresenterStage *stage = nullptr;
        ServerPane *server = nullptr;
        ClientPane *client = nullptr;
        SocketSession *session = nullptr;
        std::function<void()> showLab;
    };

    explicit LessonController(const Parts &parts, QObject *parent = nullptr);

    // What to do when the lesson's port is taken (by a socket made before the lesson, or by
    // another program): the question's text and its choices (a socket to close, a free
    // port, or neither). A test answers instead of the dialog.
    enum class PortChoice
    {
        CloseHolder,
        UseFreePort,
        Keep,
    };
    using PortChooser = std::function<PortChoice(const QString &message)>;
    void setPortChooser(PortChooser chooser) { m_choosePort = std::move(chooser); }

    void buildMenu(QMenu *menu);
    // Opens a built-in lesson by id, or a lesson file; false with *error when it cannot.
    // ask: the user opened it (a menu, a file), so a taken port is a question (PortChooser);
    // otherwise (the command line, the last session's lesson) another program's port gives way
    // to a free one by itself, and the session's own sockets are left as they are.
    bool open(const QString &idOrPath, QString *error, bool ask = false);
    void close();
    void readSettings(QSettings &settings);
    void writeSettings(QSettings &settings) const;

private:
    void showSocketOf(int step);
    // Puts the bytes of a send the student is to make in that pane's message box.
    void offerData(int step);
    // The port the lesson should use: port, or a free one (see open).
    int settlePort(const QString &host, int port, bool ask);
    void chooseFile();

    Parts m_parts;
    PortChooser m_choosePort;
    int m_offeredStep = -1; // offerData's step, until another step is shown
};
