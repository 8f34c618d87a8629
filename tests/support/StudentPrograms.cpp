// SPDX-License-Identifier: MIT
#include "StudentPrograms.h"

#include <QFile>
#include <QTemporaryDir>

namespace StudentPrograms {
QString write(const QTemporaryDir &dir, const char *name, const QByteArray &code)
{
    const QString path = dir.filePath(QString::fromLatin1(name));
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(code) != code.size())
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

QByteArray listening(quint16 port, int backlog)
{
    return "import socket, time\n"
           "server_socket = socket.socket()\n"
           "server_socket.bind(('127.0.0.1', " +
           QByteArray::number(port) + "))\nserver_socket.listen(" + QByteArray::number(backlog) +
           ")\n";
}
} // namespace StudentPrograms
