// SPDX-License-Identifier: MIT
#include "engine/UnixSocketFile.h"

#include "calls/SocketAddress.h"

#include <cerrno>
#include <cstring>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

namespace {
// ECONNREFUSED from a connect means the file is there but no socket is bound behind it.
bool answers(const QByteArray &path, int type)
{
    const int fd = ::socket(AF_UNIX, type | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return true; // cannot tell: treat as in use, so nothing is removed
    sockaddr_un un{};
    un.sun_family = AF_UNIX;
    std::memcpy(un.sun_path, path.constData(), size_t(path.size()));
    const int rc = ::connect(fd, reinterpret_cast<sockaddr *>(&un), sizeof un);
    const int error = errno;
    ::close(fd);
    if (rc == 0)
        return true;
    if (error == EPROTOTYPE)
        return type == SOCK_STREAM ? answers(path, SOCK_DGRAM) : true;
    return error != ECONNREFUSED;
}
} // namespace

UnixSocketFile::Kind UnixSocketFile::inspect(const QString &path)
{
    const QByteArray bytes = path.toLocal8Bit();
    if (bytes.isEmpty() || bytes.size() > SocketAddress::maxUnixPathBytes)
        return Kind::Missing;
    struct stat st;
    if (::lstat(bytes.constData(), &st) != 0)
        return Kind::Missing;
    if (!S_ISSOCK(st.st_mode))
        return Kind::NotASocket;
    return answers(bytes, SOCK_STREAM) ? Kind::InUse : Kind::Stale;
}

bool UnixSocketFile::removeStale(const QString &path, QString *error)
{
    switch (inspect(path)) {
    case Kind::Missing:
        return true;
    case Kind::NotASocket:
        *error = QStringLiteral("%1 is not a socket file; SocketLab leaves it alone").arg(path);
        return false;
    case Kind::InUse:
        *error = QStringLiteral("a program still listens on %1; stop it first").arg(path);
        return false;
    case Kind::Stale:
        break;
    }
    if (::unlink(path.toLocal8Bit().constData()) != 0) {
        *error = QStringLiteral("%1: %2").arg(path, QString::fromLocal8Bit(std::strerror(errno)));
        return false;
    }
    return true;
}
