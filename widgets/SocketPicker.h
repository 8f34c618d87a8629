// SPDX-License-Identifier: MIT
#pragma once

#include "calls/SocketInfo.h"

#include <QComboBox>

// Which of a pane's sockets its calls act on, when it has several: the client pane's client
// sockets, the server pane's listeners (one made in free play and one a lesson made). Each
// entry reads "client#2   CONNECTED"; a socket the kernel let go of leaves the list unless it
// is the one chosen.
class SocketPicker : public QComboBox
{
    Q_OBJECT
public:
    explicit SocketPicker(QWidget *parent = nullptr);

    // Lists the socket if new, and chooses it.
    void choose(const QString &socketId);
    // Its entry follows its state.
    void showState(const SocketInfo &info);
    void forget(const QString &socketId);

signals:
    // The user chose another socket.
    void picked(const QString &socketId);
};
