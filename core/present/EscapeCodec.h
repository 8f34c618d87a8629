// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QString>

// Turns what a user typed in the message editor into the exact bytes that will be sent.
// Text mode understands \r \n \t \0 \\ \' \" and \xNN (a raw byte, whatever the encoding);
// every other character is encoded with the chosen encoding. Hex mode reads pairs of hex
// digits, ignoring spaces. Errors name the position so the editor can point at it.
class EscapeCodec
{
public:
    enum class Encoding
    {
        Utf8,
        Ascii,
        Latin1
    };

    struct Result
    {
        QByteArray bytes;
        QString error;          // empty when the input is fine
        int errorPosition = -1; // index into the input text
        bool ok() const { return error.isEmpty(); }
    };

    static Result fromText(const QString &text, Encoding encoding);
    static Result fromHex(const QString &text);
    // The inverse of fromText for display: printable ASCII as is, the rest escaped.
    static QString toText(const QByteArray &bytes);
};
