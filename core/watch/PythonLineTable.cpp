// SPDX-License-Identifier: MIT
#include "watch/PythonLineTable.h"

namespace {
// The kinds of entry (the 4 bits after an entry's first bit).
constexpr int noLocation = 15;
constexpr int longForm = 14;
constexpr int noColumns = 13;
constexpr int oneLineFirst = 10; // 10, 11, 12: the line moves by 0, 1, 2
constexpr int codeUnitBytes = 2;

// An unsigned number in 6-bit pieces, least significant first, 0x40 meaning "more".
unsigned varint(QByteArrayView table, qsizetype *at)
{
    unsigned value = 0;
    int shift = 0;
    while (*at < table.size() && shift < 32) {
        const unsigned piece = quint8(table[*at]);
        ++*at;
        value |= (piece & 63) << shift;
        shift += 6;
        if (!(piece & 64))
            break;
    }
    return value;
}

int signedVarint(QByteArrayView table, qsizetype *at)
{
    const unsigned u = varint(table, at);
    return (u & 1) ? -int(u >> 1) : int(u >> 1);
}
} // namespace

int PythonLineTable::lineAt(QByteArrayView table, int firstLine, int offset)
{
    int line = firstLine;
    int start = 0;
    qsizetype at = 0;
    while (at < table.size()) {
        const quint8 head = quint8(table[at]);
        if (!(head & 0x80))
            return -1; // not the start of an entry: not a table this reads
        ++at;
        const int kind = (head >> 3) & 15;
        const int end = start + ((head & 7) + 1) * codeUnitBytes;
        int delta = 0;
        if (kind == longForm || kind == noColumns)
            delta = signedVarint(table, &at);
        else if (kind >= oneLineFirst && kind < noColumns)
            delta = kind - oneLineFirst;
        line += delta;
        if (offset >= start && offset < end)
            return kind == noLocation ? -1 : line;
        // The rest of the entry (columns): up to the next entry's first byte.
        while (at < table.size() && !(quint8(table[at]) & 0x80))
            ++at;
        start = end;
    }
    return -1;
}
