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

    void buildMenu(QMenu *menu);
    // Opens a built-in lesson by id, or a lesson file; false with *error when it cannot.
    bool open(const QString &idOrPath, QString *error);
    void close();
    void readSettings(QSettings &settings);
    void writeSettings(QSettings &settings) const;

private:
    void showSocketOf(int step);
    void chooseFile();

    Parts m_parts;
};
