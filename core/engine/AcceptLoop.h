// SPDX-License-Identifier: MIT
#pragma once

#include "calls/SocketEvent.h"
#include "engine/ServeLoop.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QSet>

class QTimer;

// An automatic server on the worker thread: keeps calling accept on a listener and answers
// each connection according to its ServerMode. It makes its calls through the engine like
// any other, so every one is logged; running beside the engine means a chunk's recv and
// sendall follow each other without crossing threads. In chat mode every client always has
// a recv waiting, and what one sends goes to the others by a sendall beside their recv.
class AcceptLoop : public ServeLoop
{
public:
    AcceptLoop(SocketEngine *engine, const ServeRequest &request);
    void start() override;

private:
    void onEvent(const SocketEvent &event) override;
    void onListenerEvent(const SocketEvent &event);
    void onConnectionEvent(const SocketEvent &event);
    void onChatEvent(const SocketEvent &event);
    void onReceived(const QString &id, const QByteArray &data);
    // Chat: queue data for every other client and send what each can take now.
    void relay(const QString &fromId, const QByteArray &data);
    void sendNextRelayed(const QString &id);
    void accept();
    void recv(const QString &id);
    void sendAll(const QString &id, const QByteArray &data);
    void close(const QString &id);
    void reportStatus();

    // HTTP: a client that has not sent its whole request head by its deadline is closed.
    void closeSlowRequests();

    QSet<QString> m_connections;
    QHash<QString, QByteArray> m_httpRequests;
    QSet<QString> m_keptAlive;             // HTTP/1.1 connections whose answer is on its way
    QHash<QString, qint64> m_headDeadline; // ms on m_clock
    QElapsedTimer m_clock;
    QTimer *m_sweep;
    // Chat: what still has to go to each client, and whether a sendall to it is running.
    // A client that stops reading only grows its own queue (up to maxRelayQueue bytes).
    QHash<QString, QList<QByteArray>> m_outbox;
    QHash<QString, qint64> m_outboxBytes;
    QSet<QString> m_sending;
    int m_accepted = 0;
    int m_served = 0;
    // Back-off after a transient accept error (EMFILE, ENFILE, ENOBUFS, ENOMEM,
    // ECONNABORTED): 0 while accepting normally.
    QTimer *m_retry;
    int m_retryMs = 0;
    QString m_note;
    static constexpr int minRetryMs = 20;
    static constexpr int maxRetryMs = 1000;
    static constexpr qint64 maxRelayQueue = 4 * 1024 * 1024;
};
