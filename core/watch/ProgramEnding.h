// SPDX-License-Identifier: MIT
#pragma once

#include <QCoreApplication>
#include <QString>

// How a watched program ended, in a student's words: "exited with status 1", "killed by
// SIGKILL", and the error a Python traceback ends with ("TypeError: a bytes-like object is
// required, not 'str' (server.py, line 12)"). Plain functions of the status and the output.
class ProgramEnding
{
    Q_DECLARE_TR_FUNCTIONS(ProgramEnding)

public:
    // status as ProgramTracer::run returns it: the exit status, 128 + a signal, or 125.
    static QString status(int status);
    // The last traceback's error line and where it was raised, or empty when the output
    // holds none.
    static QString pythonError(const QString &output);
};
