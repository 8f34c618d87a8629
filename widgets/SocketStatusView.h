// SPDX-License-Identifier: MIT
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
    // Presenter mode: the badge with the socket's name beside it, its addresses below across
    // the whole width, the blocked call and the error; byte counts go, and the kernel's line
    // stays only for a listener's accept queue.
    void setCompact(bool compact);
    // Compact and not the socket the stage is about: the badge row only (with its blocked call
    // and error, which always show).
    void setDetailsShown(bool shown);
    // The socket shown (empty: none).
    QString socketId() const { return m_hasSocket ? m_info.id : QString(); }

signals:
    // The badge row was clicked: the stage may make this socket the one it is about.
    void clicked();

protected:
    void mousePressEvent(QMouseEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

    static QString kernelText(const KernelSample &sample);

private:
    void updateBlockedTime();
    void placeRows();
    QString titleText() const;
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
    bool m_compact = false;
    bool m_stacked = false; // the details below the badge rather than beside it
    bool m_detailsShown = true;
};
