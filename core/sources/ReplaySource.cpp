// SPDX-License-Identifier: MIT
#include "sources/ReplaySource.h"

#include <QCoreApplication>

void ReplaySource::setRecording(const TraceReplay &replay, const QString &name)
{
    m_replay = replay;
    m_name = name;
    setPosition(0);
}

void ReplaySource::setPosition(int position)
{
    position = qBound(0, position, m_replay.count());
    const bool step = position == m_position + 1;
    m_position = position;
    m_sockets.clear();
    m_order.clear();
    for (const SocketInfo &info : m_replay.socketsAfter(m_position)) {
        m_sockets.insert(info.id, info);
        m_order << info.id;
    }
    if (step)
        emit eventOccurred(m_replay.events().at(position - 1));
    emit tableReset();
}

QString ReplaySource::description() const
{
    return QCoreApplication::translate("ReplaySource", "replay of %1").arg(m_name);
}
