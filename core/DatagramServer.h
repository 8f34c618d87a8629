#pragma once

#include "ServerMode.h"
#include "SocketEvent.h"

#include "SocketAddress.h"

#include <QByteArray>
#include <QList>
#include <QObject>

class SocketSession;

// Serves UDP clients on a bound datagram socket: keeps calling recvfrom and answers each
// datagram to whoever sent it, according to a ServerMode (echo sends it back, reply sends
// a fixed text, silent only reads, chat passes it on to every other sender seen so far).
// Every call goes through the session, so it is logged.
class DatagramServer : public QObject
{
    Q_OBJECT
public:
    DatagramServer(SocketSession *session, ServerMode mode, QObject *parent = nullptr);

    // Echo, reply and silent make sense for datagrams; http (a connection) does not.
    static bool supports(ServerMode mode) { return mode != ServerMode::Http; }

    void setReply(const QByteArray &reply) { m_reply = reply; }
    void setMaxDatagrams(int count) { m_maxDatagrams = count; } // 0: no limit
    void serve(const QString &socketId);
    int datagramsServed() const { return m_served; }

signals:
    // After max datagrams were answered.
    void finished();

private:
    void onEvent(const SocketEvent &event);
    void answer(const SocketEvent &event);
    // The next queued sendto, or the next recvfrom when nothing is left to send.
    void sendNextOrReceive();

    SocketSession *m_session;
    ServerMode m_mode;
    QByteArray m_reply;
    QString m_socketId;
    int m_maxDatagrams = 0;
    int m_served = 0;
    QList<SocketAddress> m_chatPeers; // chat: everyone who has sent a datagram
    QList<SocketAddress> m_sendQueue; // where m_sendData still has to go
    QByteArray m_sendData;
    static constexpr int maxChatPeers = 1024;
    static constexpr int bufsize = 65536; // the largest UDP datagram fits
};
