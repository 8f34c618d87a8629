// SPDX-License-Identifier: MIT
#include "BindQuestions.h"

#include "calls/HostPortText.h"
#include "lookup/InterfaceList.h"

#include <QMessageBox>

#include <sys/socket.h>

bool BindQuestions::ask(const Confirmer &confirmer, const QString &title,
                        const QString &message) const
{
    return confirmer ? confirmer(message)
                     : QMessageBox::question(m_parent, title, message) == QMessageBox::Yes;
}

bool BindQuestions::mayBind(int family, const QString &host, int port) const
{
    if (family == AF_UNIX || !HostPortText::isEveryAddress(host.trimmed()))
        return true;
    QStringList addresses;
    for (const InterfaceList::Entry &e : InterfaceList::current()) {
        if (!e.isLoopback && e.isUp)
            addresses << e.ipv4 << e.ipv6;
    }
    const QString message =
        tr("Binding to every address means anyone on this network can connect to port %1, "
           "not only programs on this machine.\n\nClients elsewhere can use: %2")
            .arg(port)
            .arg(addresses.isEmpty() ? tr("(no network address found)")
                                     : addresses.join(QStringLiteral(", ")));
    return ask(m_anyAddress, tr("Bind to every address?"), message);
}

bool BindQuestions::mayRemoveStaleFile(const QString &path) const
{
    const QString message =
        tr("%1 is a socket file nobody listens on, probably left by an earlier run (Python's "
           "close does not remove it).\n\nRemove it and bind again?")
            .arg(path);
    return ask(m_staleFile, tr("Remove the old socket file?"), message);
}
