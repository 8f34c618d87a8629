// SPDX-License-Identifier: MIT
#include "calls/TcpStateMachine.h"

namespace {
enum : int
{
    Established = 1,
    SynSent = 2,
    SynReceived = 3,
    FinWait1 = 4,
    FinWait2 = 5,
    TimeWait = 6,
    Closed = 7,
    CloseWait = 8,
    LastAck = 9,
    Listen = 10,
    Closing = 11,
};
} // namespace

const QVector<TcpStateMachine::State> &TcpStateMachine::states()
{
    static const QVector<State> all = {
        {Closed, QStringLiteral("CLOSED"), {2, 0}},
        {Listen, QStringLiteral("LISTEN"), {1, 1}},
        {SynSent, QStringLiteral("SYN-SENT"), {3, 1}},
        {SynReceived, QStringLiteral("SYN-RECEIVED"), {1, 2}},
        {Established, QStringLiteral("ESTABLISHED"), {2, 3}},
        {FinWait1, QStringLiteral("FIN-WAIT-1"), {1, 4}},
        {CloseWait, QStringLiteral("CLOSE-WAIT"), {3, 4}},
        {FinWait2, QStringLiteral("FIN-WAIT-2"), {0.5, 5}},
        {Closing, QStringLiteral("CLOSING"), {1.7, 5}},
        {LastAck, QStringLiteral("LAST-ACK"), {3, 5}},
        {TimeWait, QStringLiteral("TIME-WAIT"), {1.1, 6}},
    };
    return all;
}

const QVector<TcpStateMachine::Transition> &TcpStateMachine::transitions()
{
    static const QVector<Transition> all = {
        {Closed, Listen, QStringLiteral("listen()")},
        {Closed, SynSent, QStringLiteral("connect() / SYN")},
        {Listen, SynReceived, QStringLiteral("SYN / SYN-ACK")},
        {Listen, Closed, QStringLiteral("close()")},
        {SynSent, Established, QStringLiteral("SYN-ACK / ACK")},
        {SynSent, Closed, QStringLiteral("close() or RST")},
        {SynReceived, Established, QStringLiteral("ACK")},
        {Established, FinWait1, QStringLiteral("close() / FIN")},
        {Established, CloseWait, QStringLiteral("FIN / ACK")},
        {FinWait1, FinWait2, QStringLiteral("ACK")},
        {FinWait1, Closing, QStringLiteral("FIN / ACK")},
        {FinWait2, TimeWait, QStringLiteral("FIN / ACK")},
        {Closing, TimeWait, QStringLiteral("ACK")},
        {CloseWait, LastAck, QStringLiteral("close() / FIN")},
        {LastAck, Closed, QStringLiteral("ACK")},
        {TimeWait, Closed, QStringLiteral("2 MSL timeout")},
    };
    return all;
}

int TcpStateMachine::normalise(int kernelState)
{
    return kernelState <= 0 ? Closed : kernelState;
}

int TcpStateMachine::transition(int from, int to)
{
    const QVector<Transition> &all = transitions();
    for (int i = 0; i < all.size(); ++i) {
        if (all.at(i).from == normalise(from) && all.at(i).to == normalise(to))
            return i;
    }
    return -1;
}
