// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QString>

// Where each byte goes in a hex view: offset | hex | ASCII rows of a fixed width.
// Plain arithmetic, no widgets, so it is tested as data (after Okteta's table layout).
class ByteViewLayout
{
public:
    explicit ByteViewLayout(int bytesPerRow = 16);

    int bytesPerRow() const { return m_bytesPerRow; }
    int rowCount(qint64 size) const;
    int rowOf(qint64 offset) const;
    int columnOf(qint64 offset) const;
    qint64 rowStart(int row) const;

    // The cell text of one byte in the ASCII column: itself if printable ASCII, else '.'.
    static bool isPrintable(unsigned char byte);
    static QChar asciiCell(unsigned char byte);

    QString offsetText(int row) const;                        // "00000010"
    QString hexText(const QByteArray &data, int row) const;   // padded to the full width
    QString asciiText(const QByteArray &data, int row) const; // "Hey, can you hea"
    QString rowText(const QByteArray &data, int row) const;   // "offset  hex  ascii"
    QString text(const QByteArray &data) const;               // all rows, '\n' separated

    // Character position of a byte's hex cell and ASCII cell within rowText().
    int hexPosition(int column) const;
    int asciiPosition(int column) const;

private:
    int m_bytesPerRow;
};
