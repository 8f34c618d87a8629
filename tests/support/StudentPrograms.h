// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QString>

class QTemporaryDir;

// Python programs as students write them, for the tests that watch or check a program of
// someone else's: written to a file, and the lines every server of the course starts with.
namespace StudentPrograms {
// Writes code to dir/name and returns its path.
QString write(const QTemporaryDir &dir, const char *name, const QByteArray &code);
// "import socket, time", then server_socket bound to 127.0.0.1:port and listening.
QByteArray listening(quint16 port, int backlog = 1);
} // namespace StudentPrograms
