// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>

class QWidget;

// Tells once, 100 ms after a window painted its first frame: by then the first show has
// settled (wrapping labels found their height, scroll bars appeared and were painted). The
// latency report starts there: building and first painting the window is start-up, measured
// on its own (bench/first_frame).
class FirstFrameWatcher : public QObject
{
    Q_OBJECT
public:
    explicit FirstFrameWatcher(QWidget *window);

signals:
    void settled();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    static constexpr int settleMs = 100;
    QWidget *m_window;
    bool m_painted = false;
};
