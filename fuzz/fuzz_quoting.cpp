// SPDX-License-Identifier: MIT
// libFuzzer target: the code generator's quoting functions. Whatever text or bytes a trace
// holds, CodeLiteral's Python and C literals must be single tokens of plain printable ASCII
// (no newline that ends a comment, no quote that ends the literal early) that a Python and a
// C literal reader, written here from the languages' rules, read back as exactly the input.

#include "present/CodeLiteral.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <optional>

namespace {
bool isOctal(char c)
{
    return c >= '0' && c <= '7';
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

// The one-letter escapes both languages share (C adds \\?): the character they stand for,
// or -1.
int simpleEscape(char e, const char *more)
{
    static const char letters[] = "nrtabfv";
    static const char meanings[] = "\n\r\t\a\b\f\v";
    if (e == '\\' || e == '\'' || e == '"' || (e != 0 && std::strchr(more, e)))
        return static_cast<unsigned char>(e);
    if (const char *letter = e != 0 ? std::strchr(letters, e) : nullptr)
        return meanings[letter - letters];
    return -1;
}

bool plainAscii(const QByteArray &literal)
{
    for (const char c : literal) {
        if (static_cast<unsigned char>(c) < 0x20 || static_cast<unsigned char>(c) >= 0x7f)
            return false;
    }
    return true;
}

// A Python (non-raw, non-bytes) string literal, by the language reference's escape rules.
std::optional<QString> readPython(const QByteArray &literal)
{
    if (literal.size() < 2 || (literal.front() != '\'' && literal.front() != '"') ||
        literal.back() != literal.front())
        return std::nullopt;
    const char quote = literal.front();
    QList<uint> out;
    for (qsizetype i = 1; i < literal.size() - 1; ++i) {
        const char c = literal.at(i);
        if (c == quote)
            return std::nullopt; // the literal would end here
        if (c != '\\') {
            out.append(uint(static_cast<unsigned char>(c)));
            continue;
        }
        if (++i >= literal.size() - 1)
            return std::nullopt;
        const char e = literal.at(i);
        if (const int simple = simpleEscape(e, ""); simple >= 0) {
            out.append(uint(simple));
            continue;
        }
        if (isOctal(e)) {
            uint v = 0;
            int n = 0;
            for (; n < 3 && i < literal.size() - 1 && isOctal(literal.at(i)); ++n, ++i)
                v = v * 8 + uint(literal.at(i) - '0');
            --i;
            out.append(v);
            continue;
        }
        const int digits = e == 'x' ? 2 : e == 'u' ? 4 : e == 'U' ? 8 : 0;
        if (digits == 0 || i + digits >= literal.size() - 1)
            return std::nullopt;
        uint v = 0;
        for (int d = 1; d <= digits; ++d) {
            const int h = hexValue(literal.at(i + d));
            if (h < 0)
                return std::nullopt;
            v = v * 16 + uint(h);
        }
        if (v > 0x10FFFF)
            return std::nullopt;
        i += digits;
        out.append(v);
    }
    return QString::fromUcs4(reinterpret_cast<const char32_t *>(out.constData()), out.size());
}

// A C string literal, by C11 6.4.4.4 and 6.4.5 (one literal, no concatenation).
std::optional<QByteArray> readC(const QByteArray &literal)
{
    if (literal.size() < 2 || literal.front() != '"' || literal.back() != '"')
        return std::nullopt;
    if (literal.contains("??"))
        return std::nullopt; // a trigraph under -trigraphs or -std=c11
    QByteArray out;
    for (qsizetype i = 1; i < literal.size() - 1; ++i) {
        const char c = literal.at(i);
        if (c == '"')
            return std::nullopt;
        if (c != '\\') {
            out.append(c);
            continue;
        }
        if (++i >= literal.size() - 1)
            return std::nullopt;
        const char e = literal.at(i);
        if (const int simple = simpleEscape(e, "?"); simple >= 0) {
            out.append(char(simple));
            continue;
        }
        if (isOctal(e)) {
            int v = 0;
            int n = 0;
            for (; n < 3 && i < literal.size() - 1 && isOctal(literal.at(i)); ++n, ++i)
                v = v * 8 + (literal.at(i) - '0');
            --i;
            if (v > 0xff)
                return std::nullopt;
            out.append(char(v));
            continue;
        }
        if (e == 'x') {
            // A hex escape takes every hex digit that follows: the trap for a generator.
            int v = 0, n = 0;
            while (i + 1 < literal.size() - 1 && hexValue(literal.at(i + 1)) >= 0) {
                v = v * 16 + hexValue(literal.at(++i));
                if (++n > 2 || v > 0xff)
                    return std::nullopt;
            }
            if (n == 0)
                return std::nullopt;
            out.append(char(v));
            continue;
        }
        return std::nullopt;
    }
    return out;
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const QString text = QString::fromUtf8(bytes);

    const QByteArray python = CodeLiteral::python(text).toLatin1();
    const std::optional<QString> pythonBack = readPython(python);
    if (!plainAscii(python) || !pythonBack || *pythonBack != text)
        std::abort();

    const QByteArray pythonBytes = CodeLiteral::pythonBytes(bytes).toLatin1();
    if (!plainAscii(pythonBytes) || !pythonBytes.startsWith('b'))
        std::abort();
    const std::optional<QString> bytesBack = readPython(pythonBytes.mid(1));
    if (!bytesBack || bytesBack->toLatin1() != bytes)
        std::abort();

    const QByteArray c = CodeLiteral::c(bytes).toLatin1();
    const std::optional<QByteArray> cBack = readC(c);
    if (!plainAscii(c) || !cBack || *cBack != bytes)
        std::abort();
    const std::optional<QByteArray> cTextBack = readC(CodeLiteral::c(text).toLatin1());
    if (!cTextBack || *cTextBack != text.toUtf8())
        std::abort();
    return 0;
}
