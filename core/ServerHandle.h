#pragma once

#include "ServeRequest.h"
#include "ServingStatus.h"

#include <QObject>
#include <QPointer>

class SocketSession;

// The UI thread's side of an automatic server whose loop runs on the worker thread
// (AcceptLoop or DatagramLoop): starts it, follows its status, stops it when destroyed
// (nothing new starts; calls already under way finish).
class ServerHandle : public QObject
{
    Q_OBJECT
public:
    ~ServerHandle() override;

    void setReply(const QByteArray &reply) { m_request.reply = reply; }
    void serve(const QString &socketId);
    const ServingStatus &status() const { return m_status; }

signals:
    void changed();
    // After the most clients (or datagrams) asked for were served.
    void finished();

protected:
    ServerHandle(SocketSession *session, ServerMode mode, bool datagram, QObject *parent);
    ServeRequest m_request;

private:
    void onStatus(const ServingStatus &status);

    QPointer<SocketSession> m_session; // a window may destroy the session first
    ServingStatus m_status;
    bool m_serving = false;
};
