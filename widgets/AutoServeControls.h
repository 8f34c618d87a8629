// SPDX-License-Identifier: MIT
#pragma once

#include "session/AutoServer.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class SocketSession;

// "Serve automatically" for the server pane's listener: keep calling accept and answer every
// client in a mode (echo, http, reply, silent, chat). Every call still goes through the session
// and shows in the log.
class AutoServeControls : public QWidget
{
    Q_OBJECT
public:
    explicit AutoServeControls(SocketSession *session, QWidget *parent = nullptr);
    ~AutoServeControls() override;

    // The listener to serve on; serving needs it to be listening.
    void setListener(const QString &listenerId);
    bool isServing() const { return m_server->isServing(); }
    // The one automatic server this pane runs (also set up by ServerPane::listenAndServe).
    AutoServer *server() const { return m_server; }
    // Starts serving in this mode (reply: the text for reply mode, escapes allowed).
    QString start(ServerMode mode, const QString &reply = QString());
    void stop();
    void refresh();

signals:
    void servingChanged(bool serving);
    // Serving could not start: why, in one line ("bind: OSError: [Errno 98] …").
    void failed(const QString &reason);

private:
    void toggle();
    void openInBrowser();

    SocketSession *m_session;
    QString m_listenerId;
    QComboBox *m_modeBox;
    QLineEdit *m_reply;
    QPushButton *m_serve;
    QPushButton *m_browser;
    QLabel *m_status;
    AutoServer *m_server;
};
