#include "lookup/DefaultSocketProbe.h"

#include "calls/ErrnoCatalog.h"
#include "lookup/SocketNames.h"

#include <cerrno>
#include <sys/socket.h>
#include <unistd.h>

DefaultSocketProbe::Answer DefaultSocketProbe::probe()
{
    Answer a;
    // Python's socket.socket() with no arguments: AF_INET, SOCK_STREAM, proto 0.
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0) {
        a.error = CallError::fromErrno(errno, ErrnoCatalog::hint(errno, SocketCall::Socket, {}));
        return a;
    }
    socklen_t length = sizeof(int);
    ::getsockopt(fd, SOL_SOCKET, SO_DOMAIN, &a.family, &length);
    length = sizeof(int);
    ::getsockopt(fd, SOL_SOCKET, SO_TYPE, &a.type, &length);
#ifdef SO_PROTOCOL
    length = sizeof(int);
    ::getsockopt(fd, SOL_SOCKET, SO_PROTOCOL, &a.kernelProtocol, &length);
#endif
    a.pythonRepr = QStringLiteral("<socket.socket fd=%1, family=%2, type=%3, proto=0>")
                       .arg(fd)
                       .arg(SocketNames::family(a.family), SocketNames::type(a.type));
    ::close(fd);
    return a;
}
