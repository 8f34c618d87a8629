// SPDX-License-Identifier: MIT
#include "ServerPane.h"

#include "AutoServeControls.h"
#include "CallButton.h"
#include "ConnectionControls.h"
#include "EndpointForm.h"
#include "FlowLayout.h"
#include "HeadingLabel.h"
#include "MessageEditor.h"
#include "PaneSource.h"
#include "RoleColors.h"
#include "SocketOptionPicker.h"
#include "SocketPicker.h"
#include "SocketStatusView.h"
#include "calls/HostPortText.h"
#include "calls/SocketName.h"
#include "session/AutoServer.h"
#include "session/SocketSession.h"

#include <QLabel>
#include <QListWidget>
#include <QSettings>
#include <QSpinBox>
#include <QTimer>
#include <QVBoxLayout>

#include <netinet/in.h>

ServerPane::ServerPane(SocketSession *session, QWidget *parent)
    : QWidget(parent), m_session(session),
      m_endpoint(new EndpointForm(QStringLiteral("server"), IPPROTO_TCP, true, this)),
      m_backlog(new QSpinBox(this)),
      m_socket(new CallButton(QStringLiteral("socket()"),
                              tr("socket(family, type, proto): ask the kernel for a new socket"),
                              QKeySequence(Qt::CTRL | Qt::Key_1), this)),
      m_reuse(new CallButton(QStringLiteral("setsockopt(SO_REUSEADDR)"),
                             tr("setsockopt(level, option, value) with the option chosen below; "
                                "SO_REUSEADDR 1 allows bind to a port an earlier server left in "
                                "TIME_WAIT"),
                             QKeySequence(Qt::CTRL | Qt::Key_2), this)),
      m_option(new SocketOptionPicker(QStringLiteral("server"), this)),
      m_bind(new CallButton(QStringLiteral("bind()"),
                            tr("bind((host, port)): give the socket its local address"),
                            QKeySequence(Qt::CTRL | Qt::Key_3), this)),
      m_listen(new CallButton(QStringLiteral("listen()"),
                              tr("listen(backlog): start accepting connections; the kernel "
                                 "queues up to backlog finished handshakes"),
                              QKeySequence(Qt::CTRL | Qt::Key_4), this)),
      m_accept(new CallButton(QStringLiteral("accept()"),
                              tr("accept(): wait for a client and return a new socket for "
                                 "that one connection, plus the client's address"),
                              QKeySequence(Qt::CTRL | Qt::Key_5), this)),
      m_closeListener(new CallButton(QStringLiteral("close()"),
                                     tr("close() the listening socket; accepted connections "
                                        "stay open"),
                                     QKeySequence(Qt::CTRL | Qt::Key_L), this)),
      m_listenerStatus(new SocketStatusView(&session->clock(), this)),
      m_listeners(new SocketPicker(this)), m_connections(new QListWidget(this)),
      m_connectionStatus(new SocketStatusView(&session->clock(), this)),
      m_controls(new ConnectionControls(session, Qt::ControlModifier,
                                        QKeySequence(Qt::CTRL | Qt::Key_W), QStringLiteral("conn"),
                                        this)),
      m_autoServe(new AutoServeControls(session, this))
{
    m_socket->setObjectName(QStringLiteral("server.socket"));
    m_reuse->setObjectName(QStringLiteral("server.setsockopt"));
    m_bind->setObjectName(QStringLiteral("server.bind"));
    m_listen->setObjectName(QStringLiteral("server.listen"));
    m_accept->setObjectName(QStringLiteral("server.accept"));
    m_closeListener->setObjectName(QStringLiteral("server.close"));
    m_connections->setObjectName(QStringLiteral("server.connections"));
    m_connections->setAccessibleName(tr("Connections accept() returned"));
    m_listeners->setObjectName(QStringLiteral("server.listeners"));
    m_listeners->setToolTip(tr("The listening sockets of this pane (one made before a lesson, "
                               "one the lesson made); the calls act on the one chosen here"));
    m_listeners->setAccessibleName(tr("Listening socket"));
    m_listenerStatus->setObjectName(QStringLiteral("server.listenerStatus"));
    m_connectionStatus->setObjectName(QStringLiteral("server.connectionStatus"));
    // One line each: with a thousand clients, measuring every row again on each new one
    // would stall the window.
    m_connections->setUniformItemSizes(true);
    m_backlog->setObjectName(QStringLiteral("server.backlog"));
    m_backlog->setAccessibleName(tr("listen backlog"));
    m_backlog->setRange(0, 4096);
    m_backlog->setValue(1);
    m_backlog->setPrefix(tr("backlog "));
    m_backlog->setToolTip(tr("How many finished handshakes the kernel may queue before accept"));
    m_connections->setToolTip(tr("Sockets accept() returned; select one to talk through it"));
    m_connections->setMaximumHeight(m_connections->fontMetrics().height() * 4);
    m_connectionStatus->showNothing(tr("No connection accepted yet."));
    // The server answers: its message starts as the course's reply, not the client's words.
    m_controls->editor()->setText(QStringLiteral("Yes, I can hear you."));

    m_title = new HeadingLabel(tr("SERVER"), 1.4, this);
    m_title->setRole(SocketRole::Server);
    auto *sourceLabel = new QLabel(this);
    sourceLabel->setObjectName(QStringLiteral("server.source"));
    m_shown = new PaneSource(
        session, sourceLabel, [this] { showTable(); }, this);

    auto *calls = new FlowLayout;
    for (QWidget *w : std::initializer_list<QWidget *>{m_socket, m_reuse, m_bind, m_listen,
                                                       m_backlog, m_accept, m_closeListener})
        calls->addWidget(w);

    // Top to bottom: the listener (its address, calls, state), then its connections.
    m_connectionsHeading = new HeadingLabel(tr("Connections accept() returned"), 1.1, this);
    m_connectionsHeading->setWordWrap(true);
    auto *layout = new QVBoxLayout(this);
    for (QWidget *w : std::initializer_list<QWidget *>{m_title, sourceLabel, m_endpoint})
        layout->addWidget(w);
    layout->addLayout(calls);
    for (QWidget *w : std::initializer_list<QWidget *>{
             m_option, m_listeners, m_listenerStatus, m_autoServe, m_connectionsHeading,
             m_connections, m_connectionStatus, m_controls})
        layout->addWidget(w);
    layout->addStretch(1);

    connect(m_socket, &QPushButton::clicked, this, [this] {
        run(m_session->createSocket(SocketRole::Server, m_endpoint->family(), m_endpoint->type(),
                                    m_endpoint->protocol(), &m_listenerId));
    });
    connect(m_reuse, &QPushButton::clicked, this, [this] {
        run(m_session->setOption(m_listenerId, m_option->option(), m_option->value()));
    });
    connect(m_option, &SocketOptionPicker::optionChanged, this, [this](const QString &name) {
        m_reuse->setText(QStringLiteral("setsockopt(%1)").arg(name));
    });
    connect(m_bind, &QPushButton::clicked, this, &ServerPane::bindClicked);
    AutoServer *server = m_autoServe->server();
    connect(server, &AutoServer::listenerCreated, this, &ServerPane::adoptListener);
    connect(server, &AutoServer::serving, this, &ServerPane::serving);
    connect(m_autoServe, &AutoServeControls::failed, this, &ServerPane::servingFailed);
    connect(m_listen, &QPushButton::clicked, this,
            [this] { run(m_session->listen(m_listenerId, m_backlog->value())); });
    connect(m_accept, &QPushButton::clicked, this,
            [this] { run(m_session->accept(m_listenerId)); });
    connect(m_closeListener, &QPushButton::clicked, this,
            [this] { run(m_session->close(m_listenerId)); });
    connect(m_connections, &QListWidget::currentRowChanged, this, &ServerPane::onSelectionChanged);
    connect(m_listeners, &SocketPicker::picked, this, &ServerPane::adoptListener);
    connect(m_controls, &ConnectionControls::refused, this, &ServerPane::refused);
    connect(session, &SocketSession::socketChanged, this, &ServerPane::onSocketChanged);
    connect(session, &SocketSession::socketForgotten, this, &ServerPane::onSocketForgotten);
    // A Unix socket's bind that found an old socket file offers to remove it; the stage
    // follows the socket of the last call.
    connect(session, &SocketSession::eventOccurred, this, [this](const SocketEvent &e) {
        if (e.socketId == m_listenerId && e.call == SocketCall::Bind &&
            e.phase == CallPhase::Failed && e.error.name() == QLatin1String("EADDRINUSE") &&
            e.args.value(QStringLiteral("stale")).toBool()) {
            const QString path = e.args.value(QStringLiteral("path")).toString();
            // After the event has been handled everywhere: the question is modal.
            QTimer::singleShot(0, this, [this, path] { offerToRemoveStaleFile(path); });
        }
        // listen(5) from a lesson or a script: the box shows the backlog in force.
        if (e.socketId == m_listenerId && e.call == SocketCall::Listen &&
            e.phase == CallPhase::Returned && e.args.contains(QStringLiteral("backlog")))
            m_backlog->setValue(e.args.value(QStringLiteral("backlog")).toInt());
        if (e.socketId == m_listenerId && e.call != SocketCall::None) {
            m_stage.setLastCall(e.call);
            setFocusOnConnection(false);
        } else if (!e.socketId.isEmpty() && e.socketId == selectedConnection()) {
            // Now the class watches the connection: the listener's last call has been seen.
            m_stage.setLastCall(SocketCall::None);
            setFocusOnConnection(true);
        }
    });
    m_controls->answerLastSender();
    connect(session, &SocketSession::allowInvalidCallsChanged, this, &ServerPane::refresh);
    connect(m_autoServe, &AutoServeControls::servingChanged, this, [this](bool serving) {
        m_serving = serving;
        refresh();
    });
    connect(m_listenerStatus, &SocketStatusView::clicked, this,
            [this] { setFocusOnConnection(false); });
    connect(m_connectionStatus, &SocketStatusView::clicked, this,
            [this] { setFocusOnConnection(true); });
    m_stage.add(m_socket, SocketCall::Socket, {m_endpoint->kindFields()});
    m_stage.add(m_reuse, SocketCall::SetSockOpt);
    m_stage.add(m_bind, SocketCall::Bind, {m_endpoint->addressFields()});
    m_stage.add(m_listen, SocketCall::Listen, {m_backlog});
    m_stage.add(m_accept, SocketCall::Accept);
    m_stage.add(m_closeListener, SocketCall::Close);
    refresh();
}

QWidget *ServerPane::title() const
{
    return m_title;
}

QString ServerPane::selectedConnection() const
{
    const QListWidgetItem *item = m_connections->currentItem();
    return item ? item->data(Qt::UserRole).toString() : QString();
}

void ServerPane::onSocketChanged(const SocketInfo &info)
{
    if (!m_shown->isLive())
        return;
    if (info.role == SocketRole::Connection) {
        showConnection(info);
    } else if (info.role == SocketRole::Server) {
        m_listeners->showState(info);
    }
    if (info.id == m_listenerId) {
        m_listenerStatus->showSocket(info);
        m_autoServe->setListener(info.id);
        // A UDP socket has no connections: the data calls work on the socket itself.
        if (info.type == SOCK_DGRAM && m_controls->socketId() != info.id)
            m_controls->setSocketId(info.id);
    }
    refresh();
}

void ServerPane::onSocketForgotten(const QString &id)
{
    if (!m_shown->isLive())
        return;
    m_listeners->forget(id);
    if (id == m_listenerId) {
        m_listenerId.clear();
        m_listenerStatus->showNothing(tr("No socket yet."));
    }
    if (id != selectedConnection())
        delete m_connectionItems.take(id);
    refresh();
}

void ServerPane::showConnection(const SocketInfo &info)
{
    QListWidgetItem *item = m_connectionItems.value(info.id);
    if (!item) {
        item = new QListWidgetItem(m_connections);
        item->setData(Qt::UserRole, info.id);
        m_connectionItems.insert(info.id, item);
        // Follow the newest connection, once per pass of the event loop: selecting lays out
        // the whole list, so selecting each of a thousand arriving clients took O(n²).
        m_newestConnection = info.id;
        if (!m_selectNewestQueued) {
            m_selectNewestQueued = true;
            QMetaObject::invokeMethod(this, &ServerPane::selectNewestConnection,
                                      Qt::QueuedConnection);
        }
    }
    item->setText(QStringLiteral("%1   ← %2   %3")
                      .arg(SocketName::of(info), info.peer.display(), socketStateName(info.state)));
    if (info.id == selectedConnection())
        m_connectionStatus->showSocket(info);
}

void ServerPane::setFocusOnConnection(bool onConnection)
{
    if (onConnection == m_focusOnConnection)
        return;
    m_focusOnConnection = onConnection;
    refresh();
}

void ServerPane::selectNewestConnection()
{
    m_selectNewestQueued = false;
    if (QListWidgetItem *item = m_connectionItems.value(m_newestConnection)) {
        m_connections->setCurrentItem(item);
        setFocusOnConnection(true);
        // recv and send on it come next; on a short screen they are below the listener's.
        emit revealRequested(m_connectionStatus, m_controls);
    }
}

SocketSource *ServerPane::source() const
{
    return m_shown->source();
}

void ServerPane::setSource(SocketSource *source)
{
    if (m_shown->isLive() && source != m_session)
        m_liveListenerId = m_listenerId;
    m_shown->show(source);
}

void ServerPane::showTable()
{
    const SocketSource *source = m_shown->source();
    const bool live = m_shown->isLive();
    m_connections->clear();
    m_connectionItems.clear();
    m_listeners->clear();
    m_listenerId = live ? m_liveListenerId : QString();
    for (const QString &id : source->socketIds()) {
        const SocketInfo info = source->socket(id);
        if (!live && info.role == SocketRole::Server)
            m_listenerId = info.id; // a recording's newest listener
        else if (info.role == SocketRole::Connection)
            showConnection(info);
    }
    if (source->contains(m_listenerId))
        m_listenerStatus->showSocket(source->socket(m_listenerId));
    else
        m_listenerStatus->showNothing(
            live ? tr("No socket yet.")
                 : tr("No listening socket yet in %1.").arg(source->description()));
    onSelectionChanged();
    refresh();
}

void ServerPane::adoptListener(const QString &socketId)
{
    if (socketId != m_listenerId)
        m_stage.setLastCall(SocketCall::None);
    m_listenerId = socketId;
    setFocusOnConnection(false);
    if (m_session->contains(socketId))
        onSocketChanged(m_session->socket(socketId));
    refresh();
}

void ServerPane::selectConnection(const QString &socketId)
{
    if (QListWidgetItem *item = m_connectionItems.value(socketId)) {
        m_connections->setCurrentItem(item);
        setFocusOnConnection(true);
    }
}

void ServerPane::setCompact(bool compact)
{
    m_endpoint->setCompact(compact);
    m_option->setVisible(!compact);
    // The selected connection's state and calls stand for the list on the stage.
    m_connectionsHeading->setVisible(!compact);
    m_connections->setVisible(!compact);
    m_listenerStatus->setCompact(compact);
    m_connectionStatus->setCompact(compact);
    m_stage.setOnStage(compact);
    m_controls->setOnStage(compact);
    refresh();
}

void ServerPane::bindClicked()
{
    if (m_questions.mayBind(m_endpoint->family(), m_endpoint->host(), m_endpoint->port()))
        run(m_session->bind(m_listenerId, m_endpoint->host(), m_endpoint->port()));
}

void ServerPane::offerToRemoveStaleFile(const QString &path)
{
    if (m_questions.mayRemoveStaleFile(path)) // if the path was taken meanwhile, bind says so
        run(m_session->bind(m_listenerId, path, 0, true));
}

void ServerPane::listenAndServe(const HostPortText::Parts &where, ServerMode mode, int backlog)
{
    // The form shows what is being served, as if typed in (but is not saved: see below).
    m_endpoint->setFamily(where.family);
    m_endpoint->setType(where.type);
    m_endpoint->setEndpoint(where.host, where.port);
    m_endpointFromCommandLine = true;
    if (backlog > 0)
        m_backlog->setValue(backlog);
    m_autoServe->server()->listenAndServe(where, mode,
                                          backlog > 0 ? backlog : qMax(m_backlog->value(), 16));
}

void ServerPane::onSelectionChanged()
{
    const QString id = selectedConnection();
    // While the pane's socket is a UDP one, its data calls are the ones that apply.
    const bool datagram = m_shown->source()->socket(m_listenerId).type == SOCK_DGRAM;
    m_controls->setSocketId(datagram ? m_listenerId : id);
    if (id.isEmpty())
        m_connectionStatus->showNothing(tr("No connection accepted yet."));
    else
        m_connectionStatus->showSocket(m_shown->source()->socket(id));
}

void ServerPane::run(const QString &refusal)
{
    if (!refusal.isEmpty())
        emit refused(refusal);
    refresh();
}

void ServerPane::refresh()
{
    const SocketInfo listener = m_session->socket(m_listenerId);
    const bool open = !m_listenerId.isEmpty() && listener.state != SocketState::Closed &&
                      !(listener.state == SocketState::Failed && listener.fd < 0);
    const QString readOnly = m_shown->readOnlyReason();
    m_socket->setAvailability(
        !readOnly.isEmpty() ? readOnly
        : open              ? tr("%1 is still open; close it first.").arg(SocketName::of(listener))
                            : QString());
    const auto why = [this, &readOnly](SocketCall call) {
        if (!readOnly.isEmpty())
            return readOnly;
        return m_listenerId.isEmpty() ? tr("Create a socket first: socket().")
                                      : m_session->whyInvalid(m_listenerId, call);
    };
    m_reuse->setAvailability(why(SocketCall::SetSockOpt));
    m_bind->setAvailability(why(SocketCall::Bind));
    m_listen->setAvailability(why(SocketCall::Listen));
    m_accept->setAvailability(why(SocketCall::Accept));
    m_closeListener->setAvailability(why(SocketCall::Close));
    m_controls->setReadOnly(readOnly);
    m_autoServe->setEnabled(readOnly.isEmpty());
    // On the stage, the automatic server shows while it serves, a connection's rows once there
    // is one, and the details and calls of the socket the pane is about (for a UDP socket,
    // its data calls are its own).
    const bool onStage = m_stage.isOnStage();
    // Every listener stays reachable: a second one (a lesson's) adds the choice.
    if (!m_listenerId.isEmpty())
        m_listeners->choose(m_listenerId);
    m_listeners->setVisible(!onStage && m_listeners->count() > 1);
    const bool datagram = m_controls->socketId() == m_listenerId && !m_listenerId.isEmpty();
    const bool hasConnection = !selectedConnection().isEmpty();
    const bool aboutConnection = hasConnection && m_focusOnConnection;
    // A closed connection has nothing left to call: the listener's calls come back beside its
    // close() (accept the next client, or close the server).
    m_stage.setSetAside(aboutConnection && m_shown->source()->socket(selectedConnection()).state !=
                                               SocketState::Closed);
    m_stage.apply();
    m_listenerStatus->setDetailsShown(!aboutConnection);
    m_connectionStatus->setDetailsShown(aboutConnection);
    m_autoServe->setVisible(!onStage || m_serving);
    m_connectionStatus->setVisible(!onStage || hasConnection);
    m_controls->setVisible(!onStage || aboutConnection || datagram);
}

void ServerPane::readSettings(QSettings &settings)
{
    settings.beginGroup(QStringLiteral("server"));
    m_endpoint->readSettings(settings);
    m_backlog->setValue(settings.value(QStringLiteral("backlog"), m_backlog->value()).toInt());
    settings.endGroup();
}

void ServerPane::writeSettings(QSettings &settings) const
{
    if (m_endpointFromCommandLine)
        return;
    settings.beginGroup(QStringLiteral("server"));
    m_endpoint->writeSettings(settings);
    settings.setValue(QStringLiteral("backlog"), m_backlog->value());
    settings.endGroup();
}
