#pragma once

#include "SocketInfo.h"

#include <QWidget>

class CallButton;
class ConnectionControls;
class EndpointForm;
class QListWidget;
class QSettings;
class QSpinBox;
class SocketSession;
class SocketStatusView;

// The server side of the lab: socket → setsockopt → bind → listen → accept on a listener,
// and the connections accept returned, each selectable and driven by ConnectionControls.
class ServerPane : public QWidget
{
    Q_OBJECT
public:
    explicit ServerPane(SocketSession *session, QWidget *parent = nullptr);

    QString listenerId() const { return m_listenerId; }
    QString selectedConnection() const;
    EndpointForm *endpoint() const { return m_endpoint; }
    ConnectionControls *connectionControls() const { return m_controls; }
    void readSettings(QSettings &settings);
    void writeSettings(QSettings &settings) const;

signals:
    void refused(const QString &reason);

private:
    void onSocketChanged(const SocketInfo &info);
    void onSelectionChanged();
    void run(const QString &refusal);
    void refresh();

    SocketSession *m_session;
    QString m_listenerId;
    EndpointForm *m_endpoint;
    QSpinBox *m_backlog;
    CallButton *m_socket;
    CallButton *m_reuse;
    CallButton *m_bind;
    CallButton *m_listen;
    CallButton *m_accept;
    CallButton *m_closeListener;
    SocketStatusView *m_listenerStatus;
    QListWidget *m_connections;
    SocketStatusView *m_connectionStatus;
    ConnectionControls *m_controls;
};
