// SPDX-License-Identifier: MIT
#pragma once

#include "threads/Mailbox.h"
#include "threads/ThreadHandoff.h"

#include <QObject>
#include <QPointer>
#include <QThreadPool>

#include <functional>

// Runs blocking look-ups (getaddrinfo, getservbyname, …) on Qt's thread pool and delivers
// the result on this object's thread. Only the newest request's result is delivered: a
// newer run() or cancel() makes older answers stale, and they are dropped (after
// Wireshark's capture-filter worker). A lookup already inside the C library cannot be
// interrupted; its answer is simply ignored.
class BackgroundLookup : public QObject
{
    Q_OBJECT
public:
    explicit BackgroundLookup(QObject *parent = nullptr);

    template <typename Result>
    void run(std::function<Result()> work, std::function<void(const Result &)> done)
    {
        const quint64 token = ++m_token;
        setBusy(true);
        QPointer<BackgroundLookup> self(this);
        Mailbox *back = Mailbox::forApplication();
        QRunnable *lookup = QRunnable::create([self, token, work, done, back] {
            threadHandoff();
            const Result result = work();
            // To the application's mailbox, which outlives this object; the QPointer is only
            // read there, on the thread that owns it.
            back->post([self, token, result, done] {
                if (self)
                    self->deliver(token, [&] { done(result); });
            });
        });
        threadHandoff();
        QThreadPool::globalInstance()->start(lookup);
    }

    // For an answer another worker brings to this thread (the session's, for anything that
    // needs a socket): the callback to give it, which calls done under the same rule as
    // run()'s answers. Call the callback on this object's thread.
    template <typename Result>
    std::function<void(const Result &)> expect(std::function<void(const Result &)> done)
    {
        const quint64 token = ++m_token;
        setBusy(true);
        QPointer<BackgroundLookup> self(this);
        return [self, token, done](const Result &result) {
            if (self)
                self->deliver(token, [&] { done(result); });
        };
    }

    void cancel();
    bool isBusy() const { return m_busy; }
    int droppedCount() const { return m_dropped; }

signals:
    void busyChanged(bool busy);
    void staleAnswerDropped();

private:
    void setBusy(bool busy);
    // Calls done if token is still the newest request's, else counts a stale answer.
    void deliver(quint64 token, const std::function<void()> &done);

    quint64 m_token = 0;
    bool m_busy = false;
    int m_dropped = 0;
};
