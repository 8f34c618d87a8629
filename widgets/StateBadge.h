// SPDX-License-Identifier: MIT
#pragma once

#include "calls/SocketState.h"

#include "HeadingLabel.h"

// A socket's state in large white letters on a coloured block, readable from the back row.
class StateBadge : public HeadingLabel
{
    Q_OBJECT
public:
    explicit StateBadge(QWidget *parent = nullptr);
    void setState(SocketState state);
    void clearState(); // no socket yet
    QSize minimumSizeHint() const override;
    QSize sizeHint() const override;

private:
    SocketState m_state = SocketState::Created;
    bool m_hasState = false;
};
