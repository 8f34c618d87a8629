// SPDX-License-Identifier: MIT
#pragma once

#include <linux/filter.h>

#include <vector>

// The seccomp-BPF program a watched program runs under: the system calls SocketLab shows stop
// the program for its tracer (SECCOMP_RET_TRACE), every other call runs untouched. A filter
// sees numbers, not descriptors' kinds, so read, write and close stop the program for files
// and its terminal too; the tracer lets those go on at once.
class SeccompFilter
{
public:
    // The calls that stop the program (x86-64 numbers); empty on other architectures.
    static const std::vector<int> &tracedCalls();
    // The program itself. Calls of another architecture (a 32-bit program) are let through
    // unseen rather than refused: the watcher never changes what a program may do.
    static std::vector<sock_filter> program();
};
