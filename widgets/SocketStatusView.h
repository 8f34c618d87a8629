#pragma once

#include "calls/SocketInfo.h"

#include <QElapsedTimer>
#include <QWidget>

class QLabel;
class QTimer;
class SessionClock;
class StateBadge;

// Everything about one socket at a glance: a big state badge, its id and fd, addresses,
// byte counts, the call it is blocked in with a live timer, and its last error with a hint.
class SocketStatusView : public QWidget
{
    Q_OBJECT
public:
    explicit SocketStatusView(const SessionClock *clock, QWidget *parent = nullptr);

    void showSocket(const SocketInfo &info);
    void showNothing(const QString &why);

    static QString kernelText(const KernelSample &sample);

private:
    void updateBlockedTime();
    void showLiveText();
    static constexpr qint64 liveTextGapMs = 100;

    const SessionClock *m_clock;
    SocketInfo m_info;
    bool m_hasSocket = false;
    StateBadge *m_badge;
    QLabel *m_title;
    QLabel *m_addresses;
    QLabel *m_counts;
    QLabel *m_kernel;
    QLabel *m_call;
    QLabel *m_error;
    QTimer *m_timer;
    QTimer *m_liveTextTimer;
    QElapsedTimer m_liveTextShown;
};
