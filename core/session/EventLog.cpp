// SPDX-License-Identifier: MIT
#include "session/EventLog.h"

#include "calls/SocketName.h"
#include "present/BytesFormat.h"
#include "present/EventText.h"
#include "present/PythonForm.h"

#include <algorithm>

EventLog::EventLog(QObject *parent)
    : QAbstractTableModel(parent), m_showRows([this] { showRows(); })
{
}

void EventLog::setCaps(qint64 perEventCap, qint64 totalCap)
{
    m_perEventCap = perEventCap;
    m_totalCap = totalCap;
}

void EventLog::append(const SocketEvent &event)
{
    SocketEvent stored = event;
    // Events that move no data carry bytes only for the statement's preview.
    const qint64 perEvent = event.movesData() ? m_perEventCap : PythonForm::previewBytes;
    const qint64 room = qMax<qint64>(0, qMin(perEvent, m_totalCap - m_keptBytes));
    if (stored.data.size() > room) {
        if (event.movesData())
            stored.bytesNotKept += stored.data.size() - room;
        stored.data.truncate(int(room));
        // A truncated QByteArray keeps its large buffer; copy so memory is really released.
        stored.data = QByteArray(stored.data.constData(), stored.data.size());
    }
    m_keptBytes += stored.data.size();
    m_events.append(std::move(stored));
    m_showRows.request();
}

void EventLog::showPendingRows()
{
    m_showRows.runNow();
}

void EventLog::showRows()
{
    if (m_shownRows == m_events.size())
        return;
    beginInsertRows(QModelIndex(), m_shownRows, m_events.size() - 1);
    m_callTexts.resize(m_events.size());
    m_outcomeTexts.resize(m_events.size());
    m_shownRows = m_events.size();
    endInsertRows();
}

void EventLog::dropOldest(int count)
{
    showRows(); // only rows the views know of can be removed
    count = qBound(0, count, int(m_events.size()));
    if (count == 0)
        return;
    beginRemoveRows(QModelIndex(), 0, count - 1);
    for (int i = 0; i < count; ++i)
        m_keptBytes -= m_events.at(i).data.size();
    m_events.remove(0, count);
    m_callTexts.remove(0, qMin(count, int(m_callTexts.size())));
    m_outcomeTexts.remove(0, qMin(count, int(m_outcomeTexts.size())));
    m_shownRows -= count;
    m_dropped += count;
    endRemoveRows();
}

void EventLog::clear()
{
    beginResetModel();
    m_events.clear();
    m_callTexts.clear();
    m_outcomeTexts.clear();
    m_shownRows = 0;
    m_keptBytes = 0;
    m_dropped = 0;
    endResetModel();
}

int EventLog::rowOfSeq(qint64 seq) const
{
    // Events arrive in sequence order, so the numbers are sorted.
    const auto it = std::lower_bound(m_events.cbegin(), m_events.cend(), seq,
                                     [](const SocketEvent &e, qint64 s) { return e.seq < s; });
    return it != m_events.cend() && it->seq == seq ? int(it - m_events.cbegin()) : -1;
}

int EventLog::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_shownRows;
}

int EventLog::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant EventLog::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_shownRows)
        return QVariant();
    const SocketEvent &e = m_events.at(index.row());
    switch (role) {
    case SocketRoleRole:
        return int(e.role);
    case PhaseRole:
        return int(e.phase);
    case SocketIdRole:
        return e.socketId;
    case Qt::ToolTipRole:
        if (e.error.isError() && !e.error.hint().isEmpty())
            return e.error.hint();
        // The cells cut long text at their edge; hovering shows all of it.
        if (index.column() == CallColumn || index.column() == OutcomeColumn ||
            index.column() == SourceColumn)
            return data(index, Qt::DisplayRole);
        return QVariant();
    case Qt::DisplayRole:
        break;
    default:
        return QVariant();
    }
    switch (index.column()) {
    case TimeColumn:
        return EventText::time(e.tMs);
    case SocketColumn:
        return SocketName::of(e);
    case CallColumn: {
        QString &text = m_callTexts[index.row()];
        if (text.isEmpty())
            text = PythonForm::statement(e);
        return text;
    }
    case OutcomeColumn: {
        QString &text = m_outcomeTexts[index.row()];
        if (text.isEmpty())
            text = EventText::outcome(e);
        return text;
    }
    case BytesColumn:
        return e.movesData() ? BytesFormat::count(e.byteCount) : QString();
    case SourceColumn:
        return e.source.display();
    }
    return QVariant();
}

QVariant EventLog::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QVariant();
    switch (section) {
    case TimeColumn:
        return tr("Time (ms)");
    case SocketColumn:
        return tr("Socket");
    case CallColumn:
        return tr("Call (as Python)");
    case OutcomeColumn:
        return tr("Result");
    case BytesColumn:
        return tr("Bytes");
    case SourceColumn:
        return tr("Program line");
    }
    return QVariant();
}
