// SPDX-License-Identifier: MIT
#pragma once

#include "calls/EngineBatch.h"

#include <QElapsedTimer>
#include <QObject>

#include <atomic>

class QTimer;

// Collects, on the worker thread, what the UI thread is to be told, and sends it as
// batches: a lone click's messages at once, a stream's at most every minGapMs or when
// maxMessages have gathered. It also counts the events sent and not yet taken, which the
// automatic servers use to wait for a slow UI.
class BatchSender : public QObject
{
    Q_OBJECT
public:
    explicit BatchSender(QObject *parent = nullptr);

    void add(EngineBatch::Message message);
    // Sends what has gathered now (before the thread stops, say).
    void flush();
    // Events sent and not yet taken; the receiver counts them down as it takes them.
    std::atomic<int> &eventsInFlight() { return m_eventsInFlight; }

    static constexpr qint64 minGapMs = 8;
    static constexpr int maxMessages = 512;

signals:
    void batchReady(const EngineBatch &batch);

private:
    EngineBatch m_batch;
    QTimer *m_timer; // sends a batch that waited for minGapMs
    QElapsedTimer m_lastFlush;
    std::atomic<int> m_eventsInFlight{0};
};
