#include "PresenterStage.h"

#include "SequenceDiagramView.h"

#include <QDockWidget>
#include <QMainWindow>
#include <QMenuBar>
#include <QSplitter>
#include <QStatusBar>
#include <QTabBar>
#include <QTabWidget>

void PresenterStage::enter(bool hasLesson, bool fullScreen)
{
    if (m_active)
        return;
    m_active = true;
    const Parts &p = m_parts;
    m_wasFullScreen = p.window->isFullScreen();
    m_wasMaximized = p.window->isMaximized();
    m_dockWasVisible = p.lessonDock->isVisible();
    m_detailsIndex = p.details->currentIndex();
    m_pageIndex = p.pages->currentIndex();
    p.pages->setCurrentIndex(0);
    p.pages->tabBar()->hide();
    p.log->hide();
    p.details->setCurrentWidget(p.diagram);
    p.details->tabBar()->hide();
    p.lessonDock->hide();
    p.caption->setVisible(hasLesson);
    p.window->menuBar()->hide();
    p.window->statusBar()->hide();
    p.diagram->setLineScale(lineScale);
    // The panes get most of the height: their badges and buttons are what the class reads.
    m_splitterState = p.vertical->saveState();
    const int total = p.vertical->height();
    p.vertical->setSizes({total * 3 / 5, total - total * 3 / 5});
    if (fullScreen)
        p.window->showFullScreen();
}

void PresenterStage::leave()
{
    if (!m_active)
        return;
    m_active = false;
    const Parts &p = m_parts;
    p.pages->tabBar()->show();
    p.pages->setCurrentIndex(m_pageIndex);
    p.log->show();
    p.details->tabBar()->show();
    p.details->setCurrentIndex(m_detailsIndex);
    p.lessonDock->setVisible(m_dockWasVisible);
    p.caption->hide();
    p.window->menuBar()->show();
    p.window->statusBar()->show();
    p.diagram->setLineScale(1.0);
    p.vertical->restoreState(m_splitterState);
    if (!m_wasFullScreen) {
        if (m_wasMaximized)
            p.window->showMaximized();
        else
            p.window->showNormal();
    }
}

void PresenterStage::setHasLesson(bool hasLesson)
{
    if (m_active)
        m_parts.caption->setVisible(hasLesson);
    else
        m_parts.lessonDock->setVisible(hasLesson);
}
