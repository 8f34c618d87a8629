// SPDX-License-Identifier: MIT
#include "lookup/HostLookup.h"

#include "present/CodeLiteral.h"

#include "calls/ErrnoCatalog.h"

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
    if (port < 0 || port > 65535) {
        a.error = CallError::usage(QStringLiteral("OverflowError"),
                                   QStringLiteral("getnameinfo(): port must be 0-65535."),
                                   QStringLiteral("A port is a number from 0 to 65535."));
        return a;
    }
    // As Python does: the address goes through a numeric-only getaddrinfo first, so what
    // inet_aton accepts works ('1.2.3' is 1.2.0.3) and anything else is a gaierror.
    addrinfo hints = {};
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_DGRAM;
    hints.ai_flags = AI_NUMERICHOST;
    addrinfo *found = nullptr;
    const QByteArray host = address.toUtf8();
    const QByteArray portText = QByteArray::number(port);
    int rc = ::getaddrinfo(host.constData(), portText.constData(), &hints, &found);
    if (rc != 0) {
        a.error = CallError::fromResolver(
            rc, QString::fromLocal8Bit(gai_strerror(rc)),
            QStringLiteral("getnameinfo takes a numeric address such as 127.0.0.1 or ::1; "
                           "look a name up with gethostbyname_ex or getaddrinfo."));
        return a;
    }
    char name[NI_MAXHOST] = {};
    char service[NI_MAXSERV] = {};
    rc = ::getnameinfo(found->ai_addr, found->ai_addrlen, name, sizeof name, service,
                       sizeof service, flags);
    ::freeaddrinfo(found);
    if (rc != 0) {
        a.error = CallError::fromResolver(rc, QString::fromLocal8Bit(gai_strerror(rc)),
                                          ErrnoCatalog::resolverHint(rc, address));
        return a;
    }
    a.host = QString::fromUtf8(name);
    a.service = QString::fromUtf8(service);
    return a;
}

QString HostLookup::Answer::pythonTuple() const
{
    const auto list = [](const QStringList &items) {
        QStringList quoted;
        for (const QString &item : items)
            quoted << CodeLiteral::python(item);
        return QLatin1Char('[') + quoted.join(QStringLiteral(", ")) + QLatin1Char(']');
    };
    return QLatin1Char('(') + CodeLiteral::python(canonicalName) + QStringLiteral(", ") +
           list(aliases) + QStringLiteral(", ") + list(addresses) + QLatin1Char(')');
}
