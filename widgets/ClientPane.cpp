// SPDX-License-Identifier: MIT
#include "ClientPane.h"

#include "CallButton.h"
#include "ConnectionControls.h"
#include "EndpointForm.h"
#include "FlowLayout.h"
#include "HeadingLabel.h"
#include "PaneSource.h"
#include "RoleColors.h"
#include "SocketOptionPicker.h"
#include "SocketPicker.h"
#include "SocketStatusView.h"
#include "session/ConnectionAttempts.h"
#include "session/SocketSession.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QVBoxLayout>

#include <netinet/in.h>

ClientPane::ClientPane(SocketSession *session, QWidget *parent)
    : QWidget(parent), m_session(session),
      m_endpoint(new EndpointForm(QStringLiteral("client"), IPPROTO_TCP, false, this)),
      m_socket(new CallButton(QStringLiteral("socket()"),
                              tr("socket(family, type, proto): ask the kernel for a new socket"),
                              QKeySequence(Qt::ALT | Qt::Key_1), this)),
      m_connect(new CallButton(QStringLiteral("connect()"),
                               tr("connect((host, port)): open a connection to a listening "
                                  "server; the TCP handshake happens here"),
                               QKeySequence(Qt::ALT | Qt::Key_2), this)),
      m_createConnection(new CallButton(
          QStringLiteral("create_connection()"),
          tr("socket.create_connection((host, port)): look the host up, then try each address "
             "it has, a new socket for each, until one connects"),
          QKeySequence(Qt::ALT | Qt::Key_3), this)),
      m_setOption(new CallButton(QStringLiteral("setsockopt(SO_REUSEADDR)"),
                                 tr("setsockopt(level, option, value) with the option chosen "
                                    "beside it, before connect: TCP_NODELAY, SO_LINGER 0 (close "
                                    "then sends RST), SO_KEEPALIVE, buffer sizes…"),
                                 QKeySequence(Qt::ALT | Qt::Key_4), this)),
      m_option(new SocketOptionPicker(QStringLiteral("client"), this)),
      m_attemptsLabel(new QLabel(this)), m_attempts(new ConnectionAttempts(session, this)),
      m_status(new SocketStatusView(&session->clock(), this)),
      m_controls(new ConnectionControls(session, Qt::AltModifier, QKeySequence(Qt::ALT | Qt::Key_0),
                                        QStringLiteral("client"), this)),
      m_sockets(new SocketPicker(this)), m_count(new QSpinBox(this)),
      m_many(new QPushButton(tr("connect N clients"), this)), m_manyStatus(new QLabel(this))
{
    m_sockets->setObjectName(QStringLiteral("client.sockets"));
    m_sockets->setToolTip(tr("The client sockets of this pane; the calls below act on the one "
                             "chosen here"));
    m_sockets->setAccessibleName(tr("Client socket"));
    m_count->setObjectName(QStringLiteral("client.count"));
    m_count->setAccessibleName(tr("How many clients"));
    m_count->setRange(1, 1000);
    m_count->setValue(3);
    m_count->setToolTip(tr("How many clients to connect at once"));
    m_many->setObjectName(QStringLiteral("client.many"));
    m_many->setToolTip(tr("socket() and connect() N times, to the host and port above: watch "
                          "the backlog fill, or an automatic server serve them all"));
    m_manyStatus->setObjectName(QStringLiteral("client.manyStatus"));
    m_manyStatus->hide();
    m_socket->setObjectName(QStringLiteral("client.socket"));
    m_status->setObjectName(QStringLiteral("client.status"));
    m_connect->setObjectName(QStringLiteral("client.connect"));
    m_createConnection->setObjectName(QStringLiteral("client.createConnection"));
    m_setOption->setObjectName(QStringLiteral("client.setsockopt"));
    m_attemptsLabel->setObjectName(QStringLiteral("client.attempts"));
    m_attemptsLabel->setWordWrap(true);
    m_attemptsLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_attemptsLabel->hide();

    m_title = new HeadingLabel(tr("CLIENT"), 1.4, this);
    m_title->setRole(SocketRole::Client);
    auto *sourceLabel = new QLabel(this);
    sourceLabel->setObjectName(QStringLiteral("client.source"));
    m_shown = new PaneSource(
        session, sourceLabel, [this] { showTable(); }, this);

    auto *calls = new FlowLayout;
    calls->addWidget(m_socket);
    calls->addWidget(m_connect);
    calls->addWidget(m_createConnection);
    // Rows that wrap: beside a lesson on a 1024-pixel screen the pane is about 300 pixels
    // wide, and one fixed row would give it a horizontal scroll bar.
    auto *options = new FlowLayout;
    options->addWidget(m_setOption);
    options->addWidget(m_option);
    auto *many = new FlowLayout;
    many->addWidget(m_sockets);
    many->addWidget(m_count);
    many->addWidget(m_many);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(sourceLabel);
    layout->addWidget(m_endpoint);
    layout->addLayout(calls);
    layout->addLayout(options);
    layout->addLayout(many);
    layout->addWidget(m_manyStatus);
    layout->addWidget(m_attemptsLabel);
    layout->addWidget(m_status);
    layout->addWidget(m_controls);
    layout->addStretch(1);

    connect(m_socket, &QPushButton::clicked, this, [this] {
        QString id;
        run(m_session->createSocket(SocketRole::Client, m_endpoint->family(), m_endpoint->type(),
                                    m_endpoint->protocol(), &id));
        adopt(id);
    });
    connect(m_createConnection, &QPushButton::clicked, this, [this] {
        m_attempts->start(m_endpoint->host(), m_endpoint->port());
        refresh();
    });
    connect(m_attempts, &ConnectionAttempts::socketCreated, this, &ClientPane::adopt);
    connect(m_attempts, &ConnectionAttempts::progress, this, [this](const QString &summary) {
        m_attemptsLabel->setText(tr("create_connection: %1").arg(summary));
        m_attemptsLabel->show();
    });
    connect(m_attempts, &ConnectionAttempts::finished, this, &ClientPane::refresh);
    connect(m_setOption, &QPushButton::clicked, this, [this] {
        run(m_session->setOption(m_clientId, m_option->option(), m_option->value()));
    });
    connect(m_option, &SocketOptionPicker::optionChanged, this, [this](const QString &name) {
        m_setOption->setText(QStringLiteral("setsockopt(%1)").arg(name));
    });
    connect(m_connect, &QPushButton::clicked, this, [this] {
        run(m_session->connectTo(m_clientId, m_endpoint->host(), m_endpoint->port()));
    });
    connect(m_controls, &ConnectionControls::refused, this, &ClientPane::refused);
    connect(m_sockets, &SocketPicker::picked, this, &ClientPane::adopt);
    connect(m_many, &QPushButton::clicked, this, &ClientPane::connectMany);
    connect(session, &SocketSession::eventOccurred, this, &ClientPane::onEvent);
    connect(session, &SocketSession::socketChanged, this, &ClientPane::onSocketChanged);
    connect(session, &SocketSession::socketForgotten, this, &ClientPane::onSocketForgotten);
    m_controls->setSendToTarget([this](QString *host, int *port) {
        *host = m_endpoint->host();
        *port = m_endpoint->port();
        return QString();
    });
    connect(session, &SocketSession::allowInvalidCallsChanged, this, &ClientPane::refresh);
    m_stage.add(m_socket, SocketCall::Socket, {m_endpoint->kindFields()});
    m_stage.add(m_connect, SocketCall::Connect, {m_endpoint->addressFields()});
    m_stage.add(m_createConnection, SocketCall::None, {m_endpoint->addressFields()});
    m_stage.add(m_setOption, SocketCall::SetSockOpt);
    refresh();
}

QWidget *ClientPane::title() const
{
    return m_title;
}

void ClientPane::setCompact(bool compact)
{
    m_endpoint->setCompact(compact);
    for (QWidget *w : {static_cast<QWidget *>(m_option), static_cast<QWidget *>(m_sockets),
                       static_cast<QWidget *>(m_count), static_cast<QWidget *>(m_many)})
        w->setVisible(!compact);
    m_status->setCompact(compact);
    m_stage.setOnStage(compact);
    m_controls->setOnStage(compact);
    refresh();
}

void ClientPane::connectMany()
{
    m_batch.clear();
    m_batchSize = m_count->value();
    m_batchConnected = 0;
    for (int i = 0; i < m_batchSize; ++i) {
        QString id;
        const QString refusal =
            m_session->createSocket(SocketRole::Client, m_endpoint->family(), m_endpoint->type(),
                                    m_endpoint->protocol(), &id);
        if (!refusal.isEmpty()) {
            emit refused(refusal);
            break;
        }
        m_batch << id;
        adopt(id);
    }
    m_manyStatus->setText(tr("Connecting %n client(s)…", nullptr, m_batchSize));
    m_manyStatus->show();
}

void ClientPane::onEvent(const SocketEvent &event)
{
    if (event.socketId == m_clientId && event.call != SocketCall::None)
        m_stage.setLastCall(event.call);
    if (!m_batch.contains(event.socketId))
        return;
    // Each socket of "connect N" connects as soon as socket() returned.
    if (event.call == SocketCall::Socket && event.phase == CallPhase::Returned) {
        m_session->connectTo(event.socketId, m_endpoint->host(), m_endpoint->port());
        return;
    }
    if (event.call != SocketCall::Connect ||
        (event.phase != CallPhase::Returned && event.phase != CallPhase::Failed))
        return;
    m_batch.removeAll(event.socketId);
    if (event.phase == CallPhase::Returned)
        ++m_batchConnected;
    m_manyStatus->setText(
        tr("%1 of %2 clients connected%3")
            .arg(m_batchConnected)
            .arg(m_batchSize)
            .arg(m_batch.isEmpty()
                     ? tr(": connect() returns once the kernel has finished the handshake, so "
                          "they may still wait in the server's backlog for accept()")
                     : tr(", %1 still waiting (the backlog?)").arg(m_batch.size())));
}

void ClientPane::adopt(const QString &socketId)
{
    m_sockets->choose(socketId);
    if (socketId != m_clientId)
        m_stage.setLastCall(SocketCall::None);
    m_clientId = socketId;
    m_controls->setSocketId(socketId);
    if (m_session->contains(socketId))
        m_status->showSocket(m_session->socket(socketId));
    refresh();
}

SocketSource *ClientPane::source() const
{
    return m_shown->source();
}

void ClientPane::setSource(SocketSource *source)
{
    if (m_shown->isLive() && source != m_session)
        m_liveClientId = m_clientId;
    m_shown->show(source);
}

void ClientPane::showTable()
{
    const SocketSource *source = m_shown->source();
    m_clientId.clear();
    if (m_shown->isLive()) {
        if (!m_liveClientId.isEmpty()) {
            adopt(m_liveClientId);
            return;
        }
        m_status->showNothing(tr("No socket yet."));
        refresh();
        return;
    }
    for (const QString &id : source->socketIds()) {
        const SocketInfo info = source->socket(id);
        if (info.role == SocketRole::Client) {
            m_clientId = info.id; // the newest client socket
            m_status->showSocket(info);
        }
    }
    if (m_clientId.isEmpty())
        m_status->showNothing(tr("No client socket yet in %1.").arg(source->description()));
    refresh();
}

void ClientPane::onSocketChanged(const SocketInfo &info)
{
    if (!m_shown->isLive())
        return;
    m_sockets->showState(info);
    if (info.id == m_clientId) {
        m_status->showSocket(info);
        // Once connected, sending and receiving come next: below the fold on a short screen.
        const bool connected = info.state == SocketState::Connected;
        if (connected && !m_clientConnected)
            emit revealRequested(m_status, m_controls);
        m_clientConnected = connected;
    }
    refresh();
}

void ClientPane::onSocketForgotten(const QString &id)
{
    if (!m_shown->isLive())
        return;
    // The pane's own socket stays listed with its last state; older ones leave the list.
    m_sockets->forget(id);
    refresh();
}

void ClientPane::run(const QString &refusal)
{
    if (!refusal.isEmpty())
        emit refused(refusal);
    refresh();
}

void ClientPane::refresh()
{
    // Another socket() while one is open makes a second client: the list above picks which.
    const QString busy =
        m_attempts->isRunning() ? tr("create_connection is still trying.") : QString();
    const QString readOnly = m_shown->readOnlyReason();
    m_socket->setAvailability(!readOnly.isEmpty() ? readOnly : busy);
    m_many->setEnabled(readOnly.isEmpty() && !m_attempts->isRunning());
    m_setOption->setAvailability(!readOnly.isEmpty() ? readOnly
                                 : m_clientId.isEmpty()
                                     ? tr("Create a socket first: socket().")
                                     : m_session->whyInvalid(m_clientId, SocketCall::SetSockOpt));
    m_createConnection->setAvailability(!readOnly.isEmpty() ? readOnly : busy);
    m_connect->setAvailability(!readOnly.isEmpty() ? readOnly
                               : m_clientId.isEmpty()
                                   ? tr("Create a socket first: socket().")
                                   : m_session->whyInvalid(m_clientId, SocketCall::Connect));
    m_controls->setReadOnly(readOnly);
    // On the stage the pane is about its socket: another socket() (a second client) only
    // when this one is gone.
    const SocketState state = m_session->socket(m_clientId).state;
    const bool open = m_session->contains(m_clientId) && state != SocketState::Closed &&
                      state != SocketState::Failed;
    m_stage.setShown(m_socket, true, !open);
    m_stage.setShown(m_createConnection, true, !open);
    m_stage.apply();
}

void ClientPane::readSettings(QSettings &settings)
{
    settings.beginGroup(QStringLiteral("client"));
    m_endpoint->readSettings(settings);
    settings.endGroup();
}

void ClientPane::writeSettings(QSettings &settings) const
{
    settings.beginGroup(QStringLiteral("client"));
    m_endpoint->writeSettings(settings);
    settings.endGroup();
}
