// SPDX-License-Identifier: MIT
#pragma once

#include "calls/CallRequest.h"
#include "calls/DefaultSocket.h"
#include "calls/EngineBatch.h"
#include "calls/ServeRequest.h"
#include "calls/ServingStatus.h"
#include "calls/SocketEvent.h"
#include "calls/SocketInfo.h"
#include "session/SessionClock.h"
#include "session/SocketNaming.h"
#include "sources/SocketSource.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QStringList>
#include <QThread>

#include <deque>
#include <functional>
#include <variant>

class Mailbox;
class SocketEngine;

class FrameThrottle;

// The UI thread's handle on the sockets. It owns the worker thread, sends it commands,
// and keeps the latest snapshot of every socket for views and rules to read without
// locking. Both the GUI and socketlab-cli drive sockets through this class.
class SocketSession : public SocketSource
{
    Q_OBJECT
public:
    explicit SocketSession(QObject *parent = nullptr);
    ~SocketSession() override;

    const SessionClock &clock() const { return m_clock; }
    // The window's names; a watched program's sockets take theirs from it too, so no name
    // stands for two sockets on screen.
    SocketNaming &naming() { return m_naming; }

    bool allowInvalidCalls() const { return m_allowInvalid; }
    void setAllowInvalidCalls(bool allow);

    // Each call returns an empty string when it went to the worker, or the reason it did not
    // (the rules refused it). Results arrive later as eventOccurred / socketChanged.
    // name: the one to show it by (a lesson's server_socket); empty: the first free one of
    // its role (see SocketNaming).
    QString createSocket(SocketRole role, int family = AF_INET, int type = SOCK_STREAM,
                         int protocol = 0, QString *newId = nullptr,
                         const QString &name = QString());
    // Shows the socket by name from now on; a socket that had that name gets another.
    // Only names of the course's shape (SocketName::isValid).
    void rename(const QString &id, const QString &name);
    QString setReuseAddress(const QString &id, bool on = true);
    // setsockopt(level, option, value) for an option SocketOption offers.
    QString setOption(const QString &id, const QString &option, int value);
    // removeStaleFile: a Unix socket file nobody answers on at host (the path) is removed
    // first, on the worker (an earlier bind's EADDRINUSE event says "stale" when it is one).
    QString bind(const QString &id, const QString &host, int port, bool removeStaleFile = false);
    QString listen(const QString &id, int backlog);
    QString accept(const QString &id);
    QString connectTo(const QString &id, const QString &host, int port);
    // asStr: the data as a Python str (its UTF-8), which Python refuses with TypeError.
    QString send(const QString &id, const QByteArray &data, bool asStr = false);
    QString sendAll(const QString &id, const QByteArray &data, bool asStr = false);
    QString recv(const QString &id, int bufsize);
    // UDP: one datagram to host:port; one datagram and its sender's address.
    QString sendTo(const QString &id, const QByteArray &data, const QString &host, int port);
    QString recvFrom(const QString &id, int bufsize);
    QString shutdown(const QString &id, int how);
    QString close(const QString &id);
    QString request(CallRequest request);

    // Why a call is not available now (empty if it is), honouring "allow invalid calls".
    QString whyInvalid(const QString &id, SocketCall call) const;

    QString description() const override;
    bool acceptsCalls() const override { return true; }
    bool contains(const QString &id) const override { return m_sockets.contains(id); }
    SocketInfo socket(const QString &id) const override { return m_sockets.value(id); }
    QStringList socketIds() const override { return m_order; }

    // Closes every socket and waits for the worker to finish doing so.
    void closeAll();
    // Closes every socket and hands on, before it returns, every event the worker had for
    // us (the closes included): a console command that exits next loses none of them.
    void closeAllAndDrain();

    // An automatic server on the worker thread (see AutoServer); its
    // progress comes back as servingChanged.
    void startServing(const ServeRequest &request);
    void stopServing(const QString &socketId);
    // Events reaching this thread carry at most this many bytes of data (-1, the default:
    // all of it). For a user that reads only the start of each chunk, such as a console log
    // that prints a preview: the worker then keeps and reuses its receive buffers instead of
    // handing every chunk over. Automatic servers on the worker still see every byte.
    void setEventDataLimit(qint64 bytes);

    // The worker makes socket() with Python's defaults, asks what it is and closes it (a
    // socket of its own, not one of the session's); answer runs on this thread, unless
    // receiver was destroyed first.
    void askDefaults(QObject *receiver, std::function<void(const DefaultSocket &)> answer);

signals:
    // Besides SocketSource's: socketChanged, eventOccurred, and socketForgotten when a
    // closed socket the kernel has let go of left the table (see SocketForgotten).
    void allowInvalidCallsChanged(bool allow);
    void servingChanged(const ServingStatus &status);

private:
    void onBatch(EngineBatch batch);
    void processPending();
    // Tells the views of the sockets that changed since they last heard.
    void announceChanged();
    void forget(const QString &id);
    void markChanged(const QString &id);
    // Stamps the names of the sockets an event is about onto it.
    void name(SocketEvent &event);

    SessionClock m_clock;
    QThread m_thread;
    SocketEngine *m_engine;
    Mailbox *m_mailbox; // on this thread: what the worker hands back
    QHash<QString, SocketInfo> m_sockets;
    QStringList m_order;
    SocketNaming m_naming;
    QHash<int, int> m_counters; // per SocketRole
    bool m_allowInvalid = false;
    std::deque<EngineBatch::Message> m_pending; // from the worker, not yet handled
    // Changed since the views last heard, in the order they changed.
    QStringList m_changedOrder;
    QSet<QString> m_changed;
    FrameThrottle *m_announce;
    static constexpr qint64 sliceMs = 4;
    bool m_draining = false; // closeAllAndDrain: no slices, everything now
};
