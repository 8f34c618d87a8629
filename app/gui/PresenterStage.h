// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QObject>

class QDockWidget;
class QMainWindow;
class QSplitter;
class QTabWidget;
class QWidget;
class SequenceDiagramView;

// Turns the window into a stage for a projector and back: full screen, no menus or log,
// the two panes and the sequence diagram only, the lesson as a caption bar, thicker
// diagram lines. Remembers what it hid so leaving restores the window as it was. On the
// stage the panes get the height their contents need (so badges and calls are never
// scrolled away), up to two thirds of it; the diagram gets the rest, until the presenter
// drags the divider.
class PresenterStage : public QObject
{
public:
    struct Parts
    {
        QMainWindow *window = nullptr;
        QTabWidget *pages = nullptr; // lab | lookups
        QWidget *log = nullptr;
        QTabWidget *details = nullptr; // diagram | bytes | code | states
        SequenceDiagramView *diagram = nullptr;
        QDockWidget *lessonDock = nullptr;
        QWidget *caption = nullptr;
        QSplitter *vertical = nullptr; // panes above, log and details below
        QSplitter *panes = nullptr;    // the server's and the client's scroll areas
    };

    explicit PresenterStage(const Parts &parts, QObject *parent = nullptr);

    void enter(bool hasLesson, bool fullScreen);
    void leave();
    bool isActive() const { return m_active; }
    // A lesson was opened or closed while on stage.
    void setHasLesson(bool hasLesson);

    static constexpr double lineScale = 2.0;
    static constexpr int maxPanesPercent = 66;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void queueFit();
    void fitPanes();

    Parts m_parts;
    bool m_active = false;
    bool m_dockWasVisible = false;
    bool m_wasFullScreen = false;
    bool m_wasMaximized = false;
    int m_detailsIndex = 0;
    int m_pageIndex = 0;
    QByteArray m_splitterState;
    bool m_fitQueued = false;
    bool m_userSized = false;
};
