// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>
#include <QStringList>
#include <QTimer>

#include <memory>

class ConsoleLog;
class LessonRunner;
class SocketSession;

// socketlab-cli lesson: lists the lessons, prints one, or runs one headless, printing the
// narration and every call (this is also how the built-in lessons are tested).
class LessonCommand : public QObject
{
    Q_OBJECT
public:
    explicit LessonCommand(QObject *parent = nullptr);
    ~LessonCommand() override;

    // As ServeCommand::start: an exit code, or -1 when the event loop must run.
    int start(const QStringList &arguments);

private:
    void printStep(int step);
    void finish(int exitCode);

    std::unique_ptr<SocketSession> m_session;
    std::unique_ptr<ConsoleLog> m_log;
    QTimer m_stepTimer; // --step-timeout: how long one step may run
    std::unique_ptr<LessonRunner> m_runner;
};
