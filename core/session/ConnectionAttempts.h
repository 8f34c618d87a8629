// SPDX-License-Identifier: MIT
#pragma once

#include "calls/SocketAddress.h"
#include "calls/SocketEvent.h"

#include <QList>
#include <QObject>
#include <QStringList>

class BackgroundLookup;
class CallSequence;
class SocketSession;

// Python's socket.create_connection((host, port)): look the name up with getaddrinfo
// (any family, SOCK_STREAM), then try each address in the order returned — a new socket
// for each, closed again if its connect fails — until one connects. Every call goes through
// the session, so each attempt is in the log, and the summary reads like
// "localhost → ::1 ECONNREFUSED → 127.0.0.1 connected".
class ConnectionAttempts : public QObject
{
    Q_OBJECT
public:
    explicit ConnectionAttempts(SocketSession *session, QObject *parent = nullptr);

    void start(const QString &host, int port);
    // The part after the lookup; tests give their own list.
    void tryAddresses(const QString &host, const QList<SocketAddress> &addresses);
    bool isRunning() const { return m_running; }
    QString summary() const { return m_summary.join(QStringLiteral(" → ")); }

signals:
    void progress(const QString &summary);
    void socketCreated(const QString &socketId);
    // socketId is the connected socket, or the last one tried when none connected.
    void finished(const QString &socketId, bool connected);

private:
    void onStepEnded(const SocketEvent &event);
    void fail(const QString &step);

    SocketSession *m_session;
    BackgroundLookup *m_lookup;
    CallSequence *m_calls;
    QStringList m_summary;
    QString m_current;
    SocketAddress m_trying;
    bool m_running = false;
    bool m_connected = false;
};
