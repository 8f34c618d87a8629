// SPDX-License-Identifier: MIT
#include "calls/ProcNetTable.h"

#include <arpa/inet.h>
#include <netinet/in.h>

#include <cstring>

QByteArray ProcNetTable::addressText(const SocketAddress &address)
{
    unsigned char raw[16] = {};
    const bool ipv6 = address.family() == AF_INET6;
    if (inet_pton(ipv6 ? AF_INET6 : AF_INET, address.host().toLatin1().constData(), raw) != 1)
        return QByteArray();
    QByteArray text;
    for (int w = 0; w < (ipv6 ? 4 : 1); ++w) {
        quint32 word;
        memcpy(&word, raw + w * 4, 4);
        text += QByteArray::number(word, 16).toUpper().rightJustified(8, '0');
    }
    return text + ':' + QByteArray::number(address.port(), 16).toUpper().rightJustified(4, '0');
}

SocketAddress ProcNetTable::address(QByteArrayView text, bool ipv6)
{
    const qsizetype colon = text.indexOf(':');
    const int words = ipv6 ? 4 : 1;
    if (colon != words * 8)
        return SocketAddress();
    unsigned char raw[16] = {};
    for (int w = 0; w < words; ++w) {
        bool ok = false;
        const quint32 word = text.sliced(w * 8, 8).toByteArray().toUInt(&ok, 16);
        if (!ok)
            return SocketAddress();
        memcpy(raw + w * 4, &word, 4);
    }
    bool ok = false;
    const uint port = text.sliced(colon + 1).toByteArray().toUInt(&ok, 16);
    char host[INET6_ADDRSTRLEN] = {};
    if (!ok || port > 65535 || !inet_ntop(ipv6 ? AF_INET6 : AF_INET, raw, host, sizeof host))
        return SocketAddress();
    return SocketAddress(ipv6 ? AF_INET6 : AF_INET, QString::fromLatin1(host), quint16(port));
}

QByteArrayView ProcNetTable::field(QByteArrayView line, int n)
{
    qsizetype i = 0;
    for (int f = 0;; ++f) {
        while (i < line.size() && line.at(i) == ' ')
            ++i;
        qsizetype end = i;
        while (end < line.size() && line.at(end) != ' ' && line.at(end) != '\n')
            ++end;
        if (f == n || end == i)
            return line.sliced(i, end - i);
        i = end;
    }
}
