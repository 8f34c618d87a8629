#include "InterfaceList.h"

#include <QNetworkInterface>

QList<InterfaceList::Entry> InterfaceList::current()
{
    QList<Entry> entries;
    for (const QNetworkInterface &nic : QNetworkInterface::allInterfaces()) {
        Entry e;
        e.name = nic.name();
        e.isUp = nic.flags().testFlag(QNetworkInterface::IsUp);
        e.isLoopback = nic.flags().testFlag(QNetworkInterface::IsLoopBack);
        for (const QNetworkAddressEntry &address : nic.addressEntries()) {
            const QHostAddress ip = address.ip();
            if (ip.protocol() == QAbstractSocket::IPv4Protocol)
                e.ipv4 << ip.toString();
            else if (ip.protocol() == QAbstractSocket::IPv6Protocol)
                e.ipv6 << ip.toString();
        }
        entries.append(e);
    }
    return entries;
}
