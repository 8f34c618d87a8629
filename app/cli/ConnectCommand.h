// SPDX-License-Identifier: MIT
#pragma once

#include "calls/HostPortText.h"

#include <QObject>
#include <QStringList>
#include <QTimer>

#include <memory>

class CallSequence;
class ConsoleLog;
class SocketSession;

// socketlab-cli connect: a client that connects, sends each --send with sendall, receives
// once or until the peer closes, and writes what it received to stdout.
class ConnectCommand : public QObject
{
    Q_OBJECT
public:
    explicit ConnectCommand(QObject *parent = nullptr);
    ~ConnectCommand() override;

    // As ServeCommand::start: an exit code, or -1 when the event loop must run.
    int start(const QStringList &arguments);

private:
    void connectDatagrams(const HostPortText::Parts &where, const QList<QByteArray> &messages,
                          int bufsize);
    // Ends with exit 0 when every call returned, 1 at the first failure or refusal.
    void startCalls();
    void finish(int exitCode);
    // Ends the run when a call has waited this long with nothing from the peer.
    void watchForSilence(int seconds);
    // Writes received bytes to stdout; false (and the run ends) once nobody reads them.
    bool writeOut(const QByteArray &data);

    std::unique_ptr<SocketSession> m_session;
    std::unique_ptr<ConsoleLog> m_log;
    std::unique_ptr<CallSequence> m_calls;
    QString m_clientId;
    QTimer m_silence; // how long a call may wait with nothing from the peer
    bool m_finishing = false;

    static constexpr int streamWaitS = 10;
    static constexpr int datagramWaitS = 5;
};
