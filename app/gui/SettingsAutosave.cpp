// SPDX-License-Identifier: MIT
#include "SettingsAutosave.h"

#include <QEvent>
#include <QWidget>

SettingsAutosave::SettingsAutosave(QWidget *window, std::function<void()> save, int settleMs)
    : QObject(window), m_save(std::move(save))
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(settleMs);
    connect(&m_timer, &QTimer::timeout, this, [this] { m_save(); });
    window->installEventFilter(this);
}

void SettingsAutosave::changed()
{
    m_timer.start();
}

bool SettingsAutosave::eventFilter(QObject *watched, QEvent *event)
{
    const auto *window = static_cast<QWidget *>(watched);
    if ((event->type() == QEvent::Resize || event->type() == QEvent::Move) && window->isVisible())
        changed();
    return QObject::eventFilter(watched, event);
}
