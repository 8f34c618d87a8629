// SPDX-License-Identifier: MIT
#include "engine/CallQueue.h"

#include <QTimer>

CallQueue::CallQueue(std::function<void(const CallRequest &)> run,
                     const std::atomic<int> *eventsInFlight, QObject *parent)
    : QObject(parent), m_run(std::move(run)), m_eventsInFlight(eventsInFlight),
      m_resume(new QTimer(this))
{
    m_resume->setSingleShot(true);
    m_resume->setInterval(1);
    connect(m_resume, &QTimer::timeout, this, &CallQueue::drain);
}

void CallQueue::enqueue(const CallRequest &request)
{
    m_queue.push_back(request);
    schedule();
}

void CallQueue::schedule()
{
    if (m_scheduled || m_resume->isActive() || m_queue.empty())
        return;
    m_scheduled = true;
    QMetaObject::invokeMethod(this, &CallQueue::drain, Qt::QueuedConnection);
}

void CallQueue::drain()
{
    m_scheduled = false;
    for (int budget = batch; budget > 0 && !m_queue.empty(); --budget) {
        if (m_eventsInFlight->load(std::memory_order_relaxed) > maxEventsInFlight) {
            m_resume->start();
            return;
        }
        const CallRequest request = std::move(m_queue.front());
        m_queue.pop_front();
        m_run(request);
    }
    schedule();
}
