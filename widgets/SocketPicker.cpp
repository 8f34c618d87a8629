// SPDX-License-Identifier: MIT
#include "SocketPicker.h"

#include "calls/SocketName.h"

SocketPicker::SocketPicker(QWidget *parent) : QComboBox(parent)
{
    // As wide as its longest entry ("client_socket_2   CONNECTED"): the row it is in wraps.
    setSizeAdjustPolicy(QComboBox::AdjustToContents);
    connect(this, &QComboBox::activated, this,
            [this](int index) { emit picked(itemData(index).toString()); });
}

void SocketPicker::choose(const QString &socketId)
{
    if (findData(socketId) < 0)
        addItem(socketId, socketId);
    setCurrentIndex(findData(socketId));
}

void SocketPicker::showState(const SocketInfo &info)
{
    const int index = findData(info.id);
    if (index >= 0)
        setItemText(index, QStringLiteral("%1   %2").arg(SocketName::of(info),
                                                         socketStateName(info.state)));
}

void SocketPicker::forget(const QString &socketId)
{
    const int index = findData(socketId);
    if (index >= 0 && index != currentIndex())
        removeItem(index);
}
