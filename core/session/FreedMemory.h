// SPDX-License-Identifier: MIT
#pragma once

// glibc keeps the pages of freed blocks mapped while live blocks sit between them, so a
// long-running server's RSS stayed at its busiest moment (1.4x-1.9x after 100,000
// connections, with a few MB of live heap). After letting go of many small objects at once
// (forgotten sockets, the log's oldest events), this hands the free pages back. Elsewhere
// than glibc it does nothing.
class FreedMemory
{
public:
    static void returnToSystem();
};
