// SPDX-License-Identifier: MIT
#pragma once

#include "BindQuestions.h"
#include "StageCalls.h"
#include "calls/HostPortText.h"
#include "calls/ServerMode.h"
#include "calls/SocketAddress.h"
#include "calls/SocketInfo.h"

#include <QHash>
#include <QWidget>

class AutoServeControls;
class CallButton;
class ConnectionControls;
class EndpointForm;
class HeadingLabel;
class QLabel;
class QListWidget;
class QListWidgetItem;
class QSettings;
class QSpinBox;
class SocketSession;
class PaneSource;
class SocketSource;
class SocketOptionPicker;
class SocketPicker;
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
    // The pane's name at its top. A scroll area may keep it in view above the pane
    // (PaneScrollArea), which takes it out of the pane.
    QWidget *title() const;
    EndpointForm *endpoint() const { return m_endpoint; }
    ConnectionControls *connectionControls() const { return m_controls; }
    AutoServeControls *autoServe() const { return m_autoServe; }
    // An instructor's ready-made demo: the pane's automatic server sets up a listener at
    // where (any address form) and serves it in mode, with listen(backlog) (0: the pane's,
    // at least 16). serving(address) or servingFailed(reason) follows.
    void listenAndServe(const HostPortText::Parts &where, ServerMode mode, int backlog = 0);
    // Asked before binding to every address (0.0.0.0, ::) and before removing an old Unix
    // socket file that made bind fail: false cancels.
    BindQuestions *bindQuestions() { return &m_questions; }
    void readSettings(QSettings &settings);
    void writeSettings(QSettings &settings) const;
    // Shows a listener someone else created (a lesson) as this pane's, for clicking on.
    void adoptListener(const QString &socketId);
    // Selects one of the connections accept() returned (a lesson's step acts on it).
    void selectConnection(const QString &socketId);
    // Presenter mode: the sockets' state, the calls they can make now and their last call
    // stay; notes, lists and option rows go, so it all fits a 1024×768 projector.
    void setCompact(bool compact);
    // Shows the sockets of source (a replay) instead of the live session's; the calls are on
    // only while the source takes calls. setSource(session) goes back.
    void setSource(SocketSource *source);
    SocketSource *source() const;

signals:
    void refused(const QString &reason);
    void serving(const QString &address);
    void servingFailed(const QString &reason);
    // The rows of the pane the next step happens in (a newly accepted connection's state and
    // calls), for whatever holds the pane to scroll into view.
    void revealRequested(QWidget *first, QWidget *last);

private:
    void onSocketChanged(const SocketInfo &info);
    // A closed socket the kernel let go of leaves the list (a long-running server's list
    // stays bounded); the selected one stays until another is chosen.
    void onSocketForgotten(const QString &id);
    void onSelectionChanged();
    // Lists the source's sockets again from its table.
    void showTable();
    void run(const QString &refusal);
    void refresh();
    void bindClicked();
    void showConnection(const SocketInfo &info);
    void selectNewestConnection();
    void offerToRemoveStaleFile(const QString &path);

    SocketSession *m_session; // the calls go here
    PaneSource *m_shown;      // what the pane shows: the session, or a replay
    HeadingLabel *m_title;
    QString m_listenerId;
    EndpointForm *m_endpoint;
    QSpinBox *m_backlog;
    CallButton *m_socket;
    CallButton *m_reuse;
    SocketOptionPicker *m_option;
    CallButton *m_bind;
    CallButton *m_listen;
    CallButton *m_accept;
    CallButton *m_closeListener;
    SocketStatusView *m_listenerStatus;
    SocketPicker *m_listeners; // shown while there are several (free play and a lesson's)
    HeadingLabel *m_connectionsHeading;
    QListWidget *m_connections;
    QHash<QString, QListWidgetItem *> m_connectionItems; // by socket id: a thousand clients
    SocketStatusView *m_connectionStatus;
    ConnectionControls *m_controls;
    AutoServeControls *m_autoServe;
    BindQuestions m_questions{this};
    bool m_endpointFromCommandLine = false; // --serve: not saved as the pane's address
    QString m_newestConnection;             // to select once this pass of the event loop is done
    bool m_selectNewestQueued = false;
    QString m_liveListenerId; // the pane's live listener, while another source is shown
    StageCalls m_stage;
    bool m_serving = false;
    // On the stage the pane is about one socket at a time, the one the last call was on (or
    // the one clicked): its details and calls show, the other's badge row only.
    bool m_focusOnConnection = false;
    void setFocusOnConnection(bool onConnection);
};
