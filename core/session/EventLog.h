// SPDX-License-Identifier: MIT
#pragma once

#include "calls/SocketEvent.h"
#include "present/FrameThrottle.h"

#include <QAbstractTableModel>
#include <QVector>

// The session's events, as a table for views. It bounds the bytes it stores: data beyond a
// per-event cap, or once the total cap is reached, is dropped from storage (never from the
// counts) and remembered as bytesNotKept. Its owner may drop the oldest events too
// (dropOldest), so a server that runs for days keeps a bounded history.
class EventLog : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        TimeColumn,
        SocketColumn,
        CallColumn,
        OutcomeColumn,
        BytesColumn,
        SourceColumn, // a watched program's line that made the call
        ColumnCount
    };
    enum Role
    {
        SocketRoleRole = Qt::UserRole + 1, // int(SocketRole) of the row's socket
        PhaseRole,                         // int(CallPhase)
        SocketIdRole,
    };

    static constexpr qint64 defaultPerEventCap = 64 * 1024;
    static constexpr qint64 defaultTotalCap = 64 * 1024 * 1024;

    explicit EventLog(QObject *parent = nullptr);

    void setCaps(qint64 perEventCap, qint64 totalCap);
    qint64 keptBytes() const { return m_keptBytes; }

    // Stored at once (count(), event()); views hear of new rows together, about once a
    // frame (see FrameThrottle), or at showPendingRows().
    void append(const SocketEvent &event);
    void clear();
    // Forgets the oldest count events (their rows leave the views); droppedEvents() counts
    // them until clear().
    void dropOldest(int count);
    qint64 droppedEvents() const { return m_dropped; }
    // Tells the views now of the rows appended since they last heard.
    void showPendingRows();
    int count() const { return m_events.size(); }
    const SocketEvent &event(int row) const { return m_events.at(row); }
    const QVector<SocketEvent> &events() const { return m_events; }
    // The row holding the event with this sequence number, or -1.
    int rowOfSeq(qint64 seq) const;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    void showRows();

    QVector<SocketEvent> m_events;
    // The rows the views know of. A flood appends thousands of events a second; telling the
    // views (and the log's filter) of each one on its own cost more than painting them.
    int m_shownRows = 0;
    FrameThrottle m_showRows;
    // The call and result texts of the rows painted so far: painting asks for them again and
    // again, and the Python form of a send is not cheap. Empty until first asked for.
    mutable QVector<QString> m_callTexts;
    mutable QVector<QString> m_outcomeTexts;
    qint64 m_perEventCap = defaultPerEventCap;
    qint64 m_totalCap = defaultTotalCap;
    qint64 m_keptBytes = 0;
    qint64 m_dropped = 0;
};
