#pragma once

#include "ServerMode.h"
#include "SocketEvent.h"

#include <QByteArray>
#include <QHash>
#include <QObject>
#include <QSet>

class SocketSession;

// Serves clients on a listening socket without clicks: keeps calling accept, and answers
// each connection according to a ServerMode. It only makes calls through the session, so
// every call it makes is logged like a clicked one. In chat mode every client always has a
// recv waiting, and what one sends goes to the others by a sendall beside their recv.
class AutoServer : public QObject
{
    Q_OBJECT
public:
    AutoServer(SocketSession *session, ServerMode mode, QObject *parent = nullptr);

    void setReply(const QByteArray &reply) { m_reply = reply; }
    void setMaxClients(int maxClients) { m_maxClients = maxClients; } // 0: no limit
    void setRecvSize(int bufsize) { m_recvSize = bufsize; }

    // The listener must already be listening.
    void serve(const QString &listenerId);
    int clientsServed() const { return m_served; }
    int openConnections() const { return m_connections.size(); }

signals:
    // After max clients were accepted and all of them closed.
    void finished();

private:
    void onEvent(const SocketEvent &event);
    void onListenerEvent(const SocketEvent &event);
    void onConnectionEvent(const SocketEvent &event);
    void onReceived(const QString &id, const QByteArray &data);
    // Chat: queue data for every other client and send what each can take now.
    void relay(const QString &fromId, const QByteArray &data);
    void sendNextRelayed(const QString &id);

    SocketSession *m_session;
    ServerMode m_mode;
    QByteArray m_reply;
    int m_maxClients = 0;
    int m_recvSize = 65536;
    QString m_listenerId;
    QSet<QString> m_connections;
    QHash<QString, QByteArray> m_httpRequests;
    // Chat: what still has to go to each client, and whether a sendall to it is running.
    // A client that stops reading only grows its own queue (up to maxRelayQueue bytes).
    QHash<QString, QList<QByteArray>> m_outbox;
    QHash<QString, qint64> m_outboxBytes;
    QSet<QString> m_sending;
    static constexpr qint64 maxRelayQueue = 4 * 1024 * 1024;
    int m_accepted = 0;
    int m_served = 0;
};
