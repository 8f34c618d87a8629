// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QString>

// Bytes written for people: as Python writes a bytes literal, and as hex.
class BytesFormat
{
public:
    // b'Hey\r\n', quoting and escaping exactly as Python's repr(bytes) does.
    // With maxBytes >= 0, only that many bytes are shown, followed by "…".
    static QString pythonLiteral(const QByteArray &bytes, int maxBytes = -1);
    // "48 65 79" with a space between bytes.
    static QString hex(const QByteArray &bytes, int maxBytes = -1);
    // 12345678 -> "12,345,678": long counts must be readable from the back row.
    static QString count(qint64 value);
    // "1 byte", "21 bytes"
    static QString byteCount(qint64 value);
};
