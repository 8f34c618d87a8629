// SPDX-License-Identifier: MIT
#include "PresenterStage.h"

#include "ScreenFit.h"
#include "SequenceDiagramView.h"

#include <QDockWidget>
#include <QEvent>
#include <QMainWindow>
#include <QMenuBar>
#include <QScrollArea>
#include <QSplitter>
#include <QStatusBar>
#include <QTabBar>
#include <QTabWidget>

namespace {
// A pane's scroll area: the splitter's widget itself, or the first in it (a pane with a
// watched program's terminal below).
QScrollArea *paneScroll(QWidget *widget)
{
    if (auto *scroll = qobject_cast<QScrollArea *>(widget))
        return scroll;
    return widget->findChild<QScrollArea *>(QString(), Qt::FindDirectChildrenOnly);
}

// What goes below the pane's scroll area in its splitter (a terminal), when shown.
int belowPane(QWidget *widget)
{
    const auto *column = qobject_cast<QSplitter *>(widget);
    if (!column || column->count() < 2 || !column->widget(1)->isVisible())
        return 0;
    return column->widget(1)->sizeHint().height() + column->handleWidth();
}
} // namespace

PresenterStage::PresenterStage(const Parts &parts, QObject *parent)
    : QObject(parent), m_parts(parts)
{
    for (int i = 0; i < m_parts.panes->count(); ++i) {
        if (auto *scroll = paneScroll(m_parts.panes->widget(i))) {
            scroll->installEventFilter(this);
            if (scroll->widget())
                scroll->widget()->installEventFilter(this);
        }
    }
    // Dragged by hand: the presenter's choice holds until the stage is left.
    QObject::connect(m_parts.vertical, &QSplitter::splitterMoved, this,
                     [this] { m_userSized = m_active; });
}

bool PresenterStage::eventFilter(QObject *watched, QEvent *event)
{
    // A pane's contents changed (a connection arrived, buttons came and went) or the stage
    // changed size: the panes may need another height.
    if (m_active && (event->type() == QEvent::LayoutRequest || event->type() == QEvent::Resize))
        queueFit();
    return QObject::eventFilter(watched, event);
}

void PresenterStage::queueFit()
{
    if (m_fitQueued)
        return;
    m_fitQueued = true;
    QMetaObject::invokeMethod(this, &PresenterStage::fitPanes, Qt::QueuedConnection);
}

void PresenterStage::fitPanes()
{
    m_fitQueued = false;
    if (!m_active || m_userSized)
        return;
    int need = 0;
    for (int i = 0; i < m_parts.panes->count(); ++i) {
        const auto *scroll = paneScroll(m_parts.panes->widget(i));
        if (!scroll || !scroll->widget())
            continue;
        const QWidget *pane = scroll->widget();
        const int width = scroll->viewport()->width();
        const int height =
            pane->hasHeightForWidth() ? pane->heightForWidth(width) : pane->sizeHint().height();
        // The title above the viewport and the frame are part of what the pane needs.
        need = qMax(need, height + scroll->height() - scroll->viewport()->height() +
                              belowPane(m_parts.panes->widget(i)));
    }
    const QList<int> sizes = m_parts.vertical->sizes();
    const int total = sizes.value(0) + sizes.value(1);
    const int panes = qMin(need, total * maxPanesPercent / 100);
    if (total <= 0 || panes == sizes.value(0))
        return;
    m_parts.vertical->setSizes({panes, total - panes});
}

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
    // The panes get the height they need (fitPanes): their badges and buttons are what the
    // class reads.
    m_splitterState = p.vertical->saveState();
    // A drag on the stage resizes the diagram; it never makes it vanish. The hidden byte
    // and code pages do not hold the diagram's height up.
    p.vertical->setChildrenCollapsible(false);
    p.details->setMinimumHeight(p.diagram->minimumSizeHint().height());
    m_userSized = false;
    queueFit();
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
    p.vertical->setChildrenCollapsible(true);
    p.details->setMinimumHeight(0);
    p.vertical->restoreState(m_splitterState);
    if (!m_wasFullScreen) {
        if (m_wasMaximized)
            p.window->showMaximized();
        else
            p.window->showNormal();
        ScreenFit::keepInside(p.window); // its size before the stage may be larger than this screen
    }
}

void PresenterStage::setHasLesson(bool hasLesson)
{
    if (m_active)
        m_parts.caption->setVisible(hasLesson);
    else
        m_parts.lessonDock->setVisible(hasLesson);
}
