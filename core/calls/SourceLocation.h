// SPDX-License-Identifier: MIT
#pragma once

#include <QFileInfo>
#include <QString>

// The line of a watched program that made a call: its file, the line's number and its text
// ("server.py:14  data = conn.recv(1024)"). Empty for SocketLab's own calls and where no line
// can be found (a program not in Python, a frame that cannot be read).
struct SourceLocation
{
    QString file; // as the program names it (often a full path)
    int line = 0;
    QString text; // the line itself, trimmed; empty when the file cannot be read

    bool isValid() const { return line > 0 && !file.isEmpty(); }
    QString display() const
    {
        if (!isValid())
            return QString();
        const QString where = QStringLiteral("%1:%2").arg(QFileInfo(file).fileName()).arg(line);
        return text.isEmpty() ? where : where + QStringLiteral("  ") + text;
    }
    bool operator==(const SourceLocation &o) const
    {
        return file == o.file && line == o.line && text == o.text;
    }
};
