// SPDX-License-Identifier: MIT
#pragma once

#include "calls/SocketEvent.h"

#include <QCoreApplication>
#include <QStringList>
#include <QVector>

// "Why is it stuck?": who waits for whom, in plain words, from the events of both ends of each
// connection (a watched program's and its peer's, watched or clicked). A plain function of the
// events and the time now, so each case is tested as data:
// - both ends in recv(), each waiting for the other to send first;
// - one end closed, the other has not called close() (CLOSE_WAIT);
// - one end closed with bytes it never read, so its kernel sent RST;
// - recv() waiting on a peer that sends nothing; accept() with no client; a connect() that
//   hangs.
// A call counts as stuck once it has waited stuckAfterMs.
class StuckDiagnosis
{
    Q_DECLARE_TR_FUNCTIONS(StuckDiagnosis)

public:
    static constexpr double stuckAfterMs = 1000;

    static QStringList diagnose(const QVector<SocketEvent> &events, double nowMs);
};
