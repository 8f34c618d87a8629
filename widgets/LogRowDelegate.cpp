#include "LogRowDelegate.h"

#include "CallPhase.h"
#include "EventLog.h"
#include "RoleColors.h"

void LogRowDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    const auto role = SocketRole(index.data(EventLog::SocketRoleRole).toInt());
    const auto phase = CallPhase(index.data(EventLog::PhaseRole).toInt());
    option->backgroundBrush = RoleColors::tint(role);
    if (index.column() == EventLog::SocketColumn) {
        option->palette.setColor(QPalette::Text, RoleColors::strong(role));
        option->font.setBold(true);
    } else if (phase == CallPhase::Failed && index.column() == EventLog::OutcomeColumn) {
        option->palette.setColor(QPalette::Text, RoleColors::errorText());
        option->font.setBold(true);
    } else if (phase == CallPhase::Started || phase == CallPhase::Blocked) {
        option->palette.setColor(QPalette::Text, RoleColors::mutedText());
    }
}
