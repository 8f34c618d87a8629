// SPDX-License-Identifier: MIT
#pragma once

#include "StageCalls.h"
#include "calls/SocketAddress.h"

#include <QKeySequence>
#include <QString>
#include <QWidget>

#include <functional>

class CallButton;
class MessageEditor;
class QComboBox;
class QLabel;
class QSpinBox;
class SocketSession;

// The calls on a connected socket: send, sendall, recv(bufsize), shutdown(how), close; and
// for a UDP socket sendto and recvfrom. The client pane uses one for its socket, the server
// pane one for the selected connection (or its UDP socket).
class ConnectionControls : public QWidget
{
    Q_OBJECT
public:
    // Shortcuts are modifier+6 … modifier+9, so each pane can have its own set; close() has
    // its own key, because Ctrl+0 is the zoom reset every program has.
    ConnectionControls(SocketSession *session, Qt::KeyboardModifier shortcutModifier,
                       const QKeySequence &closeKey, const QString &objectPrefix,
                       QWidget *parent = nullptr);

    void setSocketId(const QString &id);
    QString socketId() const { return m_id; }
    MessageEditor *editor() const { return m_editor; }
    void refresh();

    // While the pane shows a source that takes no calls: why (empty: calls are on).
    void setReadOnly(const QString &why);
    // Presenter mode: only the calls the socket can make now and its last one (StageCalls).
    void setOnStage(bool onStage);
    // Where sendto sends: fills host and port, or returns why there is no address yet.
    using Target = std::function<QString(QString *host, int *port)>;
    void setSendToTarget(Target target) { m_target = std::move(target); }
    // A UDP server's way instead: sendto answers whoever sent the datagram recvfrom read last.
    void answerLastSender() { m_answerLastSender = true; }

signals:
    void refused(const QString &reason);

private:
    void run(const QString &refusal);

    SocketSession *m_session;
    QString m_id;
    QString m_readOnly;
    MessageEditor *m_editor;
    QLabel *m_received; // what the last recv or recvfrom returned
    CallButton *m_send;
    CallButton *m_sendAll;
    CallButton *m_recv;
    QSpinBox *m_bufsize;
    CallButton *m_shutdown;
    QComboBox *m_how;
    CallButton *m_close;
    CallButton *m_sendTo;
    CallButton *m_recvFrom;
    Target m_target;
    StageCalls m_stage;
    bool m_answerLastSender = false;
    SocketAddress m_lastSender;
};
