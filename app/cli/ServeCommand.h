// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>
#include <QStringList>

#include <memory>

class AutoServer;
class ConsoleLog;
class SocketSession;
class UnixSignalWatcher;

// socketlab-cli serve: a listening server that serves clients in a ServerMode until
// --max-clients have been served or SIGINT/SIGTERM arrives.
class ServeCommand : public QObject
{
    Q_OBJECT
public:
    explicit ServeCommand(QObject *parent = nullptr);
    ~ServeCommand() override;

    // Parses arguments (after the word "serve") and starts; returns an exit code when it
    // is already done (help, bad arguments), or -1 when the event loop must run.
    int start(const QStringList &arguments);

private:
    void finish(int exitCode);

    std::unique_ptr<SocketSession> m_session;
    std::unique_ptr<ConsoleLog> m_log;
    std::unique_ptr<AutoServer> m_server;
    std::unique_ptr<UnixSignalWatcher> m_signals;
    QString m_lastNote;
};
