// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

// Whether this system lets the watcher attach to a running process, asked before trying, so a
// refusal says in one line why and what to do instead (ptrace's own answer is only EPERM).
class AttachCheck
{
public:
    // What decides it, read from /proc (facts()) or given by a test.
    struct Facts
    {
        bool exists = false;
        QString name;             // the process's command name
        uint owner = 0;           // its real user id
        QString ownerName;        // "root", "alice"; the number when it has no name
        uint me = 0;              // the watcher's user id
        bool mayTraceAny = false; // CAP_SYS_PTRACE (root has it)
        int ptraceScope = -1;     // kernel.yama.ptrace_scope; -1 without Yama
        bool isMyDescendant = false;
        qint64 tracer = 0; // the process already tracing it, or 0
        bool isMe = false;
    };

    static Facts facts(qint64 pid);
    // Empty when attaching may work; otherwise one sentence for the user.
    static QString refusal(qint64 pid, const Facts &f);
};
