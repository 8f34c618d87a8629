// SPDX-License-Identifier: MIT
#include "lookup/AddrInfoLookup.h"

#include "calls/ErrnoCatalog.h"
#include "lookup/SocketNames.h"

#include <QElapsedTimer>
#include <QRegularExpression>

#include <netdb.h>

QString AddrInfoRequest::pythonCall() const
{
    const auto quoted = [](const QString &text) {
        return text.isEmpty() ? QStringLiteral("None") : QStringLiteral("'%1'").arg(text);
    };
    bool numeric = false;
    const int port = service.toInt(&numeric);
    QString call = QStringLiteral("socket.getaddrinfo(%1, %2")
                       .arg(quoted(host), numeric ? QString::number(port) : quoted(service));
    if (family != AF_UNSPEC || type || protocol || flags) {
        call += QStringLiteral(", socket.%1, %2, %3, %4")
                    .arg(SocketNames::family(family),
                         type ? QStringLiteral("socket.") + SocketNames::type(type)
                              : QStringLiteral("0"),
                         protocol ? QStringLiteral("socket.") + SocketNames::protocol(protocol)
                                  : QStringLiteral("0"),
                         flags ? AddrInfoLookup::flagsText(flags)
                                     .split(QLatin1Char('|'))
                                     .replaceInStrings(QStringLiteral("AI_"),
                                                       QStringLiteral("socket.AI_"))
                                     .join(QStringLiteral(" | "))
                               : QStringLiteral("0"));
    }
    return call + QLatin1Char(')');
}

QString AddrInfoEntry::pythonTuple() const
{
    return QStringLiteral("(<AddressFamily.%1: %2>, <SocketKind.%3: %4>, %5, '%6', %7)")
        .arg(SocketNames::family(family))
        .arg(family)
        .arg(SocketNames::type(type))
        .arg(type)
        .arg(protocol)
        .arg(canonicalName, address.pythonTuple());
}

AddrInfoLookup::Answer AddrInfoLookup::run(const AddrInfoRequest &request)
{
    Answer answer;
    answer.request = request;
    QElapsedTimer timer;
    timer.start();
    addrinfo hints{};
    hints.ai_family = request.family;
    hints.ai_socktype = request.type;
    hints.ai_protocol = request.protocol;
    hints.ai_flags = request.flags;
    const QByteArray host = request.host.toUtf8();
    const QByteArray service = request.service.toUtf8();
    addrinfo *list = nullptr;
    const int rc = ::getaddrinfo(host.isEmpty() ? nullptr : host.constData(),
                                 service.isEmpty() ? nullptr : service.constData(), &hints, &list);
    answer.elapsedMs = double(timer.nsecsElapsed()) / 1e6;
    if (rc != 0) {
        QString hint = ErrnoCatalog::resolverHint(rc, request.host);
        if (rc == EAI_NONAME && (request.flags & AI_NUMERICHOST))
            hint = QStringLiteral("AI_NUMERICHOST is set, so the host must be a numeric address "
                                  "such as 127.0.0.1; \"%1\" would need a name lookup.")
                       .arg(request.host);
        else if (rc == EAI_NONAME && (request.flags & AI_NUMERICSERV))
            hint = QStringLiteral("AI_NUMERICSERV is set, so the service must be a port number; "
                                  "\"%1\" is a name.")
                       .arg(request.service);
        else if (rc == EAI_SERVICE || (rc == EAI_NONAME && request.host.isEmpty()))
            hint = QStringLiteral("The service \"%1\" is not in the services database for this "
                                  "socket type; try a port number.")
                       .arg(request.service);
        answer.error = CallError::fromResolver(rc, QString::fromLocal8Bit(gai_strerror(rc)), hint);
        return answer;
    }
    for (addrinfo *ai = list; ai; ai = ai->ai_next) {
        AddrInfoEntry e;
        e.family = ai->ai_family;
        e.type = ai->ai_socktype;
        e.protocol = ai->ai_protocol;
        e.canonicalName = ai->ai_canonname ? QString::fromUtf8(ai->ai_canonname) : QString();
        e.address = SocketAddress::fromSockaddr(ai->ai_addr, ai->ai_addrlen);
        answer.entries.append(e);
    }
    ::freeaddrinfo(list);
    // glibc keeps the low 16 bits of a numeric service (Python passes its number on as text,
    // so it does the same): say so, rather than let 99999 quietly become 34463.
    bool numeric = false;
    const qlonglong port = request.service.toLongLong(&numeric);
    if (numeric && port > 65535 && !answer.entries.isEmpty())
        answer.note = QStringLiteral("Port %1 does not fit in 16 bits: getaddrinfo kept only "
                                     "its low 16 bits, %2 (Python's getaddrinfo does the same).")
                          .arg(port)
                          .arg(port & 0xffff);
    return answer;
}

QList<QPair<QString, int>> AddrInfoLookup::flagNames()
{
    return {{QStringLiteral("AI_PASSIVE"), AI_PASSIVE},
            {QStringLiteral("AI_CANONNAME"), AI_CANONNAME},
            {QStringLiteral("AI_NUMERICHOST"), AI_NUMERICHOST},
            {QStringLiteral("AI_NUMERICSERV"), AI_NUMERICSERV},
            {QStringLiteral("AI_ADDRCONFIG"), AI_ADDRCONFIG},
            {QStringLiteral("AI_V4MAPPED"), AI_V4MAPPED},
            {QStringLiteral("AI_ALL"), AI_ALL}};
}

QString AddrInfoLookup::flagsText(int flags)
{
    QStringList names;
    for (const auto &flag : flagNames()) {
        if (flags & flag.second)
            names << flag.first;
    }
    return names.isEmpty() ? QStringLiteral("0") : names.join(QLatin1Char('|'));
}

bool AddrInfoLookup::parseFlags(const QString &text, int *flags, QString *unknown)
{
    *flags = 0;
    for (QString name :
         text.split(QRegularExpression(QStringLiteral("[,|]")), Qt::SkipEmptyParts)) {
        name = name.trimmed().toUpper();
        if (!name.startsWith(QLatin1String("AI_")))
            name.prepend(QLatin1String("AI_"));
        bool found = false;
        for (const auto &flag : flagNames()) {
            if (flag.first == name) {
                *flags |= flag.second;
                found = true;
            }
        }
        if (!found) {
            *unknown = name;
            return false;
        }
    }
    return true;
}
