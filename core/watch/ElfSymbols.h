// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QString>

// A symbol's place in a 64-bit ELF file (an executable or a shared library), read from the
// file itself: where a watched interpreter keeps its state (CPython's _PyRuntime). A file
// mapped into a process at some address moves every symbol by the same amount: the mapping's
// start minus the file's first loaded address.
class ElfSymbols
{
public:
    struct Found
    {
        quint64 value = 0;     // the symbol's address in the file's own numbering
        quint64 firstLoad = 0; // the lowest loaded address of the file (page-aligned)
    };
    // Nothing (value 0) when the file is no 64-bit ELF file or has no such symbol; every
    // offset is checked, so a truncated or hostile file cannot make it read out of bounds.
    static Found find(const QString &path, const QByteArray &name);
};
