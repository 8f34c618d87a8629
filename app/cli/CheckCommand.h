// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>
#include <QStringList>

#include <memory>

class ConsoleLog;
class EchoCheck;
class SocketSession;

// socketlab-cli check echo HOST:PORT: the course's echo tests against a running server, one
// line per test on stdout (and, with --calls, every call on stderr); exits 0 only when all
// pass.
class CheckCommand : public QObject
{
    Q_OBJECT
public:
    CheckCommand();
    ~CheckCommand() override;

    // As ServeCommand::start: an exit code, or -1 when the event loop must run.
    int start(const QStringList &arguments);

private:
    std::unique_ptr<SocketSession> m_session;
    std::unique_ptr<ConsoleLog> m_log;
    std::unique_ptr<EchoCheck> m_check;
};
