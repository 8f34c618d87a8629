// SPDX-License-Identifier: MIT
#include "calls/KernelSample.h"

QString KernelSample::stateName() const
{
    return isAvailable() && state >= 0 ? stateName(state) : QString();
}

QString KernelSample::stateName(int state)
{
    // The numbering of Linux's include/net/tcp_states.h, which /proc/net/tcp also uses.
    switch (state) {
    case 0:
        return QStringLiteral("gone");
    case 1:
        return QStringLiteral("ESTABLISHED");
    case 2:
        return QStringLiteral("SYN_SENT");
    case 3:
        return QStringLiteral("SYN_RECV");
    case 4:
        return QStringLiteral("FIN_WAIT1");
    case 5:
        return QStringLiteral("FIN_WAIT2");
    case 6:
        return QStringLiteral("TIME_WAIT");
    case 7:
        return QStringLiteral("CLOSE");
    case 8:
        return QStringLiteral("CLOSE_WAIT");
    case 9:
        return QStringLiteral("LAST_ACK");
    case 10:
        return QStringLiteral("LISTEN");
    case 11:
        return QStringLiteral("CLOSING");
    }
    return QStringLiteral("state %1").arg(state);
}

bool KernelSample::operator==(const KernelSample &o) const
{
    return source == o.source && state == o.state && receiveQueue == o.receiveQueue &&
           sendQueue == o.sendQueue && acceptQueue == o.acceptQueue && backlog == o.backlog;
}
