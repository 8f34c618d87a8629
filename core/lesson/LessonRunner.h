// SPDX-License-Identifier: MIT
#pragma once

#include "calls/SocketRole.h"
#include "lesson/Lesson.h"
#include "lesson/LessonStepStatus.h"

#include <QObject>
#include <QTimer>
#include <QUrl>

#include <functional>
#include <optional>

class LessonExecutor;
class SocketSession;

// Plays a lesson on a SocketSession: shows one step at a time and has its executor
// (LessonExecutor) make the step's call through the same session the panes use, so the
// log, diagram and panes show it like a clicked call. Going back only shows earlier
// narration; calls are never undone.
//
// Step indexes: -1 is the lesson's title page, 0…n-1 the steps, n the closing check.
class LessonRunner : public QObject
{
    Q_OBJECT
public:
    using StepStatus = LessonStepStatus;

    explicit LessonRunner(SocketSession *session, QObject *parent = nullptr);
    ~LessonRunner() override;

    // Closes the previous lesson's sockets and shows the new lesson's title page.
    void setLesson(const Lesson &lesson);
    const Lesson &lesson() const { return m_lesson; }
    bool hasLesson() const { return !m_lesson.id.isEmpty(); }

    // Headless runs: "wait:" steps are done by the lesson, and "browse:" sends the request
    // a browser would send from a socket of the lesson's own.
    void setActsForUser(bool acts) { m_actsForUser = acts; }
    // A lesson that wants to reach an address that is neither its own nor the one chosen
    // for it (LessonReach) is refused, unless anyAddress, or unless ask (the window's
    // question) says yes.
    void setReachPolicy(bool anyAddress, std::function<bool(const QString &why)> ask = {});
    // Pause between steps while playing.
    static constexpr int defaultPlayDelayMs = 2000;
    void setPlayDelayMs(int ms);
    int playDelayMs() const { return m_playDelayMs; }

    int currentStep() const { return m_current; }
    int stepCount() const { return int(m_lesson.steps.size()); }
    StepStatus status(int step) const;
    QString statusDetail(int step) const;
    bool isPlaying() const { return m_playing; }
    bool isBusy() const; // the current step's action has not finished yet
    // Which session socket a lesson name ("client2") stands for, if any yet.
    QString socketIdFor(const QString &name) const;

    static QString statusName(StepStatus status);

public slots:
    // Shows the next step and makes its call, unless the step was already run.
    void next();
    // Shows the previous step's narration; nothing is undone.
    void previous();
    void play();
    void pause();
    // Closes the lesson's sockets and goes back to the title page.
    void restart();
    // Plays (acting for the user) until step is shown and finished, then pauses.
    void runTo(int step);
    // Makes the current "wait:" step's call for the user.
    void doItForMe();

signals:
    void stepChanged(int step);
    void statusChanged(int step, LessonStepStatus status, const QString &detail);
    // Text the step produced: a lookup's answer, a browser's URL, a received page.
    void output(int step, const QString &text);
    void socketNamed(const QString &name, const QString &socketId, SocketRole role);
    // The GUI opens the system browser here.
    void browseRequested(const QUrl &url);
    void playingChanged(bool playing);
    // The closing check was reached; ok is false when a step failed.
    void finished(bool ok);

private:
    void stepEnded(int step);
    // runTo() is on its way to a later step: no pauses meant for a class before it.
    bool hurrying(int step) const { return m_stopAt && *m_stopAt > step; }

    LessonExecutor *m_executor;
    Lesson m_lesson;
    int m_current = -1;
    int m_reached = -1; // the last step whose action was started
    bool m_actsForUser = false;
    bool m_playing = false;
    bool m_nextWhenDone = false;
    std::optional<int> m_stopAt; // where runTo() pauses
    int m_playDelayMs = defaultPlayDelayMs;
    QTimer m_playTimer;
};
