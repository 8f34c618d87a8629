// SPDX-License-Identifier: MIT
#include "present/CodeLiteral.h"

#include "present/BytesFormat.h"

#include <QList>

#include <cstring>

namespace {
const char hexDigits[] = "0123456789abcdef";

void appendHex(QString *out, uint value, int digits)
{
    for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4)
        *out += QLatin1Char(hexDigits[(value >> shift) & 0xf]);
}

// What Python and C write the same way: a backslash before the characters in `quoted`,
// \n \r \t, and printable ASCII as itself. False for anything else, which each language
// escapes in its own way.
bool appendPlain(QString *out, uint c, const char *quoted)
{
    if (c == '\\' || (c != 0 && c < 0x80 && std::strchr(quoted, int(c)))) {
        *out += QLatin1Char('\\');
        *out += QLatin1Char(char(c));
    } else if (c == '\n') {
        *out += QLatin1String("\\n");
    } else if (c == '\r') {
        *out += QLatin1String("\\r");
    } else if (c == '\t') {
        *out += QLatin1String("\\t");
    } else if (c >= 0x20 && c < 0x7f) {
        *out += QLatin1Char(char(c));
    } else {
        return false;
    }
    return true;
}
} // namespace

QString CodeLiteral::python(const QString &text)
{
    QString out;
    out.reserve(text.size() + 2);
    out += QLatin1Char('\'');
    for (const uint c : text.toUcs4()) {
        if (appendPlain(&out, c, "'"))
            continue;
        if (c < 0x100) {
            out += QLatin1String("\\x");
            appendHex(&out, c, 2);
        } else if (c < 0x10000) {
            out += QLatin1String("\\u");
            appendHex(&out, c, 4);
        } else {
            out += QLatin1String("\\U");
            appendHex(&out, c, 8);
        }
    }
    out += QLatin1Char('\'');
    return out;
}

QString CodeLiteral::pythonBytes(const QByteArray &bytes)
{
    return BytesFormat::pythonLiteral(bytes);
}

QString CodeLiteral::c(const QByteArray &bytes)
{
    QString out;
    out.reserve(bytes.size() + 2);
    out += QLatin1Char('"');
    for (const char ch : bytes) {
        const auto c = static_cast<unsigned char>(ch);
        // '?' too, so that no trigraph (??/ is a backslash under -trigraphs) can form.
        if (!appendPlain(&out, c, "\"?")) {
            out += QLatin1Char('\\');
            out += QLatin1Char(char('0' + (c >> 6)));
            out += QLatin1Char(char('0' + ((c >> 3) & 7)));
            out += QLatin1Char(char('0' + (c & 7)));
        }
    }
    out += QLatin1Char('"');
    return out;
}

QString CodeLiteral::c(const QString &text)
{
    return c(text.toUtf8());
}
