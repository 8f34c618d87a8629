// SPDX-License-Identifier: MIT
#include "watch/ProgramEnding.h"

#include "watch/ProgramTracer.h"

#include <QRegularExpression>

#include <cstring>

QString ProgramEnding::status(int status)
{
    if (status == ProgramTracer::couldNotWatch)
        return tr("could not be watched (status 125)");
    if (status > 128 && status < 128 + 65) {
        const int signal = status - 128;
        const char *name = sigabbrev_np(signal);
        return name ? tr("killed by signal %1 (SIG%2)").arg(signal).arg(QLatin1String(name))
                    : tr("killed by signal %1").arg(signal);
    }
    return tr("exited with status %1").arg(status);
}

QString ProgramEnding::pythonError(const QString &output)
{
    const qsizetype start = output.lastIndexOf(QLatin1String("Traceback (most recent call last):"));
    if (start < 0)
        return {};
    // The frames are indented; the first line that is not ends the traceback and names the
    // error. The last frame says where it was raised.
    static const QRegularExpression frame(QStringLiteral("^  File \"([^\"]*)\", line (\\d+)"));
    QString file;
    QString line;
    const QStringList lines = output.mid(start).split(QLatin1Char('\n'));
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QString text = lines.at(i).trimmed().isEmpty() ? QString() : lines.at(i);
        if (text.isEmpty())
            continue;
        const QRegularExpressionMatch m = frame.match(text);
        if (m.hasMatch()) {
            file = m.captured(1).section(QLatin1Char('/'), -1);
            line = m.captured(2);
            continue;
        }
        if (text.startsWith(QLatin1Char(' ')))
            continue; // the frame's source line, or the ^^^ under it
        const QString error = text.trimmed();
        return file.isEmpty() ? error : tr("%1 (%2, line %3)").arg(error, file, line);
    }
    return {};
}
