// SPDX-License-Identifier: MIT
#include "StaleSocketFile.h"

#include <QByteArray>

#include <cstring>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

bool StaleSocketFile::make(const QString &path)
{
    const QByteArray bytes = path.toLocal8Bit();
    sockaddr_un un{};
    if (bytes.size() >= qsizetype(sizeof un.sun_path))
        return false;
    un.sun_family = AF_UNIX;
    std::memcpy(un.sun_path, bytes.constData(), size_t(bytes.size()));
    const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
    if (fd < 0)
        return false;
    const bool bound = ::bind(fd, reinterpret_cast<sockaddr *>(&un), sizeof un) == 0;
    ::close(fd);
    return bound;
}
