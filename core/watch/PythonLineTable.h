// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArrayView>

// Which line of a Python function an instruction belongs to, from the function's location
// table (code.co_linetable, the format of CPython 3.11 and 3.12: Objects/locations.md). Plain
// data in and out, so it is tested against the interpreter's own answers.
class PythonLineTable
{
public:
    // The line of the instruction at byte offset `offset` of the code, or -1 where the table
    // gives it none (or the offset is past the table).
    static int lineAt(QByteArrayView table, int firstLine, int offset);
};
