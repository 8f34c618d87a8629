// SPDX-License-Identifier: MIT
#pragma once

#include "calls/SocketEvent.h"
#include "lesson/LessonAction.h"

#include <QCoreApplication>
#include <QString>

// What an event of a step's own call means for the step, against what the lesson expects
// (an errno, a byte count, blocking, recv until b''). Plain data in, a verdict out: the
// runner (LessonRunner) acts on it, tst_lessons checks it as a table.
class LessonOutcome
{
    Q_DECLARE_TR_FUNCTIONS(LessonOutcome)

public:
    // What the step's call did so far; the check updates it.
    struct Progress
    {
        bool blocked = false;
        int recvCount = 0;
        qint64 recvBytes = 0;
    };
    enum class Verdict
    {
        Pending,   // nothing to decide yet: the call goes on
        RecvAgain, // recv until closed: data came, so call recv again
        Done,      // the step is done (detail says how, or is empty)
        Failed,    // the step failed (detail says why)
    };
    struct Result
    {
        Verdict verdict = Verdict::Pending;
        QString detail;
        // The call is over (returned or failed): later events of it are not the step's.
        bool callEnded = false;
    };

    static Result ofCallEvent(const LessonAction &action, const SocketEvent &event,
                              Progress *progress);
};
