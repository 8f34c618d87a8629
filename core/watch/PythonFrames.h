// SPDX-License-Identifier: MIT
#pragma once

#include "calls/SourceLocation.h"

#include <QByteArray>
#include <QHash>
#include <QPair>
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

    // read serves the walk from a thread's state; the usual case (a thread calling from the
    // frame it called from last time) reads four places in one process_vm_readv of its own.
    explicit PythonFrames(ReadMemory read) : m_read(std::move(read)) {}

    // Where thread tid of process pid is in the program's own code: the innermost frame of a
    // file outside Python's library (so a create_connection() shows the student's line that
    // called it), else the innermost frame.
    SourceLocation locate(int pid, int tid);
    // The process ran exec (another program now) or ended.
    void forget(int pid);

    struct Layout; // the offsets of one CPython version's structures

private:
    struct Interpreter
    {
        quint64 runtime = 0; // 0: not a CPython this knows
        const Layout *layout = nullptr;
    };
    // What is read once of a code object: its file and location table.
    struct Code
    {
        quint64 filename = 0; // the addresses it had when read, to know it again
        quint64 table = 0;
        qint32 firstLine = 0;
        QString file;
        QString path; // the file on disk; empty for Python's own library
        QByteArray lineTable;
        bool library = false;
    };
    Interpreter interpreterOf(int pid) const;
    // Where a thread's state, C frame, current frame and its code were at its last call.
    struct Guess
    {
        quint64 state = 0;
        quint64 cframe = 0;
        quint64 frame = 0;
        quint64 code = 0;
    };
    // The thread's innermost frame (0 when the thread is not one of the interpreter's); its
    // state and C frame into g.
    quint64 currentFrame(int pid, int tid, const Interpreter &in, Guess *g);
    quint64 findThread(int pid, int tid, const Interpreter &in);
    // head: the code object's first bytes when already read.
    const Code *code(int pid, quint64 address, const Layout &l, QByteArray head);
    quint64 pointer(int pid, quint64 address) const;
    QString string(int pid, quint64 object, const Layout &l) const;
    QString sourcePath(int pid, const QString &file) const;
    QString lineText(const QString &path, int line);

    ReadMemory m_read;
    QHash<int, Interpreter> m_interpreters;
    QHash<QPair<int, int>, Guess> m_guesses;  // (process, thread) → where it was last
    QHash<QPair<int, quint64>, Code> m_codes; // (process, address) → the code object
    QHash<QString, QStringList> m_sources;    // a program's files, as read once
};
