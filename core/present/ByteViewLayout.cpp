// SPDX-License-Identifier: MIT
#include "present/ByteViewLayout.h"

namespace {
constexpr int offsetWidth = 8;
constexpr int gap = 2;
} // namespace

ByteViewLayout::ByteViewLayout(int bytesPerRow) : m_bytesPerRow(qMax(1, bytesPerRow)) {}

int ByteViewLayout::rowCount(qint64 size) const
{
    return int((size + m_bytesPerRow - 1) / m_bytesPerRow);
}

int ByteViewLayout::rowOf(qint64 offset) const
{
    return int(offset / m_bytesPerRow);
}

int ByteViewLayout::columnOf(qint64 offset) const
{
    return int(offset % m_bytesPerRow);
}

qint64 ByteViewLayout::rowStart(int row) const
{
    return qint64(row) * m_bytesPerRow;
}

bool ByteViewLayout::isPrintable(unsigned char byte)
{
    return byte >= 0x20 && byte < 0x7f;
}

QChar ByteViewLayout::asciiCell(unsigned char byte)
{
    return isPrintable(byte) ? QChar(QLatin1Char(char(byte))) : QChar(QLatin1Char('.'));
}

QString ByteViewLayout::offsetText(int row) const
{
    return QStringLiteral("%1").arg(rowStart(row), offsetWidth, 16, QLatin1Char('0'));
}

QString ByteViewLayout::hexText(const QByteArray &data, int row) const
{
    static const char digits[] = "0123456789abcdef";
    QString out;
    out.reserve(m_bytesPerRow * 3);
    const qint64 start = rowStart(row);
    for (int col = 0; col < m_bytesPerRow; ++col) {
        if (col > 0)
            out += QLatin1Char(' ');
        const qint64 at = start + col;
        if (at < data.size()) {
            const auto b = static_cast<unsigned char>(data.at(int(at)));
            out += QLatin1Char(digits[b >> 4]);
            out += QLatin1Char(digits[b & 0xf]);
        } else {
            out += QLatin1String("  ");
        }
    }
    return out;
}

QString ByteViewLayout::asciiText(const QByteArray &data, int row) const
{
    QString out;
    const qint64 start = rowStart(row);
    const qint64 end = qMin<qint64>(data.size(), start + m_bytesPerRow);
    for (qint64 at = start; at < end; ++at)
        out += asciiCell(static_cast<unsigned char>(data.at(int(at))));
    return out;
}

QString ByteViewLayout::rowText(const QByteArray &data, int row) const
{
    const QString spacer(gap, QLatin1Char(' '));
    return offsetText(row) + spacer + hexText(data, row) + spacer + asciiText(data, row);
}

QString ByteViewLayout::text(const QByteArray &data) const
{
    QString out;
    const int rows = rowCount(data.size());
    for (int row = 0; row < rows; ++row) {
        if (row > 0)
            out += QLatin1Char('\n');
        out += rowText(data, row);
    }
    return out;
}

int ByteViewLayout::hexPosition(int column) const
{
    return offsetWidth + gap + column * 3;
}

int ByteViewLayout::asciiPosition(int column) const
{
    return offsetWidth + gap + m_bytesPerRow * 3 - 1 + gap + column;
}
