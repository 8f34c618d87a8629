// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QProcess>
#include <QString>
#include <QStringList>

// Running socketlab-cli (or any peer program) from a test.
class CliProcess
{
public:
    // Starts `program serve --bind 127.0.0.1:0 extra…` and returns the port it prints
    // ("serving echo on 127.0.0.1:PORT"), or 0 when none comes within 5 s.
    static quint16 startServe(QProcess &serve, const QString &program, const QStringList &extra);
    // Runs program with input on its stdin, up to 30 s; its stdout, and its exit code (-1 when
    // it crashed or was killed) and stderr when asked.
    static QString run(const QString &program, const QStringList &args, const QByteArray &input,
                       int *exitCode, QByteArray *stderrOut = nullptr);
};
