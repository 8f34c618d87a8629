// SPDX-License-Identifier: MIT
#include "StateBadge.h"

#include "RoleColors.h"

StateBadge::StateBadge(QWidget *parent) : HeadingLabel(QString(), 1.35, parent)
{
    setAlignment(Qt::AlignCenter);
    clearState();
}

void StateBadge::setState(SocketState state)
{
    // Restyling is costly and snapshots arrive by the thousand in a flood.
    if (m_hasState && state == m_state)
        return;
    m_hasState = true;
    m_state = state;
    setText(socketStateName(state));
    setStyleRules(QStringLiteral("color: white; background: %1; border-radius: 6px; "
                                 "padding: 4px 10px;")
                      .arg(RoleColors::state(state).name()));
    setAccessibleName(tr("Socket state: %1").arg(socketStateName(state)));
}

void StateBadge::clearState()
{
    m_hasState = false;
    setText(tr("NO SOCKET"));
    setStyleRules(QStringLiteral("color: #555; background: #e4e4e4; border-radius: 6px; "
                                 "padding: 4px 10px;"));
    setAccessibleName(tr("No socket yet"));
}

QSize StateBadge::minimumSizeHint() const
{
    // Wide enough for the longest state at the current zoom, so badges do not jump.
    QSize size = HeadingLabel::minimumSizeHint();
    size.setWidth(qMax(size.width(),
                       QFontMetrics(font()).horizontalAdvance(QStringLiteral("PEER CLOSED")) + 24));
    return size;
}

QSize StateBadge::sizeHint() const
{
    return minimumSizeHint().expandedTo(HeadingLabel::sizeHint());
}
