#include "HostLookup.h"

#include "ErrnoCatalog.h"
#include "SocketAddress.h"

#include <arpa/inet.h>
#include <netdb.h>
#include <sys/socket.h>
#include <unistd.h>

#include <vector>

QString HostLookup::hostname()
{
    char name[256] = {};
    if (::gethostname(name, sizeof name - 1) != 0)
        return QString();
    return QString::fromLocal8Bit(name);
}

HostLookup::Answer HostLookup::byName(const QString &name)
{
    Answer a;
    hostent entry{};
    hostent *result = nullptr;
    int herr = 0;
    std::vector<char> buffer(16384);
    const QByteArray n = name.toUtf8();
    ::gethostbyname_r(n.constData(), &entry, buffer.data(), buffer.size(), &result, &herr);
    if (!result) {
        // Python reports these as socket.gaierror with EAI codes; map h_errno the same way.
        const int code = herr == TRY_AGAIN     ? EAI_AGAIN
                         : herr == NO_RECOVERY ? EAI_FAIL
                                               : EAI_NONAME;
        a.error = CallError::fromResolver(code, QString::fromLocal8Bit(gai_strerror(code)),
                                          ErrnoCatalog::resolverHint(code, name));
        return a;
    }
    a.canonicalName = QString::fromUtf8(result->h_name);
    for (char **alias = result->h_aliases; alias && *alias; ++alias)
        a.aliases << QString::fromUtf8(*alias);
    for (char **address = result->h_addr_list; address && *address; ++address) {
        char text[INET6_ADDRSTRLEN] = {};
        inet_ntop(result->h_addrtype, *address, text, sizeof text);
        a.addresses << QString::fromLatin1(text);
    }
    return a;
}

HostLookup::Answer HostLookup::nameInfo(const QString &address, int port, int flags)
{
    Answer a;
    const int family = address.contains(QLatin1Char(':')) ? AF_INET6 : AF_INET;
    sockaddr_storage storage;
    socklen_t length = 0;
    if (port < 0 || port > 65535 ||
        !SocketAddress(family, address, quint16(port)).toSockaddr(&storage, &length)) {
        a.error = CallError::usage(
            QStringLiteral("ValueError"),
            QStringLiteral("'%1' port %2 is not a numeric address and port").arg(address).arg(port),
            QStringLiteral("getnameinfo takes a numeric address such as "
                           "127.0.0.1 or ::1, and a port 0–65535."));
        return a;
    }
    char host[NI_MAXHOST] = {};
    char service[NI_MAXSERV] = {};
    const int rc = ::getnameinfo(reinterpret_cast<sockaddr *>(&storage), length, host, sizeof host,
                                 service, sizeof service, flags);
    if (rc != 0) {
        a.error = CallError::fromResolver(rc, QString::fromLocal8Bit(gai_strerror(rc)),
                                          ErrnoCatalog::resolverHint(rc, address));
        return a;
    }
    a.host = QString::fromUtf8(host);
    a.service = QString::fromUtf8(service);
    return a;
}
