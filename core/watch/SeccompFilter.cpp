// SPDX-License-Identifier: MIT
#include "watch/SeccompFilter.h"

#include <linux/audit.h>
#include <linux/seccomp.h>
#include <sys/syscall.h>

#include <cstddef>

const std::vector<int> &SeccompFilter::tracedCalls()
{
#if defined(__x86_64__)
    static const std::vector<int> calls{
        SYS_socket,  SYS_socketpair,  SYS_bind,        SYS_listen, SYS_accept,   SYS_accept4,
        SYS_connect, SYS_shutdown,    SYS_setsockopt,  SYS_sendto, SYS_recvfrom, SYS_sendmsg,
        SYS_recvmsg, SYS_close,       SYS_read,        SYS_write,  SYS_dup,      SYS_dup2,
        SYS_dup3,    SYS_getsockname, SYS_getpeername, SYS_readv,  SYS_writev};
#else
    static const std::vector<int> calls;
#endif
    return calls;
}

std::vector<sock_filter> SeccompFilter::program()
{
    std::vector<sock_filter> p;
#if defined(__x86_64__)
    const auto statement = [&p](unsigned short code, unsigned int k) {
        p.push_back(BPF_STMT(code, k));
    };
    const auto jump = [&p](unsigned short code, unsigned int k, unsigned char t, unsigned char f) {
        p.push_back(BPF_JUMP(code, k, t, f));
    };
    const std::vector<int> &calls = tracedCalls();
    statement(BPF_LD | BPF_W | BPF_ABS, offsetof(seccomp_data, arch));
    // Another architecture: on to the last statement, ALLOW (past the number's load, the
    // list, and the two answers after it).
    jump(BPF_JMP | BPF_JEQ | BPF_K, AUDIT_ARCH_X86_64, 0,
         static_cast<unsigned char>(calls.size() + 3));
    statement(BPF_LD | BPF_W | BPF_ABS, offsetof(seccomp_data, nr));
    for (size_t i = 0; i < calls.size(); ++i) {
        // A match jumps to the TRACE statement after the list.
        jump(BPF_JMP | BPF_JEQ | BPF_K, static_cast<unsigned int>(calls[i]),
             static_cast<unsigned char>(calls.size() - i), 0);
    }
    statement(BPF_RET | BPF_K, SECCOMP_RET_ALLOW);
    statement(BPF_RET | BPF_K, SECCOMP_RET_TRACE);
    // Reached only from the architecture check.
    statement(BPF_RET | BPF_K, SECCOMP_RET_ALLOW);
#endif
    return p;
}
