// SPDX-License-Identifier: MIT
#pragma once

#include "calls/HostPortText.h"
#include "calls/ServeRequest.h"
#include "calls/ServingStatus.h"
#include "calls/SocketEvent.h"
#include "calls/SocketInfo.h"

#include <QObject>
#include <QPointer>

#include <memory>

class CallSequence;
class SocketSession;

// The one way a server gets going without clicks, used by the server pane, the window's
// --serve, socketlab-cli serve and lessons. listenAndServe makes the calls a server script
// makes for any address form (socket, SO_REUSEADDR, bind, and listen unless the socket is a
// datagram one) and then serves; serve() takes over a socket already set up. The serving
// itself runs on the worker thread (AcceptLoop for a listener, DatagramLoop for a bound
// datagram socket), and every call it makes is logged like a clicked one. Destroying the
// object, or stop(), ends the serving: nothing new starts, calls under way finish.
class AutoServer : public QObject
{
    Q_OBJECT
public:
    explicit AutoServer(SocketSession *session, QObject *parent = nullptr);
    ~AutoServer() override;

    // Empty when a socket of this type can be served in this mode.
    static QString whyUnsupported(int type, ServerMode mode);
    // Empty when this socket can be served now in this mode.
    static QString whyCannotServe(const SocketInfo &socket, ServerMode mode);
    // How the address being served is written on a command line: udp://HOST:PORT,
    // unix-dgram:PATH, unix:PATH or HOST:PORT.
    static QString commandLineAddress(const SocketInfo &socket);

    void setReply(const QByteArray &reply) { m_request.reply = reply; }
    // 0: no limit. Over a datagram socket it counts datagrams.
    void setMaxClients(int maxClients) { m_request.maxClients = maxClients; }

    // listenerCreated, then serving(address) or setupFailed/refused follow.
    void listenAndServe(const HostPortText::Parts &where, ServerMode mode, int backlog,
                        bool reuseAddress = true);
    // Returns why not (and changes nothing), or starts serving at once.
    QString serve(const QString &socketId, ServerMode mode);
    void stop();

    bool isServing() const { return m_serving; }
    ServerMode mode() const { return m_request.mode; }
    QString listenerId() const { return m_listenerId; }
    const ServingStatus &status() const { return m_status; }

signals:
    void listenerCreated(const QString &socketId);
    // Setting up is done and the serving started, on commandLineAddress.
    void serving(const QString &address);
    void setupFailed(const SocketEvent &event);
    void refused(const QString &reason);
    void changed();
    // After the most clients (or datagrams) asked for were served.
    void finished();

private:
    void onStatus(const ServingStatus &status);

    QPointer<SocketSession> m_session; // a window may destroy the session first
    std::unique_ptr<CallSequence> m_setup;
    QString m_listenerId;
    ServeRequest m_request;
    ServingStatus m_status;
    bool m_serving = false;
};
