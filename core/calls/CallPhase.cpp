// SPDX-License-Identifier: MIT
#include "calls/CallPhase.h"

QString callPhaseName(CallPhase phase)
{
    switch (phase) {
    case CallPhase::Started:
        return QStringLiteral("started");
    case CallPhase::Blocked:
        return QStringLiteral("blocked");
    case CallPhase::Returned:
        return QStringLiteral("returned");
    case CallPhase::Failed:
        return QStringLiteral("failed");
    }
    return QString();
}
