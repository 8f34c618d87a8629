// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>

#include <functional>
#include <memory>

class EchoCheck;
class EndpointForm;
class QAction;
class QMenu;
class QWidget;
class SocketSession;

// Calls → Check Echo Server: the course's echo tests (EchoCheck) against the server at the
// client pane's host and port, on the window's session, so every exchange shows in the log
// and diagram. Progress goes to the status bar; the results to a window of their own.
class EchoCheckController : public QObject
{
    Q_OBJECT
public:
    EchoCheckController(SocketSession *session, EndpointForm *clientEndpoint, QWidget *window,
                        std::function<void(const QString &)> tell, QObject *parent = nullptr);
    ~EchoCheckController() override;

    void buildMenu(QMenu *menu);
    void start();
    bool isRunning() const { return m_check != nullptr; }
    // The last run's report, as shown.
    QString report() const { return m_report; }

signals:
    void finished(bool allPassed);

private:
    SocketSession *m_session;
    EndpointForm *m_endpoint;
    QWidget *m_window;
    std::function<void(const QString &)> m_tell;
    std::unique_ptr<EchoCheck> m_check;
    QAction *m_action = nullptr;
    QString m_report;
};
