// SPDX-License-Identifier: MIT
#include "present/EventText.h"

#include "present/BytesFormat.h"
#include "present/PythonForm.h"

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
    // Appended piece by piece rather than with arg(): socketlab-cli serve prints a line for
    // every call, 66,000 per GiB echoed, on the thread that also hands the worker's results on.
    const QString t = time(e.tMs);
    QString text;
    text.reserve(192);
    text.fill(QLatin1Char(' '), qMax<qsizetype>(0, 10 - t.size()));
    text += t;
    // No socket column: the statement names the socket the way the course does.
    text += QLatin1String("  ");
    text += PythonForm::statement(e);
    text += QLatin1String("  ");
    text += outcome(e);
    if (!e.kernelState.isEmpty() && e.phase != CallPhase::Started) {
        text += QLatin1String("  [kernel: ");
        text += e.kernelState;
        text += QLatin1Char(']');
    }
    if (e.source.isValid()) {
        text += QLatin1String("  # ");
        text += e.source.display();
    }
    if (e.phase == CallPhase::Failed && !e.error.hint().isEmpty())
        text += QStringLiteral("\n%1  hint: %2").arg(QString(10, QLatin1Char(' ')), e.error.hint());
    return text;
}
