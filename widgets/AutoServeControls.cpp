// SPDX-License-Identifier: MIT
#include "AutoServeControls.h"

#include "present/EscapeCodec.h"
#include "session/SocketSession.h"

#include <QComboBox>
#include <QDesktopServices>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QUrl>
#include <QVBoxLayout>

#include <sys/socket.h>

AutoServeControls::AutoServeControls(SocketSession *session, QWidget *parent)
    : QWidget(parent), m_session(session), m_modeBox(new QComboBox(this)),
      m_reply(new QLineEdit(QStringLiteral("OK\\n"), this)),
      m_serve(new QPushButton(tr("Serve automatically"), this)),
      m_browser(new QPushButton(tr("Open in browser"), this)), m_status(new QLabel(this)),
      m_server(new AutoServer(session, this))
{
    m_modeBox->setObjectName(QStringLiteral("serve.mode"));
    m_serve->setObjectName(QStringLiteral("serve.toggle"));
    m_browser->setObjectName(QStringLiteral("serve.browser"));
    m_reply->setObjectName(QStringLiteral("serve.reply"));
    m_reply->setAccessibleName(tr("Reply text"));
    for (const QString &name : serverModeNames())
        m_modeBox->addItem(name);
    m_modeBox->setToolTip(tr("echo: send back what arrives (the homework); http: answer a browser "
                             "with a page showing its request; reply: send a fixed text per "
                             "message; silent: only receive; chat: pass what each client sends "
                             "on to all the others"));
    m_reply->setToolTip(tr("The text reply mode sends; escapes such as \\r\\n work"));
    m_serve->setToolTip(tr("Keep calling accept and serve every client in the chosen mode; every "
                           "call is still logged"));
    m_browser->setToolTip(tr("Open the system browser at this server's address"));
    m_status->setWordWrap(true);
    auto *row = new QHBoxLayout;
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(m_modeBox);
    row->addWidget(m_reply, 1);
    row->addWidget(m_serve);
    row->addWidget(m_browser);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(row);
    layout->addWidget(m_status);
    connect(m_serve, &QPushButton::clicked, this, &AutoServeControls::toggle);
    connect(m_browser, &QPushButton::clicked, this, &AutoServeControls::openInBrowser);
    connect(m_modeBox, &QComboBox::currentTextChanged, this, &AutoServeControls::refresh);
    connect(session, &SocketSession::socketChanged, this, &AutoServeControls::refresh);
    connect(m_server, &AutoServer::changed, this, &AutoServeControls::refresh);
    connect(m_server, &AutoServer::setupFailed, this, [this](const SocketEvent &e) {
        emit failed(
            QStringLiteral("%1: %2").arg(socketCallName(e.call), e.error.pythonException()));
    });
    connect(m_server, &AutoServer::refused, this, &AutoServeControls::failed);
    connect(m_server, &AutoServer::serving, this, [this] {
        m_listenerId = m_server->listenerId();
        m_modeBox->setCurrentText(serverModeName(m_server->mode()));
        emit servingChanged(true);
        refresh();
    });
    refresh();
}

AutoServeControls::~AutoServeControls() = default;

void AutoServeControls::setListener(const QString &listenerId)
{
    if (listenerId != m_listenerId)
        stop();
    m_listenerId = listenerId;
    refresh();
}

QString AutoServeControls::start(ServerMode mode, const QString &reply)
{
    const EscapeCodec::Result text = EscapeCodec::fromText(
        reply.isEmpty() ? m_reply->text() : reply, EscapeCodec::Encoding::Utf8);
    if (!text.ok())
        return tr("The reply text has an error: %1").arg(text.error);
    m_server->setReply(text.bytes);
    const QString problem = m_server->serve(m_listenerId, mode);
    if (!problem.isEmpty())
        return problem;
    m_modeBox->setCurrentText(serverModeName(mode));
    emit servingChanged(true);
    refresh();
    return QString();
}

void AutoServeControls::stop()
{
    if (!isServing())
        return;
    // Calls already under way finish by themselves; nothing new is started.
    m_server->stop();
    emit servingChanged(false);
    refresh();
}

void AutoServeControls::toggle()
{
    if (isServing()) {
        stop();
        return;
    }
    ServerMode mode = ServerMode::Echo;
    parseServerMode(m_modeBox->currentText(), &mode);
    const QString problem = start(mode);
    if (!problem.isEmpty())
        m_status->setText(problem);
}

void AutoServeControls::openInBrowser()
{
    const SocketAddress local = m_session->socket(m_listenerId).local;
    QString host = local.host();
    if (host == QLatin1String("0.0.0.0"))
        host = QStringLiteral("127.0.0.1");
    else if (host == QLatin1String("::"))
        host = QStringLiteral("::1");
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(host);
    url.setPort(local.port());
    url.setPath(QStringLiteral("/"));
    QDesktopServices::openUrl(url);
}

void AutoServeControls::refresh()
{
    const SocketInfo listener = m_session->socket(m_listenerId);
    const bool datagram = listener.type == SOCK_DGRAM;
    const bool listening =
        !m_listenerId.isEmpty() &&
        listener.state == (datagram ? SocketState::Bound : SocketState::Listening);
    if (isServing() && !listening)
        m_server->stop();
    m_serve->setText(isServing() ? tr("Stop serving") : tr("Serve automatically"));
    m_serve->setEnabled(isServing() || listening);
    m_modeBox->setEnabled(!isServing());
    m_reply->setVisible(m_modeBox->currentText() == QLatin1String("reply"));
    m_reply->setEnabled(!isServing());
    m_browser->setVisible(m_modeBox->currentText() == QLatin1String("http"));
    m_browser->setEnabled(listening);
    if (isServing() && datagram)
        m_status->setText(
            tr("Serving %1 on %2: %3 datagram(s) answered.")
                .arg(serverModeName(m_server->mode()), AutoServer::commandLineAddress(listener))
                .arg(m_server->status().served));
    else if (isServing())
        m_status->setText(
            tr("Serving %1 on %2: %3 client(s) served, %4 open.")
                .arg(serverModeName(m_server->mode()), AutoServer::commandLineAddress(listener))
                .arg(m_server->status().served)
                .arg(m_server->status().open) +
            (m_server->status().note.isEmpty() ? QString()
                                               : QLatin1Char('\n') + m_server->status().note));
    else if (datagram)
        m_status->setText(listening ? QString() : tr("Bind first, then serve automatically."));
    else
        m_status->setText(listening ? QString() : tr("Listen first, then serve automatically."));
}
