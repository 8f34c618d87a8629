// SPDX-License-Identifier: MIT
#pragma once

#include "calls/SocketEvent.h"
#include "calls/SocketRole.h"
#include "lesson/Lesson.h"
#include "lesson/LessonOutcome.h"
#include "lesson/LessonStepStatus.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QTimer>
#include <QUrl>

#include <functional>
#include <memory>

class AutoServer;
class BackgroundLookup;
class CallSequence;
class SocketSession;

// Makes a lesson's steps happen on a SocketSession and says how each went. A call step goes
// through a CallSequence and LessonOutcome judges its events; a "wait:" step waits for the
// student's own click in a pane; serve, lookup and browse steps start an AutoServer, a
// background lookup or a browser's request. It knows which session socket each of the
// lesson's names ("server", "conn2") stands for. When a step runs is the player's business
// (LessonRunner).
class LessonExecutor : public QObject
{
    Q_OBJECT
public:
    explicit LessonExecutor(SocketSession *session, QObject *parent = nullptr);
    ~LessonExecutor() override;

    // How long a browse: step waits before it says to open the address by hand.
    static constexpr int browserPatienceMs = 8000;

    // Closes the previous lesson's sockets and forgets every step's status.
    void setLesson(const Lesson &lesson);
    // See LessonRunner::setReachPolicy.
    void setReachPolicy(bool anyAddress, std::function<bool(const QString &why)> ask);

    // Starts the step's action. asUser: a "wait:" step's call is made rather than waited
    // for, and "browse:" sends a browser's request rather than asking for a browser.
    void perform(int step, bool asUser);
    LessonStepStatus status(int step) const
    {
        return m_status.value(step, LessonStepStatus::NotRun);
    }
    QString statusDetail(int step) const { return m_detail.value(step); }
    QString socketIdFor(const QString &name) const { return m_names.value(name); }

signals:
    void statusChanged(int step, LessonStepStatus status, const QString &detail);
    // The step's action is over, done or failed (a call that blocked may return later).
    void stepEnded(int step);
    void output(int step, const QString &text);
    void socketNamed(const QString &name, const QString &socketId, SocketRole role);
    void browseRequested(const QUrl &url);

private:
    void performCall(int step, const LessonAction &action);
    void performServe(int step, const LessonAction &action);
    void performLookup(int step, const LessonAction &action);
    void performBrowse(int step, const LessonAction &action, bool asUser);
    QString whyNotReady(const LessonAction &action) const;
    QString issueCall(const LessonAction &action, QString *socketId);
    void setStatus(int step, LessonStepStatus status, const QString &detail);
    void end(int step, LessonStepStatus status, const QString &detail);
    void onEvent(const SocketEvent &event);
    void onUserEvent(const SocketEvent &event);
    void nameSocket(const QString &name, const QString &socketId, SocketRole role);
    void closeLessonSockets();
    // A recv's bytes in lines, when they are text in lines (an HTTP request), as output.
    void showReceivedText(int step, const SocketEvent &event);

    SocketSession *m_session;
    Lesson m_lesson;
    QHash<int, LessonStepStatus> m_status;
    QHash<int, QString> m_detail;
    QHash<QString, QString> m_names; // lesson name → session socket id
    bool m_anyAddress = false;
    std::function<bool(const QString &why)> m_askReach;
    int m_userStep = -1; // the "wait:" step whose call the student is to make

    std::unique_ptr<CallSequence> m_calls;
    int m_callStep = -1;
    LessonOutcome::Progress m_callProgress;

    std::unique_ptr<BackgroundLookup> m_lookups;
    QList<AutoServer *> m_servers;
    std::unique_ptr<CallSequence> m_browser;
    QString m_browserSocket;
    // The browse: step waiting for the system's browser to connect to the lesson's server,
    // and the wait after which it says to open the address by hand.
    int m_browseStep = -1;
    QTimer *m_browserWait;
};
