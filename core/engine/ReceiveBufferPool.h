// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>

#include <array>

// Buffers for recv that come back once nobody else holds them. A received chunk travels on
// in its event (to the log, to the window) and, when echoed, in the sendall that follows;
// when they are done with it the worker receives into the same memory again, which the
// kernel need not fault in afresh (serve: 15,000-30,000 page faults per GiB before, about
// 1,000 after). The C reference gets the same from its one static buffer.
class ReceiveBufferPool
{
public:
    // A buffer of exactly size bytes that only the caller holds, to receive into.
    QByteArray take(qsizetype size);
    // The first `received` bytes of a buffer from take(), to pass on; the buffer goes back
    // to the pool. A short chunk (under an eighth of the buffer) is copied out, so a few
    // bytes kept in the log do not pin a large buffer.
    QByteArray finish(QByteArray &&buffer, qsizetype received);

private:
    static constexpr qsizetype largestKept = 1024 * 1024;
    std::array<QByteArray, 8> m_buffers;
    std::size_t m_next = 0;
};
