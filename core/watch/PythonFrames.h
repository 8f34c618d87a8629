// SPDX-License-Identifier: MIT
#pragma once

#include "calls/SourceLocation.h"

#include <QByteArray>
#include <QHash>
#include <QStringList>

#include <functional>

// The line of a watched Python program that a stopped thread is at, read from outside the
// process as py-spy reads it: nothing is run or loaded in the program, so nothing it does
// changes. The interpreter's state (_PyRuntime) is found through the ELF symbols of the
// python3.X executable or libpython3.X it maps; from there its threads (matched to the kernel's
// thread by their native id), each thread's current frame, the frame's code object and its
// location table. The structures' layout is CPython's own and changes between versions: 3.11
// and 3.12 are known here; for others, and for programs in other languages, no line is found.
class PythonFrames
{
public:
    using ReadMemory = std::function<QByteArray(int pid, quint64 address, qint64 length)>;

    explicit PythonFrames(ReadMemory read) : m_read(std::move(read)) {}

    // Where thread tid of process pid is in the program's own code: the innermost frame of a
    // file outside Python's library (so a create_connection() shows the student's line that
    // called it), else the innermost frame.
    SourceLocation locate(int pid, int tid);
    // The process ran exec (another program now) or ended.
    void forget(int pid) { m_interpreters.remove(pid); }

    struct Layout; // the offsets of one CPython version's structures

private:
    struct Interpreter
    {
        quint64 runtime = 0; // 0: not a CPython this knows
        const Layout *layout = nullptr;
    };
    Interpreter interpreterOf(int pid) const;
    quint64 pointer(int pid, quint64 address) const;
    QString string(int pid, quint64 object, const Layout &l) const;
    QString lineText(int pid, const QString &file, int line);

    ReadMemory m_read;
    QHash<int, Interpreter> m_interpreters;
    QHash<QString, QStringList> m_sources; // a program's files, as read once
};
