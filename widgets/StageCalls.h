// SPDX-License-Identifier: MIT
#pragma once

#include "calls/SocketCall.h"

#include <QList>
#include <QPointer>

class CallButton;
class QWidget;

// Which of a pane's call buttons and fields are shown. Off the stage every call that applies
// to the pane's socket is shown (disabled when the rules say not now). On the stage
// (presenter mode, often a 1024×768 projector) a pane shows only what the class needs to
// follow the step: the calls its socket can make now, the call it made last (a lesson's call
// or a click, so everyone sees which button it was), and the fields those calls read.
class StageCalls
{
public:
    // button makes call; inputs are the fields it reads (a field may belong to several).
    void add(CallButton *button, SocketCall call, const QList<QWidget *> &inputs = {});
    void setOnStage(bool onStage);
    bool isOnStage() const { return m_onStage; }
    // The newest call on the pane's socket (None: none yet, or another socket chosen).
    void setLastCall(SocketCall call);
    // applies: the call belongs to this kind of socket at all (sendto to UDP, not TCP).
    // wantedOnStage: worth showing on the stage even when it could be made now (a second
    // socket() while the first is still open makes another socket, not a call on this one).
    void setShown(const CallButton *button, bool applies, bool wantedOnStage = true);
    // On the stage, the pane is about another of its sockets for now: of these calls only the
    // last one shows (a server's accept() just after it returned the connection).
    void setSetAside(bool setAside);
    // Shows and hides after the buttons' availability changed.
    void apply();

private:
    struct Entry
    {
        QPointer<CallButton> button;
        SocketCall call = SocketCall::None;
        QList<QPointer<QWidget>> inputs;
        bool applies = true;
        bool wantedOnStage = true;
    };
    bool showsOnStage(const Entry &entry) const;

    QList<Entry> m_entries;
    bool m_onStage = false;
    bool m_setAside = false;
    SocketCall m_lastCall = SocketCall::None;
};
