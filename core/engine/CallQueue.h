// SPDX-License-Identifier: MIT
#pragma once

#include "calls/CallRequest.h"

#include <QObject>

#include <atomic>
#include <deque>
#include <functional>

class QTimer;

// The calls automatic servers make (AcceptLoop, DatagramLoop), on the worker thread. Each
// runs after the current call, never inside it, so a flood of ready data cannot recurse;
// they run in bounded batches, so a close clicked meanwhile is not kept waiting; and they
// wait while too many events are still on their way to the UI thread, so a slow window
// slows the server instead of piling up memory.
class CallQueue : public QObject
{
    Q_OBJECT
public:
    CallQueue(std::function<void(const CallRequest &)> run, const std::atomic<int> *eventsInFlight,
              QObject *parent = nullptr);

    void enqueue(const CallRequest &request);

    // A chunk's events share its bytes, so this holds at most ~20 MiB of data.
    static constexpr int maxEventsInFlight = 1024;
    static constexpr int batch = 64;

private:
    void schedule();
    void drain();

    std::function<void(const CallRequest &)> m_run;
    const std::atomic<int> *m_eventsInFlight;
    std::deque<CallRequest> m_queue;
    bool m_scheduled = false;
    QTimer *m_resume; // tries again while the UI is behind
};
