// SPDX-License-Identifier: MIT
#pragma once

#include "calls/SocketAddress.h"
#include "calls/SocketEvent.h"
#include "engine/ServeLoop.h"

#include <QByteArray>
#include <QList>

// An automatic server for a bound datagram socket, on the worker thread: keeps calling
// recvfrom and answers each datagram according to its ServerMode (echo sends it back to its
// sender, reply sends a fixed text, silent only reads, chat passes it on to every other
// sender seen so far). Every call goes through the engine, so it is logged.
class DatagramLoop : public ServeLoop
{
public:
    using ServeLoop::ServeLoop;
    void start() override;

    // Echo, reply, silent and chat make sense for datagrams; http (a connection) does not.
    static bool supports(ServerMode mode) { return mode != ServerMode::Http; }

private:
    void onEvent(const SocketEvent &event) override;
    void answer(const SocketEvent &event);
    // The next queued sendto, or the next recvfrom when nothing is left to send.
    void sendNextOrReceive();
    void recvFrom();

    int m_served = 0;
    QList<SocketAddress> m_chatPeers; // chat: everyone who has sent a datagram
    QList<SocketAddress> m_sendQueue; // where m_sendData still has to go
    QByteArray m_sendData;
    static constexpr int bufsize = 65536; // the largest UDP datagram fits
    static constexpr int maxChatPeers = 1024;
};
