// SPDX-License-Identifier: MIT
#pragma once

#include "trace/CodeGenerator.h"

#include <QObject>
#include <QStringList>

class EventLog;
class QMainWindow;

// File → Save Session and File → Export Session as Scripts: writes what the session log
// holds as a trace (JSON Lines) or as runnable Python and C programs, asking where first
// and saying on the status bar what was written.
class SessionExporter : public QObject
{
    Q_OBJECT
public:
    SessionExporter(const EventLog *log, QMainWindow *window);

    bool writeTrace(const QString &path, QString *error) const;
    // server.py/client.py and server.c/client.c for the sides the session has; nothing
    // when one of them exists, unless replacing was agreed.
    bool writeScripts(const QString &directory, CodeGenerator::Existing existing,
                      QStringList *written, QString *error) const;

    void chooseTraceFile();
    void chooseScriptDirectory();

private:
    const EventLog *m_log;
    QMainWindow *m_window;
};
