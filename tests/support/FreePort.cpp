// SPDX-License-Identifier: MIT
#include "FreePort.h"

#include <QTcpServer>

quint16 freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}
