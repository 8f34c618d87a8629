// SPDX-License-Identifier: MIT
#pragma once

#include "Theme.h"

#include <QObject>

#include <functional>

class PresenterStage;
class QAction;
class QActionGroup;
class QFont;
class QMainWindow;
class QMenu;
class QSettings;

// How the window looks: zoom, theme, reduced motion, the travelling bytes' speed, the
// language menu, and presenter mode (which has a zoom of its own). Owns those actions, so
// a setting changed in code shows as checked in the View menu too.
class AppearanceController : public QObject
{
    Q_OBJECT
public:
    struct Parts
    {
        QMainWindow *window = nullptr;
        PresenterStage *stage = nullptr;
        std::function<bool()> hasLesson;
        // Presenter mode changed: the panes go compact or back.
        std::function<void(bool presenter)> presenterChanged;
        // The diagram's travelling bytes take this long (0: not animated).
        std::function<void(int ms)> animateFor;
    };

    static constexpr int defaultZoomPercent = 100;
    static constexpr int presenterZoomPercent = 200;
    static constexpr int minZoomPercent = 100;
    static constexpr int maxZoomPercent = 300;
    static constexpr int basePointSize = 12;
    static constexpr int defaultAnimationMs = 700;

    explicit AppearanceController(const Parts &parts, QObject *parent = nullptr);

    // The saved theme and zoom for the whole application, before any window is built.
    static void applySaved();
    // Adds zoom, presenter mode, theme, motion, speed and language to the View menu; the
    // keys that must work with the menu bar hidden are added to the window too.
    void buildMenu(QMenu *view);

    void setZoomPercent(int percent);
    int zoomPercent() const { return m_zoomPercent; }
    void setTheme(Theme::Kind kind);
    void setReducedMotion(bool reduced);
    bool reducedMotion() const { return m_reducedMotion; }
    void setAnimationMs(int ms);
    int animationMs() const { return m_animationMs; }
    void setPresenterMode(bool on, bool fullScreen = true);
    bool isPresenterMode() const;

    void readSettings(const QSettings &settings);
    void writeSettings(QSettings &settings) const;

signals:
    // A setting that is saved changed (zoom, theme, motion, speed).
    void changed();

private:
    static QFont zoomedFont(int percent);
    // On the stage, text takes the part of the screen that the stage zoom takes of a
    // 1920×1080 one, by whichever side is shorter in proportion: 200 % there is 107 % on a
    // 1024×768 projector (two panes side by side need the width), 133 % at 1280×720. Never
    // larger than on 1920×1080.
    double stageScale() const;
    void applyMotion();

    Parts m_parts;
    QAction *m_presenter = nullptr;
    QAction *m_reduced = nullptr;
    QActionGroup *m_themes = nullptr;
    QActionGroup *m_speeds = nullptr;
    int m_zoomPercent = defaultZoomPercent;
    int m_normalZoomPercent = defaultZoomPercent;  // to return to after presenter mode
    int m_stageZoomPercent = presenterZoomPercent; // the last zoom used on stage
    bool m_reducedMotion = false;
    int m_animationMs = defaultAnimationMs;
};
