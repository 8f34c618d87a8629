// SPDX-License-Identifier: MIT
#include "engine/ServeLoop.h"

#include "engine/SocketEngine.h"

ServeLoop::ServeLoop(SocketEngine *engine, const ServeRequest &request)
    : m_engine(engine), m_request(request)
{
    // Direct: the loop lives on the engine's thread and reacts before the next call runs.
    connect(engine, &SocketEngine::eventOccurred, this, &ServeLoop::onEvent, Qt::DirectConnection);
}
