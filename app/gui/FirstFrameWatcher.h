#pragma once

#include <QObject>

class QWidget;

// Tells once when a window has painted its first frame and the event loop has handled what
// that frame queued (layout settling after the first show). The latency report starts there:
// building and first painting the window is start-up, measured on its own (bench/first_frame).
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
