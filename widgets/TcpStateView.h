// SPDX-License-Identifier: MIT
#pragma once

#include "calls/SocketInfo.h"
#include "present/TcpStateLayout.h"

#include <QHash>
#include <QWidget>

// RFC 793's TCP state diagram with the selected socket's kernel state highlighted and the
// transition it just took drawn in colour.
class TcpStateView : public QWidget
{
    Q_OBJECT
public:
    QSize minimumSizeHint() const override;
    explicit TcpStateView(QWidget *parent = nullptr);

    // Follows this socket; call again whenever its snapshot changes.
    void showSocket(const SocketInfo &info);
    // A socket the session let go of (see SocketForgotten): its last state goes too.
    void forgetSocket(const QString &id);
    QString socketId() const { return m_socketId; }
    int currentState() const { return m_current; }
    int lastTransition() const { return m_transition; }
    // Where everything goes at the view's present size and font.
    TcpStateLayout layout() const;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QFont labelFont() const;
    TcpStateLayout::Metrics metrics() const;

    QString m_socketId;
    QString m_socketName;
    int m_current = -1;              // -1: nothing to show
    int m_transition = -1;           // index into TcpStateMachine::transitions()
    QHash<QString, int> m_lastState; // per socket, to find the transition taken
};
