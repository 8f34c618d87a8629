// SPDX-License-Identifier: MIT
#include "StageCalls.h"

#include "CallButton.h"

#include <QHash>

void StageCalls::add(CallButton *button, SocketCall call, const QList<QWidget *> &inputs)
{
    Entry entry;
    entry.button = button;
    entry.call = call;
    for (QWidget *input : inputs)
        entry.inputs << input;
    m_entries << entry;
}

void StageCalls::setOnStage(bool onStage)
{
    m_onStage = onStage;
    apply();
}

void StageCalls::setLastCall(SocketCall call)
{
    if (call == m_lastCall)
        return;
    m_lastCall = call;
    apply();
}

void StageCalls::setShown(const CallButton *button, bool applies, bool wantedOnStage)
{
    for (Entry &entry : m_entries) {
        if (entry.button == button) {
            entry.applies = applies;
            entry.wantedOnStage = wantedOnStage;
        }
    }
}

void StageCalls::setSetAside(bool setAside)
{
    m_setAside = setAside;
}

bool StageCalls::showsOnStage(const Entry &entry) const
{
    if (entry.call != SocketCall::None && entry.call == m_lastCall)
        return true;
    return !m_setAside && entry.wantedOnStage && entry.button->isAvailable();
}

void StageCalls::apply()
{
    // A field stays while any call that reads it is shown.
    QHash<QWidget *, bool> inputShown;
    for (const Entry &entry : std::as_const(m_entries)) {
        if (!entry.button)
            continue;
        const bool shown = entry.applies && (!m_onStage || showsOnStage(entry));
        entry.button->setVisible(shown);
        // The last call's fields were read already: only a call to come needs them.
        const bool needsInputs = shown && entry.wantedOnStage && entry.button->isAvailable();
        for (const QPointer<QWidget> &input : entry.inputs) {
            if (input)
                inputShown[input] = inputShown.value(input) || needsInputs;
        }
    }
    for (auto it = inputShown.cbegin(); it != inputShown.cend(); ++it)
        it.key()->setVisible(it.value() || !m_onStage);
}
