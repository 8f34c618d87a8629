#include "ClientPane.h"

#include "CallButton.h"
#include "ConnectionControls.h"
#include "EndpointForm.h"
#include "HeadingLabel.h"
#include "RoleColors.h"
#include "SocketSession.h"
#include "SocketStatusView.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QSettings>
#include <QVBoxLayout>

#include <netinet/in.h>

ClientPane::ClientPane(SocketSession *session, QWidget *parent)
    : QWidget(parent), m_session(session),
      m_endpoint(new EndpointForm(QStringLiteral("client"), IPPROTO_TCP, this)),
      m_socket(new CallButton(QStringLiteral("socket()"),
                              tr("socket(family, type, proto): ask the kernel for a new socket"),
                              QKeySequence(Qt::ALT | Qt::Key_1), this)),
      m_connect(new CallButton(QStringLiteral("connect()"),
                               tr("connect((host, port)): open a connection to a listening "
                                  "server; the TCP handshake happens here"),
                               QKeySequence(Qt::ALT | Qt::Key_2), this)),
      m_status(new SocketStatusView(&session->clock(), this)),
      m_controls(new ConnectionControls(session, Qt::AltModifier, QStringLiteral("client"), this))
{
    m_socket->setObjectName(QStringLiteral("client.socket"));
    m_connect->setObjectName(QStringLiteral("client.connect"));

    auto *title = new HeadingLabel(tr("CLIENT"), 1.4, this);
    title->setStyleSheet(
        QStringLiteral("color: %1;").arg(RoleColors::strong(SocketRole::Client).name()));

    auto *calls = new QHBoxLayout;
    calls->addWidget(m_socket);
    calls->addWidget(m_connect);
    calls->addStretch(1);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addWidget(m_endpoint);
    layout->addLayout(calls);
    layout->addWidget(m_status);
    layout->addWidget(m_controls);
    layout->addStretch(1);

    connect(m_socket, &QPushButton::clicked, this, [this] {
        run(m_session->createSocket(SocketRole::Client, m_endpoint->family(), m_endpoint->type(),
                                    m_endpoint->protocol(), &m_clientId));
        m_controls->setSocketId(m_clientId);
    });
    connect(m_connect, &QPushButton::clicked, this, [this] {
        run(m_session->connectTo(m_clientId, m_endpoint->host(), m_endpoint->port()));
    });
    connect(m_controls, &ConnectionControls::refused, this, &ClientPane::refused);
    connect(session, &SocketSession::socketChanged, this, &ClientPane::onSocketChanged);
    connect(session, &SocketSession::allowInvalidCallsChanged, this, &ClientPane::refresh);
    refresh();
}

void ClientPane::onSocketChanged(const SocketInfo &info)
{
    if (info.id == m_clientId)
        m_status->showSocket(info);
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
    const SocketInfo client = m_session->socket(m_clientId);
    const bool live = !m_clientId.isEmpty() && client.state != SocketState::Closed &&
                      !(client.state == SocketState::Failed && client.fd < 0);
    m_socket->setAvailability(live ? tr("%1 is still open; close it first.").arg(m_clientId)
                                   : QString());
    m_connect->setAvailability(m_clientId.isEmpty()
                                   ? tr("Create a socket first: socket().")
                                   : m_session->whyInvalid(m_clientId, SocketCall::Connect));
    m_controls->refresh();
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
