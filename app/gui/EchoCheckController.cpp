// SPDX-License-Identifier: MIT
#include "EchoCheckController.h"

#include "EndpointForm.h"
#include "check/EchoCheck.h"

#include <QAction>
#include <QMenu>
#include <QMessageBox>
#include <QTimer>

#include <sys/socket.h>

EchoCheckController::EchoCheckController(SocketSession *session, EndpointForm *clientEndpoint,
                                         QWidget *window, std::function<void(const QString &)> tell,
                                         QObject *parent)
    : QObject(parent), m_session(session), m_endpoint(clientEndpoint), m_window(window),
      m_tell(std::move(tell))
{
}

EchoCheckController::~EchoCheckController() = default;

void EchoCheckController::buildMenu(QMenu *menu)
{
    m_action = menu->addAction(tr("&Check Echo Server"), this, &EchoCheckController::start);
    m_action->setObjectName(QStringLiteral("checkEcho"));
    m_action->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_T));
    m_action->setToolTip(tr("Run the homework's echo tests against the server at the client "
                            "pane's host and port (yours, watched or not)"));
}

void EchoCheckController::start()
{
    if (m_check)
        return;
    HostPortText::Parts server;
    server.host = m_endpoint->host();
    server.port = m_endpoint->port();
    server.family = server.host.contains(QLatin1Char(':')) ? AF_INET6 : AF_INET;
    server.type = SOCK_STREAM;
    m_check = std::make_unique<EchoCheck>(m_session, server);
    m_report.clear();
    if (m_action)
        m_action->setEnabled(false);
    const QString where = QStringLiteral("%1:%2").arg(server.host).arg(server.port);
    connect(m_check.get(), &EchoCheck::testStarted, this, [this, where](const QString &test) {
        m_tell(tr("Checking the echo server at %1: %2…").arg(where, test));
    });
    connect(m_check.get(), &EchoCheck::testEnded, this, [this](const EchoCheck::Result &r) {
        m_report += r.passed ? tr("PASS  %1").arg(r.test) : tr("FAIL  %1: %2").arg(r.test, r.why);
        m_report += QLatin1Char('\n');
    });
    connect(m_check.get(), &EchoCheck::finished, this, [this, where](bool all) {
        m_tell(all ? tr("The echo server at %1 passed every test.").arg(where)
                   : tr("The echo server at %1 failed a test.").arg(where));
        auto *box = new QMessageBox(
            all ? QMessageBox::Information : QMessageBox::Warning, tr("Echo server check"),
            tr("The echo server at %1:\n\n%2").arg(where, m_report), QMessageBox::Ok, m_window);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->setModal(false);
        box->show();
        if (m_action)
            m_action->setEnabled(true);
        // Not from inside the check's own signal.
        QTimer::singleShot(0, this, [this] { m_check.reset(); });
        emit finished(all);
    });
    m_check->start();
}
