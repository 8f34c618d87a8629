// SPDX-License-Identifier: MIT
#include "threads/Mailbox.h"

#include <QCoreApplication>
#include <QPointer>

void Mailbox::post(std::function<void()> work)
{
    bool wake;
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_work.push_back(std::move(work));
        wake = !std::exchange(m_wakeUpPending, true);
    }
    // By name and without arguments: nothing our code wrote travels inside Qt's event.
    if (wake)
        QMetaObject::invokeMethod(this, "deliver", Qt::QueuedConnection);
}

void Mailbox::deliver()
{
    std::deque<std::function<void()>> work;
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        work.swap(m_work);
        m_wakeUpPending = false;
    }
    for (std::function<void()> &w : work)
        w();
}

Mailbox *Mailbox::forApplication()
{
    static QPointer<Mailbox> mailbox;
    if (!mailbox)
        mailbox = new Mailbox(QCoreApplication::instance());
    return mailbox;
}
