// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QString>

// The only way a value from a session or a trace reaches generated code: as a literal of the
// target language that reads back as exactly that value. Traces are shared between people,
// so a host name, a path or an error message may be written to break out of its quotes or
// its comment; these functions make that impossible by escaping everything but plain
// printable ASCII.
class CodeLiteral
{
public:
    // A Python str literal, ASCII only: 'it\'s' , '\n', '\u00e9', '\U0001f600'.
    static QString python(const QString &text);
    // A Python bytes literal as repr(bytes) writes it (BytesFormat::pythonLiteral).
    static QString pythonBytes(const QByteArray &bytes);
    // A C string literal of the bytes: printable ASCII as is, the rest as three-digit octal
    // escapes (so a following digit is never taken into the escape), '?' escaped so that no
    // trigraph can form.
    static QString c(const QByteArray &bytes);
    // A C string literal of the text's UTF-8.
    static QString c(const QString &text);
};
