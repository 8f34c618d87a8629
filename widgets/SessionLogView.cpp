// SPDX-License-Identifier: MIT
#include "SessionLogView.h"

#include "LogRowDelegate.h"
#include "calls/SocketName.h"
#include "session/EventLog.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QRegularExpression>
#include <QScrollBar>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

SessionLogView::SessionLogView(EventLog *log, QWidget *parent)
    : QWidget(parent), m_log(log), m_filter(new QComboBox(this)),
      m_proxy(new QSortFilterProxyModel(this)), m_table(new QTableView(this))
{
    m_table->setObjectName(QStringLiteral("log.table"));
    m_filter->setObjectName(QStringLiteral("log.filter"));
    m_proxy->setSourceModel(log);
    m_proxy->setFilterRole(EventLog::SocketIdRole);
    m_table->setModel(m_proxy);
    m_table->setItemDelegate(new LogRowDelegate(m_table));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    // Tab leaves the table (arrow keys move within it), so keyboard users are not trapped.
    m_table->setTabKeyNavigation(false);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setWordWrap(false);
    // Long calls are cut at the cell's edge (the full text is in the tooltip and the code
    // view): eliding them with "…" measures every cell's text again at every repaint.
    m_table->setTextElideMode(Qt::ElideNone);
    m_table->verticalHeader()->hide();
    m_table->setShowGrid(false);
    m_table->horizontalHeader()->setSectionResizeMode(EventLog::CallColumn,
                                                      QHeaderView::Interactive);
    m_table->horizontalHeader()->setStretchLastSection(false);
    m_table->horizontalHeader()->setSectionResizeMode(EventLog::OutcomeColumn,
                                                      QHeaderView::Stretch);
    // Shown once a watched program's call comes with its line.
    m_table->setColumnHidden(EventLog::SourceColumn, true);
    updateMetrics();
    m_table->setAccessibleName(tr("Session log"));

    m_filter->addItem(tr("All sockets"), QString());
    m_filter->setToolTip(tr("Show only one socket's events"));
    auto *top = new QHBoxLayout;
    auto *title = new QLabel(tr("Session log"), this);
    QFont bold; // only the weight: the size follows the zoom
    bold.setBold(true);
    title->setFont(bold);
    top->addWidget(title);
    top->addStretch(1);
    top->addWidget(new QLabel(tr("Show"), this));
    top->addWidget(m_filter);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addWidget(m_table, 1);

    connect(m_filter, &QComboBox::currentIndexChanged, this,
            [this] { setSocketFilter(m_filter->currentData().toString()); });
    connect(log, &QAbstractItemModel::rowsInserted, this,
            [this](const QModelIndex &, int first, int last) { onRowsInserted(first, last); });
    connect(log, &QAbstractItemModel::modelReset, this, [this] {
        while (m_filter->count() > 1)
            m_filter->removeItem(1);
        m_filterNames.clear();
        m_failures.clear();
        m_table->setColumnHidden(EventLog::SourceColumn, true);
        fitColumns();
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &SessionLogView::onCurrentChanged);
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this,
            [this](const QModelIndex &, int first, int last) { fitWrappedRows(first, last); });
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, &SessionLogView::fitAllWrappedRows);
    connect(m_table->horizontalHeader(), &QHeaderView::sectionResized, this,
            [this](int section, int oldSize, int newSize) {
                if (section == EventLog::OutcomeColumn && oldSize != newSize)
                    fitAllWrappedRows();
            });
    m_table->viewport()->installEventFilter(this);
    connect(m_table->verticalScrollBar(), &QScrollBar::valueChanged, this,
            [this](int value) { m_follow = value == m_table->verticalScrollBar()->maximum(); });
}

void SessionLogView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::FontChange)
        updateMetrics();
    QWidget::changeEvent(event);
}

void SessionLogView::updateMetrics()
{
    const QFontMetrics fm(m_table->font());
    m_table->setColumnWidth(EventLog::TimeColumn,
                            fm.horizontalAdvance(QStringLiteral("000000.000")) + 12);
    QFont bold = m_table->font(); // socket names are bold
    bold.setBold(true);
    m_table->setColumnWidth(
        EventLog::SocketColumn,
        QFontMetrics(bold).horizontalAdvance(QStringLiteral("client_socket_10")) + 12);
    m_table->setColumnWidth(EventLog::BytesColumn,
                            fm.horizontalAdvance(QStringLiteral("10,000,000")) + 12);
    m_table->verticalHeader()->setDefaultSectionSize(fm.height() + 8);
    fitColumns();
}

bool SessionLogView::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_table->viewport() && event->type() == QEvent::Resize)
        fitColumns();
    return QWidget::eventFilter(watched, event);
}

void SessionLogView::fitColumns()
{
    // Wide enough for a typical call, but never so wide that the outcome is pushed out of
    // view: in a 1024-pixel window the log is about 650 pixels wide.
    const int em = QFontMetrics(m_table->font()).horizontalAdvance(QLatin1Char('m'));
    // Every call names its socket (server_socket.listen(1)): in a narrow log the socket
    // column only takes room from the call and its outcome.
    const bool narrow = m_table->viewport()->width() < 64 * em;
    m_table->setColumnHidden(EventLog::SocketColumn, narrow);
    // A watched program's line: in a narrow log its file and number (the text is in the
    // tooltip), in a wide one the text too.
    const int lineWidth =
        m_table->isColumnHidden(EventLog::SourceColumn) ? 0 : (narrow ? 8 : 22) * em;
    if (lineWidth > 0)
        m_table->setColumnWidth(EventLog::SourceColumn, lineWidth);
    const int fixed = m_table->columnWidth(EventLog::TimeColumn) +
                      (narrow ? 0 : m_table->columnWidth(EventLog::SocketColumn)) +
                      m_table->columnWidth(EventLog::BytesColumn) + lineWidth;
    const int rest = m_table->viewport()->width() - fixed;
    m_table->setColumnWidth(EventLog::CallColumn, qBound(10 * em, rest * 11 / 20, 26 * em));
}

void SessionLogView::fitWrappedRows(int first, int last)
{
    for (int row = first; row <= last; ++row) {
        if (LogRowDelegate::wraps(m_proxy->index(row, EventLog::OutcomeColumn)))
            m_table->resizeRowToContents(row);
    }
}

void SessionLogView::fitAllWrappedRows()
{
    QList<qint64> kept;
    for (const qint64 seq : std::as_const(m_failures)) {
        const int logRow = m_log->rowOfSeq(seq);
        if (logRow < 0)
            continue; // trimmed from the log
        kept << seq;
        const QModelIndex index = m_proxy->mapFromSource(m_log->index(logRow, 0));
        if (index.isValid())
            m_table->resizeRowToContents(index.row());
    }
    m_failures = kept;
}

void SessionLogView::setSocketFilter(const QString &socketId)
{
    m_proxy->setFilterRegularExpression(
        socketId.isEmpty() ? QRegularExpression()
                           : QRegularExpression(QRegularExpression::anchoredPattern(
                                 QRegularExpression::escape(socketId))));
    const int index = m_filter->findData(socketId);
    if (index >= 0 && index != m_filter->currentIndex())
        m_filter->setCurrentIndex(index);
}

void SessionLogView::forgetSocket(const QString &socketId)
{
    const int index = m_filter->findData(socketId);
    if (index <= 0 || index == m_filter->currentIndex())
        return;
    m_filter->removeItem(index);
    m_filterNames.remove(socketId);
}

void SessionLogView::selectLogRow(int logRow)
{
    m_log->showPendingRows();
    QModelIndex index = m_proxy->mapFromSource(m_log->index(logRow, 0));
    if (!index.isValid()) {
        setSocketFilter(QString());
        index = m_proxy->mapFromSource(m_log->index(logRow, 0));
    }
    if (!index.isValid())
        return;
    m_table->setCurrentIndex(index);
    m_table->scrollTo(index);
}

void SessionLogView::onRowsInserted(int first, int last)
{
    for (int row = first; row <= last; ++row) {
        const SocketEvent &e = m_log->event(row);
        if (e.phase == CallPhase::Failed)
            m_failures << e.seq;
        if (e.source.isValid() && m_table->isColumnHidden(EventLog::SourceColumn)) {
            m_table->setColumnHidden(EventLog::SourceColumn, false);
            fitColumns();
        }
        const QString id = e.socketId;
        if (id.isEmpty())
            continue;
        const QString name = SocketName::of(e);
        auto known = m_filterNames.find(id);
        if (known == m_filterNames.end()) {
            m_filterNames.insert(id, name);
            m_filter->addItem(name, id);
        } else if (*known != name) { // a lesson took the socket over
            *known = name;
            m_filter->setItemText(m_filter->findData(id), name);
        }
    }
    // One scroll for all the rows that arrive in this pass of the event loop, so the next
    // paint shows a call's started and returned rows together. (Each scroll repaints the
    // whole table; in a flood the log adds rows at most about once a frame.)
    if (!m_follow || m_scrollQueued)
        return;
    m_scrollQueued = true;
    QMetaObject::invokeMethod(this, &SessionLogView::scrollToNewest, Qt::QueuedConnection);
}

void SessionLogView::scrollToNewest()
{
    m_scrollQueued = false;
    if (m_follow) // unless the user scrolled back while the scroll waited
        m_table->scrollToBottom();
}

void SessionLogView::onCurrentChanged()
{
    const QModelIndex current = m_proxy->mapToSource(m_table->currentIndex());
    if (current.isValid())
        emit eventSelected(current.row());
}
