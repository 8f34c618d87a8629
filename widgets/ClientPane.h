// SPDX-License-Identifier: MIT
#pragma once

#include "StageCalls.h"

#include "calls/SocketEvent.h"
#include "calls/SocketInfo.h"

#include <QVector>
#include <QWidget>

class CallButton;
class HeadingLabel;
class QPushButton;
class QSpinBox;
class ConnectionAttempts;
class QLabel;
class ConnectionControls;
class EndpointForm;
class QSettings;
class SocketSession;
class PaneSource;
class SocketSource;
class SocketOptionPicker;
class SocketPicker;
class SocketStatusView;

// The client side of the lab: socket → connect, then send/sendall/recv/shutdown/close.
class ClientPane : public QWidget
{
    Q_OBJECT
public:
    explicit ClientPane(SocketSession *session, QWidget *parent = nullptr);

    QString clientId() const { return m_clientId; }
    ConnectionAttempts *attempts() const { return m_attempts; }
    EndpointForm *endpoint() const { return m_endpoint; }
    ConnectionControls *connectionControls() const { return m_controls; }
    // The pane's name at its top. A scroll area may keep it in view above the pane
    // (PaneScrollArea), which takes it out of the pane.
    QWidget *title() const;
    void readSettings(QSettings &settings);
    void writeSettings(QSettings &settings) const;
    // Shows a client socket someone else created (a lesson) as this pane's.
    void adopt(const QString &socketId);
    // Presenter mode: notes, the option row and the many-clients row give way to the state.
    void setCompact(bool compact);
    // Shows the newest client socket of source (a replay) instead of the live one; the
    // calls are on only while the source takes calls. setSource(session) goes back.
    void setSource(SocketSource *source);
    SocketSource *source() const;

signals:
    void refused(const QString &reason);
    // The rows of the pane the next step happens in (its socket's state and the data calls,
    // once connected), for whatever holds the pane to scroll into view.
    void revealRequested(QWidget *first, QWidget *last);

private:
    void onSocketChanged(const SocketInfo &info);
    void onSocketForgotten(const QString &id);
    void connectMany();
    void onEvent(const SocketEvent &event);
    void run(const QString &refusal);
    void refresh();
    void showTable();

    SocketSession *m_session; // the calls go here
    PaneSource *m_shown;      // what the pane shows: the session, or a replay
    HeadingLabel *m_title;
    QString m_clientId;
    bool m_clientConnected = false;
    EndpointForm *m_endpoint;
    CallButton *m_socket;
    CallButton *m_connect;
    CallButton *m_createConnection;
    CallButton *m_setOption;
    SocketOptionPicker *m_option;
    QLabel *m_attemptsLabel;
    ConnectionAttempts *m_attempts;
    SocketStatusView *m_status;
    ConnectionControls *m_controls;
    SocketPicker *m_sockets; // every client socket this pane made or was given
    QSpinBox *m_count;       // how many clients "connect N" makes
    QPushButton *m_many;
    QLabel *m_manyStatus;
    QStringList m_batch; // sockets of "connect N" still waiting to connect
    int m_batchSize = 0;
    int m_batchConnected = 0;
    QString m_liveClientId; // the pane's live client, while another source is shown
    StageCalls m_stage;
};
