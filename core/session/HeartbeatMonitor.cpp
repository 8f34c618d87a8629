// SPDX-License-Identifier: MIT
#include "session/HeartbeatMonitor.h"

#include <QJsonDocument>
#include <QSaveFile>

#include <algorithm>

HeartbeatMonitor::HeartbeatMonitor(int intervalMs, QObject *parent)
    : QObject(parent), m_intervalMs(intervalMs)
{
    m_timer.setTimerType(Qt::PreciseTimer);
    m_timer.setInterval(intervalMs);
    connect(&m_timer, &QTimer::timeout, this, &HeartbeatMonitor::tick);
}

void HeartbeatMonitor::start()
{
    m_clock.start();
    m_expectedNs = qint64(m_intervalMs) * 1000000;
    m_timer.start();
}

void HeartbeatMonitor::stop()
{
    m_timer.stop();
}

void HeartbeatMonitor::tick()
{
    const qint64 now = m_clock.nsecsElapsed();
    m_lateness.append(qMax<qint64>(0, now - m_expectedNs) / 1e6);
    // The next tick is due one interval after this one really came.
    m_expectedNs = now + qint64(m_intervalMs) * 1000000;
}

double HeartbeatMonitor::percentile(double p) const
{
    if (m_lateness.isEmpty())
        return 0;
    QVector<double> sorted = m_lateness;
    std::sort(sorted.begin(), sorted.end());
    const int index = qBound(0, int(p / 100.0 * (sorted.size() - 1) + 0.5), int(sorted.size() - 1));
    return sorted.at(index);
}

double HeartbeatMonitor::maximum() const
{
    return m_lateness.isEmpty() ? 0 : *std::max_element(m_lateness.cbegin(), m_lateness.cend());
}

QJsonObject HeartbeatMonitor::report() const
{
    return {{QStringLiteral("interval_ms"), m_intervalMs},
            {QStringLiteral("samples"), int(m_lateness.size())},
            {QStringLiteral("p50_ms"), percentile(50)},
            {QStringLiteral("p99_ms"), percentile(99)},
            {QStringLiteral("max_ms"), maximum()}};
}

bool HeartbeatMonitor::writeReport(const QString &path, QString *error) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) ||
        file.write(QJsonDocument(report()).toJson(QJsonDocument::Indented)) < 0 || !file.commit()) {
        *error = file.errorString();
        return false;
    }
    return true;
}
