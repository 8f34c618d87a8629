// SPDX-License-Identifier: MIT
#include "lookup/ServiceLookup.h"

#include <QMutex>
#include <QMutexLocker>

#include <netdb.h>
#include <netinet/in.h>

namespace {
ServiceLookup::Entry fromServent(const servent *s)
{
    ServiceLookup::Entry e;
    e.name = QString::fromLatin1(s->s_name);
    e.port = ntohs(quint16(s->s_port));
    e.protocol = QString::fromLatin1(s->s_proto);
    for (char **alias = s->s_aliases; alias && *alias; ++alias)
        e.aliases << QString::fromLatin1(*alias);
    return e;
}

ServiceLookup::Answer notFound(const QString &what)
{
    ServiceLookup::Answer a;
    a.error = CallError::usage(QStringLiteral("OSError"), QStringLiteral("%1 not found").arg(what),
                               QStringLiteral("The services database (/etc/services) has no such "
                                              "entry; check the name, the port and the protocol "
                                              "(tcp or udp)."));
    return a;
}
} // namespace

ServiceLookup::Answer ServiceLookup::byName(const QString &name, const QString &protocol)
{
    servent entry{};
    servent *result = nullptr;
    char buffer[4096];
    const QByteArray n = name.toLatin1();
    const QByteArray p = protocol.toLatin1();
    ::getservbyname_r(n.constData(), p.isEmpty() ? nullptr : p.constData(), &entry, buffer,
                      sizeof buffer, &result);
    if (!result)
        return notFound(QStringLiteral("service/proto"));
    Answer a;
    a.entries << fromServent(result);
    return a;
}

ServiceLookup::Answer ServiceLookup::byPort(int port, const QString &protocol)
{
    if (port < 0 || port > 65535) {
        Answer a;
        a.error = CallError::usage(QStringLiteral("OverflowError"),
                                   QStringLiteral("getservbyport: port must be 0-65535."),
                                   QStringLiteral("Ports are 16-bit numbers."));
        return a;
    }
    servent entry{};
    servent *result = nullptr;
    char buffer[4096];
    const QByteArray p = protocol.toLatin1();
    ::getservbyport_r(int(htons(quint16(port))), p.isEmpty() ? nullptr : p.constData(), &entry,
                      buffer, sizeof buffer, &result);
    if (!result)
        return notFound(QStringLiteral("port/proto"));
    Answer a;
    a.entries << fromServent(result);
    return a;
}

ServiceLookup::Answer ServiceLookup::all()
{
    // setservent/getservent share one cursor per process: one reader at a time.
    static QMutex mutex;
    QMutexLocker lock(&mutex);
    Answer a;
    ::setservent(0);
    while (const servent *s = ::getservent())
        a.entries << fromServent(s);
    ::endservent();
    return a;
}
