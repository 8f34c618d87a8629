#include "EventText.h"

#include "BytesFormat.h"
#include "PythonForm.h"

QString EventText::time(double tMs)
{
    return QString::number(tMs, 'f', 3);
}

QString EventText::outcome(const SocketEvent &e)
{
    QString text;
    switch (e.phase) {
    case CallPhase::Started:
        return QStringLiteral("…");
    case CallPhase::Blocked:
        return QStringLiteral("… ") + PythonForm::outcome(e);
    case CallPhase::Returned:
        text = QStringLiteral("→ ") + PythonForm::outcome(e);
        break;
    case CallPhase::Failed:
        text = QStringLiteral("✗ ") + PythonForm::outcome(e);
        break;
    }
    if (e.bytesNotKept > 0)
        text +=
            QStringLiteral("  (%1 more bytes not kept)").arg(BytesFormat::count(e.bytesNotKept));
    return text;
}

QString EventText::line(const SocketEvent &e)
{
    QString text = QStringLiteral("%1  %2  %3  %4")
                       .arg(time(e.tMs), 10)
                       .arg(e.socketId, -9)
                       .arg(PythonForm::statement(e), outcome(e));
    if (!e.kernelState.isEmpty() && e.phase != CallPhase::Started)
        text += QStringLiteral("  [kernel: %1]").arg(e.kernelState);
    if (e.phase == CallPhase::Failed && !e.error.hint().isEmpty())
        text += QStringLiteral("\n%1  hint: %2")
                    .arg(QString(10 + 2 + 9, QLatin1Char(' ')), e.error.hint());
    return text;
}
