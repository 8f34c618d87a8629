// SPDX-License-Identifier: MIT
#include "engine/ReceiveBufferPool.h"

#include <utility>

QByteArray ReceiveBufferPool::take(qsizetype size)
{
    for (QByteArray &kept : m_buffers) {
        // Detached: the pool's handle is the only one left (an empty slot counts as shared).
        if (kept.isDetached() && kept.capacity() >= size) {
            QByteArray buffer = std::exchange(kept, QByteArray());
            buffer.resize(size);
            return buffer;
        }
    }
    return QByteArray(size, Qt::Uninitialized);
}

QByteArray ReceiveBufferPool::finish(QByteArray &&buffer, qsizetype received)
{
    // Truncated while only this handle holds it: on a shared buffer it would copy.
    buffer.truncate(qMax<qsizetype>(received, 0));
    const bool shortChunk = 8 * buffer.size() < buffer.capacity();
    QByteArray passedOn = shortChunk ? QByteArray(buffer.constData(), buffer.size()) : buffer;
    if (buffer.capacity() > largestKept)
        return passedOn;
    QByteArray *slot = nullptr;
    for (QByteArray &kept : m_buffers) {
        if (kept.isNull()) {
            slot = &kept;
            break;
        }
    }
    if (!slot) {
        // Full: the oldest handle makes way, so buffers still in flight do not pin the pool.
        slot = &m_buffers[m_next];
        m_next = (m_next + 1) % m_buffers.size();
    }
    *slot = std::move(buffer);
    return passedOn;
}
