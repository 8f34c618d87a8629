// SPDX-License-Identifier: MIT
#include "calls/ErrnoCatalog.h"

#include <netdb.h>

#include <cerrno>
#include <iterator>

namespace {
struct NamedValue
{
    int value;
    const char *name;
};

#define SOCKETLAB_NAMED(x) {x, #x},
// Only names this system defines; where two share a number the first listed wins.
const NamedValue errnoNames[] = {
#ifdef EACCES
    SOCKETLAB_NAMED(EACCES)
#endif
#ifdef EADDRINUSE
        SOCKETLAB_NAMED(EADDRINUSE)
#endif
#ifdef EADDRNOTAVAIL
            SOCKETLAB_NAMED(EADDRNOTAVAIL)
#endif
#ifdef EAFNOSUPPORT
                SOCKETLAB_NAMED(EAFNOSUPPORT)
#endif
#ifdef EAGAIN
                    SOCKETLAB_NAMED(EAGAIN)
#endif
#ifdef EALREADY
                        SOCKETLAB_NAMED(EALREADY)
#endif
#ifdef EBADF
                            SOCKETLAB_NAMED(EBADF)
#endif
#ifdef ECONNABORTED
                                SOCKETLAB_NAMED(ECONNABORTED)
#endif
#ifdef ECONNREFUSED
                                    SOCKETLAB_NAMED(ECONNREFUSED)
#endif
#ifdef ECONNRESET
                                        SOCKETLAB_NAMED(ECONNRESET)
#endif
#ifdef EDESTADDRREQ
                                            SOCKETLAB_NAMED(EDESTADDRREQ)
#endif
#ifdef EFAULT
                                                SOCKETLAB_NAMED(EFAULT)
#endif
#ifdef EHOSTDOWN
                                                    SOCKETLAB_NAMED(EHOSTDOWN)
#endif
#ifdef EHOSTUNREACH
                                                        SOCKETLAB_NAMED(EHOSTUNREACH)
#endif
#ifdef EINPROGRESS
                                                            SOCKETLAB_NAMED(EINPROGRESS)
#endif
#ifdef EINTR
                                                                SOCKETLAB_NAMED(EINTR)
#endif
#ifdef EINVAL
                                                                    SOCKETLAB_NAMED(EINVAL)
#endif
#ifdef EIO
                                                                        SOCKETLAB_NAMED(EIO)
#endif
#ifdef EISCONN
                                                                            SOCKETLAB_NAMED(EISCONN)
#endif
#ifdef EMFILE
                                                                                SOCKETLAB_NAMED(
                                                                                    EMFILE)
#endif
#ifdef EMSGSIZE
                                                                                    SOCKETLAB_NAMED(
                                                                                        EMSGSIZE)
#endif
#ifdef ENETDOWN
                                                                                        SOCKETLAB_NAMED(
                                                                                            ENETDOWN)
#endif
#ifdef ENETRESET
                                                                                            SOCKETLAB_NAMED(
                                                                                                ENETRESET)
#endif
#ifdef ENETUNREACH
                                                                                                SOCKETLAB_NAMED(
                                                                                                    ENETUNREACH)
#endif
#ifdef ENFILE
                                                                                                    SOCKETLAB_NAMED(
                                                                                                        ENFILE)
#endif
#ifdef ENOBUFS
                                                                                                        SOCKETLAB_NAMED(
                                                                                                            ENOBUFS)
#endif
#ifdef ENOENT
                                                                                                            SOCKETLAB_NAMED(
                                                                                                                ENOENT)
#endif
#ifdef ENOMEM
                                                                                                                SOCKETLAB_NAMED(
                                                                                                                    ENOMEM)
#endif
#ifdef ENOPROTOOPT
                                                                                                                    SOCKETLAB_NAMED(
                                                                                                                        ENOPROTOOPT)
#endif
#ifdef ENOTCONN
                                                                                                                        SOCKETLAB_NAMED(
                                                                                                                            ENOTCONN)
#endif
#ifdef ENOTSOCK
                                                                                                                            SOCKETLAB_NAMED(
                                                                                                                                ENOTSOCK)
#endif
#ifdef EOPNOTSUPP
                                                                                                                                SOCKETLAB_NAMED(
                                                                                                                                    EOPNOTSUPP)
#endif
#ifdef EPERM
                                                                                                                                    SOCKETLAB_NAMED(
                                                                                                                                        EPERM)
#endif
#ifdef EPIPE
                                                                                                                                        SOCKETLAB_NAMED(
                                                                                                                                            EPIPE)
#endif
#ifdef EPROTONOSUPPORT
                                                                                                                                            SOCKETLAB_NAMED(
                                                                                                                                                EPROTONOSUPPORT)
#endif
#ifdef EPROTOTYPE
                                                                                                                                                SOCKETLAB_NAMED(
                                                                                                                                                    EPROTOTYPE)
#endif
#ifdef ESHUTDOWN
                                                                                                                                                    SOCKETLAB_NAMED(
                                                                                                                                                        ESHUTDOWN)
#endif
#ifdef ESOCKTNOSUPPORT
                                                                                                                                                        SOCKETLAB_NAMED(
                                                                                                                                                            ESOCKTNOSUPPORT)
#endif
#ifdef ETIMEDOUT
                                                                                                                                                            SOCKETLAB_NAMED(
                                                                                                                                                                ETIMEDOUT)
#endif
};

const NamedValue resolverNames[] = {
#ifdef EAI_ADDRFAMILY
    SOCKETLAB_NAMED(EAI_ADDRFAMILY)
#endif
#ifdef EAI_AGAIN
        SOCKETLAB_NAMED(EAI_AGAIN)
#endif
#ifdef EAI_BADFLAGS
            SOCKETLAB_NAMED(EAI_BADFLAGS)
#endif
#ifdef EAI_FAIL
                SOCKETLAB_NAMED(EAI_FAIL)
#endif
#ifdef EAI_FAMILY
                    SOCKETLAB_NAMED(EAI_FAMILY)
#endif
#ifdef EAI_MEMORY
                        SOCKETLAB_NAMED(EAI_MEMORY)
#endif
#ifdef EAI_NODATA
                            SOCKETLAB_NAMED(EAI_NODATA)
#endif
#ifdef EAI_NONAME
                                SOCKETLAB_NAMED(EAI_NONAME)
#endif
#ifdef EAI_SERVICE
                                    SOCKETLAB_NAMED(EAI_SERVICE)
#endif
#ifdef EAI_SOCKTYPE
                                        SOCKETLAB_NAMED(EAI_SOCKTYPE)
#endif
#ifdef EAI_SYSTEM
                                            SOCKETLAB_NAMED(EAI_SYSTEM)
#endif
};
#undef SOCKETLAB_NAMED

template <typename Table> QString lookup(const Table &table, int value, const char *fallbackPrefix)
{
    for (const NamedValue &entry : table) {
        if (entry.value == value)
            return QString::fromLatin1(entry.name);
    }
    return QStringLiteral("%1%2").arg(QLatin1String(fallbackPrefix)).arg(value);
}

QString at(const QString &address)
{
    return address.isEmpty() ? ErrnoCatalog::tr("that address") : address;
}
} // namespace

QString ErrnoCatalog::name(int error)
{
    return lookup(errnoNames, error, "errno ");
}

QString ErrnoCatalog::resolverName(int code)
{
    return lookup(resolverNames, code, "EAI ");
}

QString ErrnoCatalog::hint(int error, SocketCall call, const QString &address)
{
    switch (error) {
    case EADDRINUSE:
        if (address.startsWith(QLatin1String("unix:")))
            return tr("A file already exists at %1, probably the socket file of an "
                      "earlier run that did not remove it (close does not delete "
                      "it in Python). If no server uses it, remove it (rm, or "
                      "os.unlink) and bind again, or choose another path.")
                .arg(address.mid(5));
        return tr("Another socket already holds %1 — an earlier server, maybe one "
                  "in TIME_WAIT. Set SO_REUSEADDR before bind (on Linux the earlier "
                  "server must have set it too), or pick another port.")
            .arg(at(address));
    case EADDRNOTAVAIL:
        return tr("%1 is not an address of this machine. Bind to 127.0.0.1, to "
                  "0.0.0.0 (every interface), or to one of this machine's addresses.")
            .arg(at(address));
    case EACCES:
        if (call == SocketCall::Bind && address.startsWith(QLatin1String("unix:")))
            return tr("A Unix socket is a file, and you may not create files in that folder. "
                      "Choose a folder you can write to, such as /tmp.");
        if (call == SocketCall::Connect && address.startsWith(QLatin1String("unix:")))
            return tr("You may not open that socket file (or a folder on its path). Ask its "
                      "owner, or use a socket in a folder of yours.");
        if (call == SocketCall::Bind)
            return tr("Ports below 1024 are reserved for the administrator. Use a "
                      "higher port, such as 50000.");
        return tr("The system does not allow this for your user.");
    case ECONNREFUSED:
        return tr("Nothing is listening on %1. Start the server first (bind, then "
                  "listen), and check the host and port.")
            .arg(at(address));
    case ECONNRESET:
        return tr("The peer reset the connection: it went away abruptly (closed with "
                  "unread data, or with SO_LINGER 0). Close this socket.");
    case EPIPE:
        return tr("The connection can no longer carry data from this side: the peer "
                  "has closed it, or this side shut down writing. Close this socket.");
    case ENOTCONN:
        return tr("This socket is not connected. A client calls connect first; a "
                  "server talks through the socket accept returned, not the "
                  "listener.");
    case EISCONN:
        return tr("This socket is already connected; a socket connects only once.");
    case EINVAL:
        if (call == SocketCall::Accept)
            return tr("accept needs a listening socket: call bind and listen "
                      "first.");
        if (call == SocketCall::Bind)
            return tr("This socket is already bound; a socket is bound only once.");
        return tr("The kernel found an argument invalid for this socket in its "
                  "current state.");
    case EBADF:
        return tr("The socket is closed, so its file descriptor no longer exists. "
                  "Create a new socket.");
    case EAFNOSUPPORT:
        return tr("The address family does not match this socket's family "
                  "(IPv4 vs IPv6).");
    case EOPNOTSUPP:
        return tr("This call does not apply to this kind of socket.");
    case EPROTONOSUPPORT:
    case EPROTOTYPE:
        return tr("That protocol does not fit this family and type (for example "
                  "IPPROTO_UDP with SOCK_STREAM).");
    case ETIMEDOUT:
        return tr("The peer did not answer in time. Check that %1 is reachable.").arg(at(address));
    case ENETUNREACH:
    case EHOSTUNREACH:
        return tr("This machine has no route to %1.").arg(at(address));
    case EMFILE:
    case ENFILE:
        return tr("Too many open files: close sockets you no longer need.");
    case EALREADY:
        return tr("A connect on this socket is already under way.");
    case ECONNABORTED:
        return tr("A connection was aborted before accept could take it.");
    case EPERM:
        return tr("The system does not permit this operation for your user.");
    }
    return tr("See the manual page: man 2 %1.").arg(socketCallName(call));
}

QString ErrnoCatalog::resolverHint(int code, const QString &host)
{
    switch (code) {
    case EAI_NONAME:
        return tr("No such host \"%1\", or no network to ask. Check the spelling, "
                  "or use a numeric address such as 127.0.0.1.")
            .arg(host);
    case EAI_AGAIN:
        return tr("The name server did not answer for \"%1\"; try again, or use a "
                  "numeric address.")
            .arg(host);
#ifdef EAI_ADDRFAMILY
    case EAI_ADDRFAMILY:
#endif
    case EAI_FAMILY:
        return tr("\"%1\" has no address in this socket's family (IPv4 vs IPv6).").arg(host);
    }
    return tr("The name \"%1\" could not be resolved.").arg(host);
}
