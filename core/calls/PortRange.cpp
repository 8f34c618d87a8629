// SPDX-License-Identifier: MIT
#include "calls/PortRange.h"

#include <QFile>

PortRange::Kind PortRange::kind(int port)
{
    if (port < 0 || port > 65535)
        return Kind::Invalid;
    if (port <= 1023)
        return Kind::WellKnown;
    if (port <= 49151)
        return Kind::Registered;
    return Kind::Dynamic;
}

QString PortRange::kindName(Kind kind)
{
    switch (kind) {
    case Kind::WellKnown:
        return tr("well-known (0–1023)");
    case Kind::Registered:
        return tr("registered (1024–49151)");
    case Kind::Dynamic:
        return tr("dynamic/ephemeral (49152–65535)");
    case Kind::Invalid:
        return tr("not a port (0–65535)");
    }
    return QString();
}

bool PortRange::ephemeralRange(int *first, int *last)
{
    QFile file(QStringLiteral("/proc/sys/net/ipv4/ip_local_port_range"));
    if (!file.open(QIODevice::ReadOnly))
        return false;
    const QList<QByteArray> parts = file.readAll().simplified().split(' ');
    if (parts.size() != 2)
        return false;
    *first = parts.at(0).toInt();
    *last = parts.at(1).toInt();
    return *first > 0 && *last >= *first;
}

QString PortRange::serverWarning(int port)
{
    if (port == 0)
        return tr("Port 0: the kernel picks a free port; the log shows which.");
    if (port > 0 && port < 1024)
        return tr("Port %1 is well-known (below 1024): binding it needs "
                  "administrator rights, so bind usually fails with EACCES.")
            .arg(port);
    int first = 0, last = 0;
    if (ephemeralRange(&first, &last) && port >= first && port <= last)
        return tr("Port %1 is in this machine's ephemeral range (%2–%3): the kernel "
                  "gives these to clients, so one may already be taken.")
            .arg(port)
            .arg(first)
            .arg(last);
    return QString();
}

QString PortRange::clientNote(int port)
{
    if (port == 0)
        return tr("Nothing listens on port 0, so connect fails.");
    if (port > 0 && port < 1024)
        return tr("Port %1 is well-known (below 1024): system services such as web "
                  "servers listen there. A server you start yourself is usually on a "
                  "higher port, like 50000.")
            .arg(port);
    int first = 0, last = 0;
    if (ephemeralRange(&first, &last) && port >= first && port <= last)
        return tr("Port %1 is in this machine's ephemeral range (%2–%3), where the "
                  "kernel numbers clients' own ends; servers rarely listen there.")
            .arg(port)
            .arg(first)
            .arg(last);
    return QString();
}
