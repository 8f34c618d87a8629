// SPDX-License-Identifier: MIT
#pragma once

#include <QHash>
#include <QWidget>

class EventLog;
class QComboBox;
class QSortFilterProxyModel;
class QTableView;

// The session log: one row per event, each side in its colour, filterable by socket.
// It follows the newest row unless the user has scrolled back.
class SessionLogView : public QWidget
{
    Q_OBJECT
public:
    explicit SessionLogView(EventLog *log, QWidget *parent = nullptr);

    QTableView *table() const { return m_table; }
    // Shows only this socket's rows; empty shows every socket.
    void setSocketFilter(const QString &socketId);
    // A socket the session let go of leaves the filter's list (unless it is the one chosen);
    // its rows stay.
    void forgetSocket(const QString &socketId);
    // Selects (and scrolls to) a row of the EventLog, showing every socket if the filter
    // hides it.
    void selectLogRow(int logRow);

signals:
    // The row (in the EventLog) the user selected.
    void eventSelected(int logRow);

protected:
    void changeEvent(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void scrollToNewest();
    void updateMetrics();
    // The call column's share of the width, so that the outcome stays in view too.
    void fitColumns();
    // Rows whose outcome wraps (failures) get the height it needs: those of the table's
    // rows first to last, or every failure's row.
    void fitWrappedRows(int first, int last);
    void fitAllWrappedRows();
    void onRowsInserted(int first, int last);
    void onCurrentChanged();

    EventLog *m_log;
    QComboBox *m_filter;
    QSortFilterProxyModel *m_proxy;
    QTableView *m_table;
    bool m_follow = true;
    // The sockets the filter offers (id → the name shown), to look up without a scan.
    QHash<QString, QString> m_filterNames;
    bool m_scrollQueued = false;
    // The failures' sequence numbers, so that a new width re-measures only their rows (a
    // long session's log has a hundred thousand rows, a handful of them failures).
    QList<qint64> m_failures;
};
