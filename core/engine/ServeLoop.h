// SPDX-License-Identifier: MIT
#pragma once

#include "calls/ServeRequest.h"
#include "calls/ServingStatus.h"
#include "calls/SocketEvent.h"

#include <QObject>

class SocketEngine;

// An automatic server running on the worker thread beside the engine (AcceptLoop for a
// listener, DatagramLoop for a datagram socket). It sees every event as it happens and
// makes its calls with SocketEngine::enqueue, so serving a chunk never crosses threads.
class ServeLoop : public QObject
{
    Q_OBJECT
public:
    ServeLoop(SocketEngine *engine, const ServeRequest &request);
    virtual void start() = 0;

signals:
    void statusChanged(const ServingStatus &status);

protected:
    virtual void onEvent(const SocketEvent &event) = 0;

    SocketEngine *m_engine;
    ServeRequest m_request;
};
