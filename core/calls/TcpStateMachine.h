// SPDX-License-Identifier: MIT
#pragma once

#include <QPointF>
#include <QString>
#include <QVector>

// The TCP state diagram of RFC 793 as data: where each state sits in the figure and which
// transitions join them, with Linux's state numbers (as TCP_INFO and /proc/net/tcp give).
class TcpStateMachine
{
public:
    struct State
    {
        int number;    // Linux numbering; CLOSED is 7
        QString name;  // as RFC 793 spells it: SYN-RECEIVED, FIN-WAIT-1, …
        QPointF place; // in a 5 × 7 grid of the figure
    };
    struct Transition
    {
        int from;
        int to;
        QString label; // "event / action"
    };

    static const QVector<State> &states();
    static const QVector<Transition> &transitions();
    // The figure's state for a kernel state number: gone (0) counts as CLOSED.
    static int normalise(int kernelState);
    // Index into transitions(), or -1 when the diagram has no direct arrow.
    static int transition(int from, int to);
};
