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
                if (!self)
                    return;
                if (token != self->m_token) {
                    ++self->m_dropped;
                    emit self->staleAnswerDropped();
                    return;
                }
                self->setBusy(false);
                done(result);
            });
        });
        threadHandoff();
        QThreadPool::globalInstance()->start(lookup);
    }

    void cancel();
    bool isBusy() const { return m_busy; }
    int droppedCount() const { return m_dropped; }

signals:
    void busyChanged(bool busy);
    void staleAnswerDropped();

private:
    void setBusy(bool busy);

    quint64 m_token = 0;
    bool m_busy = false;
    int m_dropped = 0;
};
