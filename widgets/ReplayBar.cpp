// SPDX-License-Identifier: MIT
#include "ReplayBar.h"

#include <QAction>
#include <QHBoxLayout>
#include <QLabel>
#include <QSlider>
#include <QToolButton>

ReplayBar::ReplayBar(QWidget *parent)
    : QFrame(parent), m_title(new QLabel(this)), m_where(new QLabel(this)),
      m_slider(new QSlider(Qt::Horizontal, this)), m_back(new QAction(tr("◀ Back"), this)),
      m_forward(new QAction(tr("Forward ▶"), this)), m_first(new QAction(tr("⏮ Start"), this)),
      m_last(new QAction(tr("End ⏭"), this)), m_close(new QAction(tr("Close Replay"), this))
{
    setObjectName(QStringLiteral("replayBar"));
    setFrameShape(QFrame::StyledPanel);
    m_back->setObjectName(QStringLiteral("replayBack"));
    m_forward->setObjectName(QStringLiteral("replayForward"));
    m_back->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Left));
    m_forward->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Right));
    m_first->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Home));
    m_last->setShortcut(QKeySequence(Qt::ALT | Qt::Key_End));
    m_back->setToolTip(tr("One event back (Alt+←)"));
    m_forward->setToolTip(tr("One event forward (Alt+→)"));
    m_first->setToolTip(tr("Before the first event (Alt+Home)"));
    m_last->setToolTip(tr("After the last event (Alt+End)"));
    m_close->setToolTip(tr("Back to the live sockets"));
    m_slider->setAccessibleName(tr("Replay position"));
    m_slider->setObjectName(QStringLiteral("replaySlider"));
    auto *layout = new QHBoxLayout(this);
    layout->addWidget(m_title);
    for (QAction *a : {m_first, m_back, m_forward, m_last}) {
        auto *b = new QToolButton(this);
        b->setDefaultAction(a);
        layout->addWidget(b);
    }
    layout->addWidget(m_slider, 1);
    layout->addWidget(m_where);
    auto *close = new QToolButton(this);
    close->setDefaultAction(m_close);
    layout->addWidget(close);
    connect(m_back, &QAction::triggered, this, [this] { request(m_position - 1); });
    connect(m_forward, &QAction::triggered, this, [this] { request(m_position + 1); });
    connect(m_first, &QAction::triggered, this, [this] { request(0); });
    connect(m_last, &QAction::triggered, this, [this] { request(m_count); });
    connect(m_close, &QAction::triggered, this, &ReplayBar::closeRequested);
    connect(m_slider, &QSlider::valueChanged, this, &ReplayBar::request);
}

QList<QAction *> ReplayBar::navigationActions() const
{
    return {m_back, m_forward, m_first, m_last};
}

void ReplayBar::start(const QString &title, int eventCount)
{
    m_title->setText(tr("Replay of %1 (no network)").arg(title));
    m_count = eventCount;
    m_position = -1;
    m_slider->blockSignals(true);
    m_slider->setRange(0, eventCount);
    m_slider->blockSignals(false);
    setPosition(0);
}

void ReplayBar::setPosition(int position)
{
    m_position = qBound(0, position, m_count);
    m_slider->blockSignals(true);
    m_slider->setValue(m_position);
    m_slider->blockSignals(false);
    m_where->setText(tr("event %1 of %2").arg(m_position).arg(m_count));
    m_back->setEnabled(m_position > 0);
    m_first->setEnabled(m_position > 0);
    m_forward->setEnabled(m_position < m_count);
    m_last->setEnabled(m_position < m_count);
}

void ReplayBar::request(int position)
{
    position = qBound(0, position, m_count);
    if (position != m_position)
        emit positionRequested(position);
}
