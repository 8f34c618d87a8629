// SPDX-License-Identifier: MIT
#include "lesson/LessonOutcome.h"

LessonOutcome::Result LessonOutcome::ofCallEvent(const LessonAction &a, const SocketEvent &event,
                                                 Progress *progress)
{
    switch (event.phase) {
    case CallPhase::Started:
        return {};
    case CallPhase::Blocked:
        progress->blocked = true;
        // Blocking is the normal life of accept and recv: the lesson moves on and the call
        // returns when its peer acts in a later step. connect blocks only for the
        // handshake's round trip, unless the lesson expects it to wait.
        if (a.expectBlocks || (a.call != SocketCall::Connect && a.expectedError.isEmpty() &&
                               a.expectedBytes < 0 && !a.untilClosed && !a.expectReturn))
            return {Verdict::Done,
                    tr("blocked: %1 waits for the other side").arg(socketCallName(a.call)), false};
        return {};
    case CallPhase::Failed:
        if (!a.expectedError.isEmpty() && event.error.name() == a.expectedError)
            return {Verdict::Done, tr("failed with %1, as expected").arg(a.expectedError), true};
        return {Verdict::Failed,
                QStringLiteral("%1: %2").arg(event.error.name(), event.error.message()), true};
    case CallPhase::Returned:
        break;
    }
    if (a.call == SocketCall::Recv) {
        ++progress->recvCount;
        progress->recvBytes += qMax<qint64>(0, event.byteCount);
        if (a.untilClosed && event.byteCount > 0)
            return {Verdict::RecvAgain, QString(), false};
    }
    if (!a.expectedError.isEmpty())
        return {Verdict::Failed,
                tr("expected %1, but %2 returned").arg(a.expectedError, socketCallName(a.call)),
                true};
    if (a.expectBlocks && !progress->blocked)
        return {Verdict::Failed,
                tr("expected %1 to block, but it returned at once").arg(socketCallName(a.call)),
                true};
    if (a.expectedBytes >= 0 && event.byteCount != a.expectedBytes)
        return {Verdict::Failed,
                tr("expected recv to return %1 bytes, it returned %2")
                    .arg(a.expectedBytes)
                    .arg(event.byteCount),
                true};
    if (a.untilClosed)
        return {Verdict::Done,
                progress->recvCount == 1
                    ? tr("the first recv returned b'': the peer had closed, nothing more came")
                    : tr("%1 bytes in %2 recv calls; the last returned b'' (the peer closed)")
                          .arg(progress->recvBytes)
                          .arg(progress->recvCount),
                true};
    return {Verdict::Done, QString(), true};
}
