// SPDX-License-Identifier: MIT
// The UI-responsiveness probe behind socketlab --latency-report.

#include "session/HeartbeatMonitor.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

class TestHeartbeat : public QObject
{
    Q_OBJECT

private slots:
    void measuresAndReports();
    void aBlockedLoopShowsUp();
};

void TestHeartbeat::measuresAndReports()
{
    HeartbeatMonitor monitor(10);
    monitor.start();
    QTRY_VERIFY_WITH_TIMEOUT(monitor.samples() >= 10, 5000);
    monitor.stop();
    QVERIFY(monitor.percentile(50) <= monitor.percentile(99));
    QVERIFY(monitor.percentile(99) <= monitor.maximum());
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("latency.json"));
    QString error;
    QVERIFY(monitor.writeReport(path, &error));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonObject o = QJsonDocument::fromJson(file.readAll()).object();
    QCOMPARE(o.value(QStringLiteral("interval_ms")).toInt(), 10);
    QCOMPARE(o.value(QStringLiteral("samples")).toInt(), monitor.samples());
    for (const char *key : {"p50_ms", "p99_ms", "max_ms"})
        QVERIFY2(o.value(QLatin1String(key)).isDouble(), key);
}

void TestHeartbeat::aBlockedLoopShowsUp()
{
    HeartbeatMonitor monitor(10);
    monitor.start();
    QTRY_VERIFY_WITH_TIMEOUT(monitor.samples() >= 2, 5000);
    // Keep the event loop from running for a while, as a blocking call on the UI thread would.
    QElapsedTimer busy;
    busy.start();
    while (busy.elapsed() < 120) {
    }
    const int before = monitor.samples();
    QTRY_VERIFY_WITH_TIMEOUT(monitor.samples() > before, 5000);
    QVERIFY2(monitor.maximum() >= 100, qPrintable(QString::number(monitor.maximum())));
}

QTEST_GUILESS_MAIN(TestHeartbeat)
#include "tst_heartbeat.moc"
