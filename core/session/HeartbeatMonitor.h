// SPDX-License-Identifier: MIT
#pragma once

#include <QElapsedTimer>
#include <QJsonObject>
#include <QObject>
#include <QTimer>
#include <QVector>

// Measures how responsive a thread's event loop is: a timer asks to fire every interval and
// records how late each tick really came. A UI thread that never blocks keeps p99 low.
// socketlab --latency-report FILE writes the figures when the app exits.
class HeartbeatMonitor : public QObject
{
    Q_OBJECT
public:
    explicit HeartbeatMonitor(int intervalMs = 10, QObject *parent = nullptr);

    void start();
    void stop();
    int samples() const { return m_lateness.size(); }
    // Lateness in milliseconds at a percentile (0–100) of the samples so far.
    double percentile(double p) const;
    double maximum() const;
    // {"interval_ms", "samples", "p50_ms", "p99_ms", "max_ms"}
    QJsonObject report() const;
    bool writeReport(const QString &path, QString *error) const;

private:
    void tick();

    int m_intervalMs;
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_expectedNs = 0;
    QVector<double> m_lateness;
};
