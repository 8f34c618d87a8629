// SPDX-License-Identifier: MIT
#include "present/BytesFormat.h"

#include <QCoreApplication>

QString BytesFormat::pythonLiteral(const QByteArray &bytes, int maxBytes)
{
    const bool cut = maxBytes >= 0 && bytes.size() > maxBytes;
    const QByteArray shown = cut ? bytes.left(maxBytes) : bytes;
    // Python prefers single quotes, and switches to double quotes only when the bytes hold
    // a single quote and no double quote. Only the shown part counts: a preview must not
    // scan a whole 64 KiB message on the UI thread.
    const bool useDouble = shown.contains('\'') && !shown.contains('"');
    const char quote = useDouble ? '"' : '\'';
    QString out;
    out.reserve(shown.size() + 4);
    out += QLatin1String("b");
    out += QLatin1Char(quote);
    static const char digits[] = "0123456789abcdef";
    for (const char ch : shown) {
        const auto c = static_cast<unsigned char>(ch);
        if (c == '\\' || c == quote) {
            out += QLatin1Char('\\');
            out += QLatin1Char(char(c));
        } else if (c == '\t') {
            out += QLatin1String("\\t");
        } else if (c == '\n') {
            out += QLatin1String("\\n");
        } else if (c == '\r') {
            out += QLatin1String("\\r");
        } else if (c < 0x20 || c >= 0x7f) {
            out += QLatin1String("\\x");
            out += QLatin1Char(digits[c >> 4]);
            out += QLatin1Char(digits[c & 0xf]);
        } else {
            out += QLatin1Char(char(c));
        }
    }
    out += QLatin1Char(quote);
    if (cut)
        out += QChar(0x2026);
    return out;
}

QString BytesFormat::hex(const QByteArray &bytes, int maxBytes)
{
    const bool cut = maxBytes >= 0 && bytes.size() > maxBytes;
    QString out = QString::fromLatin1((cut ? bytes.left(maxBytes) : bytes).toHex(' '));
    if (cut)
        out += QStringLiteral(" …");
    return out;
}

QString BytesFormat::count(qint64 value)
{
    QString digits = QString::number(value < 0 ? -value : value);
    for (int i = digits.size() - 3; i > 0; i -= 3)
        digits.insert(i, QLatin1Char(','));
    return value < 0 ? QLatin1Char('-') + digits : digits;
}

QString BytesFormat::byteCount(qint64 value)
{
    // In the window's language (the console installs no translation, so it stays English).
    return value == 1 ? QCoreApplication::translate("BytesFormat", "1 byte")
                      : QCoreApplication::translate("BytesFormat", "%1 bytes").arg(count(value));
}
