// SPDX-License-Identifier: MIT
#include "AppearanceController.h"

#include "PresenterStage.h"
#include "UiLanguage.h"
#include "WindowSettings.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QMainWindow>
#include <QMenu>
#include <QScreen>
#include <QStatusBar>

AppearanceController::AppearanceController(const Parts &parts, QObject *parent)
    : QObject(parent), m_parts(parts)
{
}

void AppearanceController::applySaved()
{
    const QSettings settings;
    Theme::Kind theme = Theme::Kind::System;
    Theme::parse(WindowSettings::theme.read(settings), &theme);
    Theme::apply(theme);
    QApplication::setFont(zoomedFont(WindowSettings::zoomPercent.read(settings)));
}

void AppearanceController::buildMenu(QMenu *view)
{
    QMainWindow *window = m_parts.window;
    QAction *zoomIn =
        view->addAction(tr("Zoom &In"), this, [this] { setZoomPercent(m_zoomPercent + 25); });
    zoomIn->setShortcuts({QKeySequence::ZoomIn, QKeySequence(Qt::CTRL | Qt::Key_Equal)});
    QAction *zoomOut =
        view->addAction(tr("Zoom &Out"), this, [this] { setZoomPercent(m_zoomPercent - 25); });
    zoomOut->setShortcut(QKeySequence::ZoomOut);
    QAction *zoomReset = view->addAction(tr("&Reset Zoom"), this, [this] {
        setZoomPercent(isPresenterMode() ? presenterZoomPercent : defaultZoomPercent);
    });
    zoomReset->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_0));
    m_presenter =
        view->addAction(tr("&Presenter Mode"), this, [this](bool on) { setPresenterMode(on); });
    m_presenter->setObjectName(QStringLiteral("presenterMode"));
    m_presenter->setCheckable(true);
    m_presenter->setShortcut(QKeySequence(Qt::Key_F5));
    m_presenter->setToolTip(tr("Full screen, big text, panes and diagram only, the lesson "
                               "as a caption (F5; Esc leaves)"));
    QAction *fullScreen = view->addAction(tr("&Full Screen"), this, [window, this] {
        if (isPresenterMode())
            return; // the stage is full screen; Esc or F5 leaves it
        if (window->isFullScreen())
            window->showNormal();
        else
            window->showFullScreen();
    });
    fullScreen->setObjectName(QStringLiteral("fullScreen"));
    fullScreen->setShortcut(QKeySequence(Qt::Key_F11));
    fullScreen->setToolTip(tr("The window fills the screen, menus and all (F11 again leaves)"));
    auto *leaveStage = new QAction(window);
    leaveStage->setShortcut(QKeySequence(Qt::Key_Escape));
    connect(leaveStage, &QAction::triggered, this, [this] { setPresenterMode(false); });
    // Zoom, presenter and leaving the stage stay reachable while the menu bar is hidden.
    window->addActions({zoomIn, zoomOut, zoomReset, m_presenter, fullScreen, leaveStage});

    QMenu *themes = view->addMenu(tr("&Theme"));
    m_themes = new QActionGroup(this);
    for (Theme::Kind kind : Theme::all()) {
        const QString label = kind == Theme::Kind::System  ? tr("&System Colours")
                              : kind == Theme::Kind::Light ? tr("&Light")
                              : kind == Theme::Kind::Dark  ? tr("&Dark")
                                                           : tr("&High Contrast");
        QAction *a = themes->addAction(label, this, [this, kind] { setTheme(kind); });
        a->setCheckable(true);
        a->setData(int(kind));
        a->setObjectName(QStringLiteral("theme-") + Theme::name(kind));
        a->setActionGroup(m_themes);
    }
    m_reduced =
        view->addAction(tr("Reduce &Motion"), this, [this](bool on) { setReducedMotion(on); });
    m_reduced->setObjectName(QStringLiteral("reducedMotion"));
    m_reduced->setCheckable(true);
    m_reduced->setToolTip(tr("Do not animate the bytes travelling along the diagram's arrows"));
    QMenu *speeds = view->addMenu(tr("Travelling &Bytes Speed"));
    m_speeds = new QActionGroup(this);
    for (const auto &[label, ms] : {std::pair{tr("&Slow"), 1500}, std::pair{tr("&Normal"), 700},
                                    std::pair{tr("&Fast"), 300}}) {
        QAction *a = speeds->addAction(label, this, [this, ms = ms] { setAnimationMs(ms); });
        a->setCheckable(true);
        a->setData(ms);
        a->setActionGroup(m_speeds);
        a->setObjectName(QStringLiteral("animation-%1").arg(ms));
    }

    QMenu *languages = view->addMenu(tr("&Language"));
    languages->setToolTip(tr("The language of the window, from the next start"));
    auto *languageGroup = new QActionGroup(this);
    const QString chosen = UiLanguage::savedChoice();
    QStringList choices{QStringLiteral("system")};
    choices += UiLanguage::codes();
    for (const QString &choice : choices) {
        const QString label =
            choice == QLatin1String("system")
                ? tr("&System (%1)").arg(UiLanguage::nativeName(UiLanguage::resolve(choice)))
                : UiLanguage::nativeName(choice);
        QAction *a = languages->addAction(label, this, [window, choice] {
            UiLanguage::saveChoice(choice);
            window->statusBar()->showMessage(
                tr("SocketLab will speak %1 from the next start.")
                    .arg(UiLanguage::nativeName(UiLanguage::resolve(choice))),
                8000);
        });
        a->setCheckable(true);
        a->setChecked(choice == chosen);
        a->setObjectName(QStringLiteral("language-") + choice);
        a->setActionGroup(languageGroup);
    }
}

QFont AppearanceController::zoomedFont(int percent)
{
    QFont f = QApplication::font();
    f.setPointSizeF(basePointSize * qBound(minZoomPercent, percent, maxZoomPercent) / 100.0);
    return f;
}

double AppearanceController::stageScale() const
{
    const QScreen *screen = m_parts.window->screen();
    if (!isPresenterMode() || !screen)
        return 1.0;
    const QSize size = screen->geometry().size();
    return qMin(1.0, qMin(size.height() / 1080.0, size.width() / 1920.0));
}

void AppearanceController::setZoomPercent(int percent)
{
    m_zoomPercent = qBound(minZoomPercent, percent, maxZoomPercent);
    emit changed();
    const QFont f = zoomedFont(qRound(m_zoomPercent * stageScale()));
    if (f == QApplication::font())
        return; // already so (applySaved): every widget would be told again
    QApplication::setFont(f);
    // Widgets with a style sheet keep the font they were polished with; polish them again.
    for (QWidget *w : QApplication::allWidgets()) {
        if (!w->styleSheet().isEmpty())
            w->setStyleSheet(w->styleSheet());
    }
}

void AppearanceController::setTheme(Theme::Kind kind)
{
    Theme::apply(kind);
    for (QAction *a : m_themes->actions())
        a->setChecked(a->data().toInt() == int(kind));
    m_parts.window->update();
    emit changed();
}

void AppearanceController::setReducedMotion(bool reduced)
{
    m_reducedMotion = reduced;
    m_reduced->setChecked(reduced);
    applyMotion();
    emit changed();
}

void AppearanceController::setAnimationMs(int ms)
{
    m_animationMs = qBound(100, ms, 5000);
    for (QAction *a : m_speeds->actions())
        a->setChecked(a->data().toInt() == m_animationMs);
    applyMotion();
    emit changed();
}

void AppearanceController::applyMotion()
{
    // The travelling bytes are for the class watching a projector.
    m_parts.animateFor(isPresenterMode() && !m_reducedMotion ? m_animationMs : 0);
}

void AppearanceController::setPresenterMode(bool on, bool fullScreen)
{
    if (on == m_parts.stage->isActive())
        return;
    if (on) {
        m_normalZoomPercent = m_zoomPercent;
        m_parts.stage->enter(m_parts.hasLesson(), fullScreen);
        setZoomPercent(m_stageZoomPercent);
    } else {
        m_stageZoomPercent = m_zoomPercent;
        m_parts.stage->leave();
        setZoomPercent(m_normalZoomPercent);
    }
    m_parts.presenterChanged(on);
    m_presenter->setChecked(on);
    applyMotion();
}

bool AppearanceController::isPresenterMode() const
{
    return m_parts.stage->isActive();
}

void AppearanceController::readSettings(const QSettings &settings)
{
    setZoomPercent(WindowSettings::zoomPercent.read(settings));
    m_stageZoomPercent =
        qBound(minZoomPercent, WindowSettings::presenterZoomPercent.read(settings), maxZoomPercent);
    Theme::Kind theme = Theme::Kind::System;
    Theme::parse(WindowSettings::theme.read(settings), &theme);
    setTheme(theme);
    setReducedMotion(WindowSettings::reducedMotion.read(settings));
    setAnimationMs(WindowSettings::animationMs.read(settings));
}

void AppearanceController::writeSettings(QSettings &settings) const
{
    WindowSettings::zoomPercent.write(settings,
                                      isPresenterMode() ? m_normalZoomPercent : m_zoomPercent);
    WindowSettings::presenterZoomPercent.write(settings, isPresenterMode() ? m_zoomPercent
                                                                           : m_stageZoomPercent);
    WindowSettings::theme.write(settings, Theme::name(Theme::current()));
    WindowSettings::reducedMotion.write(settings, m_reducedMotion);
    WindowSettings::animationMs.write(settings, m_animationMs);
}
