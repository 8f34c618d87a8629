// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>

#include <deque>
#include <functional>
#include <mutex>

// Hands work to the thread this object lives on. The work waits in a queue guarded by a
// std::mutex, and only a payload-free wake-up goes through Qt's event queue. Qt's own
// locking is invisible to ThreadSanitizer (Debian's Qt is not built with it), so a lambda
// posted with QMetaObject::invokeMethod looks like a data race to it; a std::mutex does
// not. Any thread may post; the work runs in order on the owner's thread.
class Mailbox : public QObject
{
    Q_OBJECT
public:
    explicit Mailbox(QObject *parent = nullptr) : QObject(parent) {}

    void post(std::function<void()> work);

    // One per application, living on the main thread (made on first use there).
    static Mailbox *forApplication();

private:
    Q_INVOKABLE void deliver();

    std::mutex m_mutex;
    std::deque<std::function<void()>> m_work;
    bool m_wakeUpPending = false;
};
