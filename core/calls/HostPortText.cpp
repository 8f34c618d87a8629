// SPDX-License-Identifier: MIT
#include "calls/HostPortText.h"

#include "calls/OptionNumber.h"

#include <sys/socket.h>

HostPortText::Parts HostPortText::parse(const QString &text)
{
    Parts p;
    QString t = text.trimmed();
    p.type = SOCK_STREAM;
    const bool unixStream = t.startsWith(QLatin1String("unix:"));
    if (unixStream || t.startsWith(QLatin1String("unix-dgram:"))) {
        p.family = AF_UNIX;
        p.type = unixStream ? SOCK_STREAM : SOCK_DGRAM;
        p.host = t.mid(t.indexOf(QLatin1Char(':')) + 1);
        if (p.host.isEmpty())
            p.error = QStringLiteral("'%1': give the socket file's path, e.g. "
                                     "unix:/tmp/socketlab.sock")
                          .arg(t);
        return p;
    }
    if (t.startsWith(QLatin1String("udp://"))) {
        p.type = SOCK_DGRAM;
        t = t.mid(6);
    } else if (t.startsWith(QLatin1String("tcp://"))) {
        t = t.mid(6);
    } else if (t.contains(QLatin1String("://"))) {
        p.error = QStringLiteral("'%1': the address kinds are HOST:PORT (TCP), "
                                 "udp://HOST:PORT, unix:PATH and unix-dgram:PATH")
                      .arg(t);
        return p;
    }
    QString portText;
    if (t.startsWith(QLatin1Char('['))) {
        const int close = t.indexOf(QStringLiteral("]:"));
        if (close < 0) {
            p.error = QStringLiteral("'%1': write an IPv6 address as [ADDRESS]:PORT, e.g. "
                                     "[::1]:50000")
                          .arg(t);
            return p;
        }
        p.host = t.mid(1, close - 1);
        portText = t.mid(close + 2);
    } else {
        const int colon = t.lastIndexOf(QLatin1Char(':'));
        if (colon < 0 || t.indexOf(QLatin1Char(':')) != colon) {
            p.error = QStringLiteral("'%1' is not HOST:PORT, e.g. 127.0.0.1:50000 or "
                                     "[::1]:50000")
                          .arg(t);
            return p;
        }
        p.host = t.left(colon);
        portText = t.mid(colon + 1);
    }
    if (!OptionNumber::parse(portText, 0, 99999, &p.port)) {
        p.error = QStringLiteral("'%1' is not a port number").arg(portText);
        return p;
    }
    p.family = p.host.contains(QLatin1Char(':')) ? AF_INET6 : AF_INET;
    return p;
}

bool HostPortText::isEveryAddress(const QString &host)
{
    const QString h = host.trimmed();
    return h.isEmpty() || h == QLatin1String("0.0.0.0") || h == QLatin1String("::") ||
           h == QLatin1String("[::]");
}
