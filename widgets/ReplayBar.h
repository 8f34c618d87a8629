// SPDX-License-Identifier: MIT
#pragma once

#include <QFrame>

class QAction;
class QLabel;
class QSlider;

// The controls of a replayed session: step back and forward through its events, jump to
// either end, close the replay. Position n means "the first n events have happened".
class ReplayBar : public QFrame
{
    Q_OBJECT
public:
    explicit ReplayBar(QWidget *parent = nullptr);

    void start(const QString &title, int eventCount);
    void setPosition(int position);
    int position() const { return m_position; }
    int eventCount() const { return m_count; }
    QList<QAction *> navigationActions() const;

signals:
    void positionRequested(int position);
    void closeRequested();

private:
    void request(int position);

    QLabel *m_title;
    QLabel *m_where;
    QSlider *m_slider;
    QAction *m_back;
    QAction *m_forward;
    QAction *m_first;
    QAction *m_last;
    QAction *m_close;
    int m_position = 0;
    int m_count = 0;
};
