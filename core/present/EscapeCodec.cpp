// SPDX-License-Identifier: MIT
#include "present/EscapeCodec.h"

namespace {
int hexValue(QChar c)
{
    const char16_t u = c.unicode();
    if (u >= '0' && u <= '9')
        return u - '0';
    if (u >= 'a' && u <= 'f')
        return u - 'a' + 10;
    if (u >= 'A' && u <= 'F')
        return u - 'A' + 10;
    return -1;
}

EscapeCodec::Result failure(const QString &message, int position)
{
    EscapeCodec::Result r;
    r.error = message;
    r.errorPosition = position;
    return r;
}
} // namespace

EscapeCodec::Result EscapeCodec::fromText(const QString &text, Encoding encoding)
{
    Result r;
    for (int i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c != QLatin1Char('\\')) {
            // Surrogate pairs make one character out of two QChars.
            const bool pair =
                c.isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate();
            const char32_t code = pair ? QChar::surrogateToUcs4(c, text.at(i + 1)) : c.unicode();
            if (encoding == Encoding::Ascii && code > 0x7f)
                return failure(QStringLiteral("'%1' is not ASCII; choose UTF-8, or write it as "
                                              "\\xNN bytes")
                                   .arg(pair ? text.mid(i, 2) : QString(c)),
                               i);
            if (encoding == Encoding::Latin1 && code > 0xff)
                return failure(QStringLiteral("'%1' does not exist in Latin-1; choose UTF-8")
                                   .arg(pair ? text.mid(i, 2) : QString(c)),
                               i);
            if (encoding == Encoding::Utf8)
                r.bytes += (pair ? text.mid(i, 2) : QString(c)).toUtf8();
            else
                r.bytes += char(code);
            if (pair)
                ++i;
            continue;
        }
        if (i + 1 >= text.size())
            return failure(QStringLiteral("a lone backslash at the end; write \\\\ for a "
                                          "backslash"),
                           i);
        const QChar e = text.at(++i);
        switch (e.unicode()) {
        case 'r':
            r.bytes += '\r';
            break;
        case 'n':
            r.bytes += '\n';
            break;
        case 't':
            r.bytes += '\t';
            break;
        case '0':
            r.bytes += '\0';
            break;
        case '\\':
        case '\'':
        case '"':
            r.bytes += char(e.unicode());
            break;
        case 'x': {
            const int hi = i + 1 < text.size() ? hexValue(text.at(i + 1)) : -1;
            const int lo = i + 2 < text.size() ? hexValue(text.at(i + 2)) : -1;
            if (hi < 0 || lo < 0)
                return failure(QStringLiteral("\\x needs two hex digits, as in \\x0a"), i - 1);
            r.bytes += char(hi * 16 + lo);
            i += 2;
            break;
        }
        default:
            return failure(QStringLiteral("unknown escape \\%1; known: \\r \\n \\t \\0 \\\\ "
                                          "\\' \\\" \\xNN")
                               .arg(e),
                           i - 1);
        }
    }
    return r;
}

EscapeCodec::Result EscapeCodec::fromHex(const QString &text)
{
    Result r;
    int pending = -1;
    int pendingAt = -1;
    for (int i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c.isSpace())
            continue;
        const int v = hexValue(c);
        if (v < 0)
            return failure(QStringLiteral("'%1' is not a hex digit (0-9, a-f)").arg(c), i);
        if (pending < 0) {
            pending = v;
            pendingAt = i;
        } else {
            r.bytes += char(pending * 16 + v);
            pending = -1;
        }
    }
    if (pending >= 0)
        return failure(QStringLiteral("an odd number of hex digits: each byte needs two"),
                       pendingAt);
    return r;
}

QString EscapeCodec::toText(const QByteArray &bytes)
{
    QString out;
    for (const char ch : bytes) {
        const auto c = static_cast<unsigned char>(ch);
        switch (c) {
        case '\r':
            out += QLatin1String("\\r");
            break;
        case '\n':
            out += QLatin1String("\\n");
            break;
        case '\t':
            out += QLatin1String("\\t");
            break;
        case '\\':
            out += QLatin1String("\\\\");
            break;
        default:
            if (c < 0x20 || c >= 0x7f)
                out += QStringLiteral("\\x%1").arg(c, 2, 16, QLatin1Char('0'));
            else
                out += QLatin1Char(char(c));
        }
    }
    return out;
}
