// SPDX-License-Identifier: MIT
#include "lookup/BackgroundLookup.h"

BackgroundLookup::BackgroundLookup(QObject *parent) : QObject(parent) {}

void BackgroundLookup::cancel()
{
    ++m_token;
    setBusy(false);
}

void BackgroundLookup::setBusy(bool busy)
{
    if (busy == m_busy)
        return;
    m_busy = busy;
    emit busyChanged(busy);
}

void BackgroundLookup::deliver(quint64 token, const std::function<void()> &done)
{
    if (token != m_token) {
        ++m_dropped;
        emit staleAnswerDropped();
        return;
    }
    setBusy(false);
    done();
}
