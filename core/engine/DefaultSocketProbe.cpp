// SPDX-License-Identifier: MIT
#include "engine/DefaultSocketProbe.h"

#include "calls/ErrnoCatalog.h"

#include <cerrno>
#include <sys/socket.h>
#include <unistd.h>

DefaultSocket DefaultSocketProbe::probe()
{
    DefaultSocket d;
    // Python's socket.socket() with no arguments: AF_INET, SOCK_STREAM, proto 0.
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0) {
        d.error = CallError::fromErrno(errno, ErrnoCatalog::hint(errno, SocketCall::Socket, {}));
        return d;
    }
    d.socket.fd = fd;
    socklen_t length = sizeof(int);
    ::getsockopt(fd, SOL_SOCKET, SO_DOMAIN, &d.socket.family, &length);
    length = sizeof(int);
    ::getsockopt(fd, SOL_SOCKET, SO_TYPE, &d.socket.type, &length);
#ifdef SO_PROTOCOL
    length = sizeof(int);
    ::getsockopt(fd, SOL_SOCKET, SO_PROTOCOL, &d.kernelProtocol, &length);
#endif
    d.socket.local = SocketAddress::localOf(fd);
    ::close(fd);
    return d;
}
