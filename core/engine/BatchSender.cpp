// SPDX-License-Identifier: MIT
#include "engine/BatchSender.h"

#include <QTimer>

BatchSender::BatchSender(QObject *parent) : QObject(parent), m_timer(new QTimer(this))
{
    m_timer->setSingleShot(true);
    m_timer->setTimerType(Qt::PreciseTimer);
    connect(m_timer, &QTimer::timeout, this, &BatchSender::flush);
}

void BatchSender::add(EngineBatch::Message message)
{
    if (std::holds_alternative<SocketEvent>(message))
        m_eventsInFlight.fetch_add(1, std::memory_order_relaxed);
    if (m_batch.messages.isEmpty()) {
        const qint64 since = m_lastFlush.isValid() ? m_lastFlush.elapsed() : minGapMs;
        if (since >= minGapMs)
            QMetaObject::invokeMethod(this, &BatchSender::flush, Qt::QueuedConnection);
        else
            m_timer->start(int(minGapMs - since));
    }
    m_batch.messages.append(std::move(message));
    // A full batch goes now: waiting longer would only hold the automatic servers back.
    if (m_batch.messages.size() == maxMessages && m_timer->isActive()) {
        m_timer->stop();
        QMetaObject::invokeMethod(this, &BatchSender::flush, Qt::QueuedConnection);
    }
}

void BatchSender::flush()
{
    if (m_batch.messages.isEmpty())
        return;
    m_timer->stop();
    m_lastFlush.start();
    const qsizetype sent = m_batch.messages.size();
    emit batchReady(std::exchange(m_batch, EngineBatch()));
    // Room for as many as last time: in a flood, growing the batch step by step moved every
    // message again and again.
    m_batch.messages.reserve(sent);
}
