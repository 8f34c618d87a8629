// SPDX-License-Identifier: MIT
// Click → painted: how long from a click on a call button until the log shows that call's
// row on screen. Clicks socket() and close() on the client pane in turn (real system calls),
// and for each waits for the log table's viewport to be painted with the new rows in it.
// Prints p50/p99/max in milliseconds. Runs offscreen; not a test: it prints, it does not judge.
//   click_to_paint [CLICKS]        default 200

#include "ClientPane.h"
#include "MainWindow.h"
#include "SessionLogView.h"
#include "session/EventLog.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QElapsedTimer>
#include <QPushButton>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>

#include <algorithm>
#include <cstdio>

namespace {
// Notes each paint of the log table: when, and how many rows were on screen up to the last.
class PaintWatch : public QObject
{
public:
    PaintWatch(QTableView *table, const EventLog *log) : m_table(table), m_log(log)
    {
        table->viewport()->installEventFilter(this);
    }
    qint64 paintedAt = -1;
    int rowsShown = 0; // the log's row count at that paint, if its last row was in view
    QElapsedTimer clock;

protected:
    bool eventFilter(QObject *, QEvent *event) override
    {
        if (event->type() != QEvent::Paint)
            return false;
        const QAbstractItemModel *shown = m_table->model();
        const QRect last = m_table->visualRect(shown->index(shown->rowCount() - 1, 0));
        if (m_table->viewport()->rect().intersects(last)) {
            paintedAt = clock.nsecsElapsed();
            rowsShown = m_log->rowCount();
        }
        return false;
    }

private:
    QTableView *m_table;
    const EventLog *m_log;
};

double percentile(std::vector<double> v, double p)
{
    std::sort(v.begin(), v.end());
    return v.at(std::min(v.size() - 1, size_t(p * double(v.size()))));
}
} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen"); // or xcb under Xvfb, to compare
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true); // never the user's settings
    const int clicks = argc > 1 ? std::max(2, atoi(argv[1])) : 200;
    const int paceMs = argc > 2 ? std::max(0, atoi(argv[2])) : 50;

    MainWindow window;
    window.resize(1600, 1000);
    window.show();
    if (!QTest::qWaitForWindowExposed(&window))
        return 1;
    auto *table = window.findChild<SessionLogView *>()->table();
    PaintWatch watch(table, window.log());
    watch.clock.start();
    auto *socketButton = window.findChild<QPushButton *>(QStringLiteral("client.socket"));
    QPushButton *closeButton = nullptr;
    for (QPushButton *b : window.clientPane()->findChildren<QPushButton *>()) {
        if (b->text() == QLatin1String("close()"))
            closeButton = b;
    }
    if (!socketButton || !closeButton)
        return 1;

    std::vector<double> ms;
    for (int i = 0; i < clicks; ++i) {
        QPushButton *button = i % 2 == 0 ? socketButton : closeButton;
        QElapsedTimer enabled;
        enabled.start();
        while ((!button->isEnabled() || enabled.elapsed() < paceMs) && enabled.elapsed() < 5000)
            QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
        if (!button->isEnabled()) {
            std::fprintf(stderr, "click %d: %s stayed disabled\n", i, qPrintable(button->text()));
            return 1;
        }
        const int rowsBefore = window.log()->rowCount();
        const qint64 clicked = watch.clock.nsecsElapsed();
        QTest::mouseClick(button, Qt::LeftButton);
        // A paint with the call's started and returned rows in view.
        QElapsedTimer limit;
        limit.start();
        while (limit.elapsed() < 5000 && watch.rowsShown < rowsBefore + 2)
            QCoreApplication::processEvents(QEventLoop::AllEvents, 1);
        if (watch.rowsShown < rowsBefore + 2) {
            std::fprintf(stderr, "click %d (%s): no row painted within 5 s (rows %d → %d)\n", i,
                         qPrintable(button->text()), rowsBefore, window.log()->rowCount());
            return 1;
        }
        ms.push_back(double(watch.paintedAt - clicked) / 1e6);
    }
    std::printf(
        "click to painted log row, %d clicks %d ms apart: p50 %.2f ms  p99 %.2f ms  max %.2f ms\n",
        clicks, paceMs, percentile(ms, 0.5), percentile(ms, 0.99),
        *std::max_element(ms.begin(), ms.end()));
    return 0;
}
