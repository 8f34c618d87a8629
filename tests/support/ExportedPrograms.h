// SPDX-License-Identifier: MIT
#pragma once

#include "calls/SocketEvent.h"

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <QVector>

// What the export tests share: real sessions recorded over loopback, and running the
// programs exported from them (python3, a C compiler) as a student would.
namespace ExportedPrograms {
// The interpreter itself, not a shim script that would exec it (pyenv's): the strace check
// counts the program's execve calls.
QString python3();
// Runs a program to its end (at most a minute); its stdout, and its stderr in *errors.
QByteArray run(const QString &program, const QStringList &arguments, int *exitCode,
               const QString &workingDirectory = QString(), QByteArray *errors = nullptr);
bool writeFile(const QString &path, const QByteArray &content);
// Compiles a C file as the exported ones are meant to be built, warnings as errors; the
// binary's path, or empty with the compiler's words in *errors.
QString compileC(const QString &source, QByteArray *errors);
// A session that connects, sends payload both ways and closes: TCP on 127.0.0.1, or a Unix
// stream socket at unixPath. Empty when a call failed.
QVector<SocketEvent> streamSession(const QByteArray &payload, int family,
                                   const QString &unixPath = QString());
// A UDP client sends payload once to a bound server, which reads it.
QVector<SocketEvent> datagramSession(const QByteArray &payload);
} // namespace ExportedPrograms
