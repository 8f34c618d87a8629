// SPDX-License-Identifier: MIT
// What a lesson step's own call event means for the step (LessonOutcome), as a table: the
// action's expectation, the call's events in order, and the verdict after each.

#include "lesson/LessonOutcome.h"

#include <QHash>
#include <QTest>

#include <cerrno>

class TestLessonOutcome : public QObject
{
    Q_OBJECT

private slots:
    void aStepsCallEventsDecideTheStep_data();
    void aStepsCallEventsDecideTheStep();
};

void TestLessonOutcome::aStepsCallEventsDecideTheStep_data()
{
    // The step's action: its call and what the lesson expects ("" nothing, "error NAME",
    // "bytes N", "blocks", "until closed", "returns"). The call's events, in order: started,
    // blocked, returned N (bytes), failed NAME. The verdict after each, and the last detail.
    QTest::addColumn<int>("call");
    QTest::addColumn<QString>("expects");
    QTest::addColumn<QStringList>("events");
    QTest::addColumn<QStringList>("verdicts");
    QTest::addColumn<QString>("detail");
    const int connect = int(SocketCall::Connect), recv = int(SocketCall::Recv),
              accept = int(SocketCall::Accept);
    QTest::newRow("returns: done") << connect << "" << QStringList{"started", "returned 0"}
                                   << QStringList{"pending", "done"} << "";
    QTest::newRow("accept blocks: done, the peer comes later")
        << accept << "" << QStringList{"started", "blocked"} << QStringList{"pending", "done"}
        << "blocked: accept waits";
    QTest::newRow("connect blocks for the handshake only")
        << connect << "" << QStringList{"blocked", "returned 0"} << QStringList{"pending", "done"}
        << "";
    QTest::newRow("expected error comes")
        << connect << "error ECONNREFUSED" << QStringList{"blocked", "failed ECONNREFUSED"}
        << QStringList{"pending", "done"} << "as expected";
    QTest::newRow("another error")
        << connect << "error ECONNREFUSED" << QStringList{"failed ETIMEDOUT"}
        << QStringList{"failed"} << "ETIMEDOUT";
    QTest::newRow("expected error, but it returned")
        << connect << "error ECONNREFUSED" << QStringList{"returned 0"} << QStringList{"failed"}
        << "expected ECONNREFUSED, but connect returned";
    QTest::newRow("must block and did")
        << connect << "blocks" << QStringList{"blocked", "returned 0"}
        << QStringList{"done", "done"} << "";
    QTest::newRow("must block but returned at once")
        << connect << "blocks" << QStringList{"returned 0"} << QStringList{"failed"}
        << "expected connect to block";
    QTest::newRow("recv returns the bytes expected")
        << recv << "bytes 5" << QStringList{"blocked", "returned 5"}
        << QStringList{"pending", "done"} << "";
    QTest::newRow("recv returns other bytes")
        << recv << "bytes 5" << QStringList{"returned 3"} << QStringList{"failed"} << "returned 3";
    QTest::newRow("recv until closed: again while data comes")
        << recv << "until closed" << QStringList{"returned 4", "returned 6", "returned 0"}
        << QStringList{"again", "again", "done"} << "10 bytes in 3 recv calls";
    QTest::newRow("recv until closed: closed at once")
        << recv << "until closed" << QStringList{"returned 0"} << QStringList{"done"}
        << "the first recv returned b''";
    QTest::newRow("recv waits for the return")
        << recv << "returns" << QStringList{"blocked", "returned 2"}
        << QStringList{"pending", "done"} << "";
}

void TestLessonOutcome::aStepsCallEventsDecideTheStep()
{
    QFETCH(int, call);
    QFETCH(QString, expects);
    QFETCH(QStringList, events);
    QFETCH(QStringList, verdicts);
    QFETCH(QString, detail);
    LessonAction a;
    a.kind = LessonAction::Kind::Call;
    a.call = SocketCall(call);
    const QString value = expects.section(QLatin1Char(' '), -1);
    if (expects.startsWith(QLatin1String("error")))
        a.expectedError = value;
    else if (expects.startsWith(QLatin1String("bytes")))
        a.expectedBytes = value.toLongLong();
    a.expectBlocks = expects == QLatin1String("blocks");
    a.untilClosed = expects == QLatin1String("until closed");
    a.expectReturn = expects == QLatin1String("returns");
    const QHash<QString, int> errnos{{QStringLiteral("ECONNREFUSED"), ECONNREFUSED},
                                     {QStringLiteral("ETIMEDOUT"), ETIMEDOUT}};
    const QHash<LessonOutcome::Verdict, QString> names{
        {LessonOutcome::Verdict::Pending, QStringLiteral("pending")},
        {LessonOutcome::Verdict::RecvAgain, QStringLiteral("again")},
        {LessonOutcome::Verdict::Done, QStringLiteral("done")},
        {LessonOutcome::Verdict::Failed, QStringLiteral("failed")}};
    LessonOutcome::Progress progress;
    QStringList seen;
    QString lastDetail;
    for (const QString &text : events) {
        SocketEvent e;
        e.call = a.call;
        const QString word = text.section(QLatin1Char(' '), 0, 0);
        const QString arg = text.section(QLatin1Char(' '), 1);
        e.phase = word == QLatin1String("started")   ? CallPhase::Started
                  : word == QLatin1String("blocked") ? CallPhase::Blocked
                  : word == QLatin1String("failed")  ? CallPhase::Failed
                                                     : CallPhase::Returned;
        if (e.phase == CallPhase::Returned)
            e.byteCount = arg.toInt();
        if (e.phase == CallPhase::Failed)
            e.error = CallError::fromErrno(errnos.value(arg), QString());
        const LessonOutcome::Result r = LessonOutcome::ofCallEvent(a, e, &progress);
        seen << names.value(r.verdict);
        if (r.verdict != LessonOutcome::Verdict::Pending)
            lastDetail = r.detail;
    }
    QCOMPARE(seen, verdicts);
    QVERIFY2(detail.isEmpty() ? lastDetail.isEmpty() : lastDetail.contains(detail),
             qPrintable(lastDetail));
}

QTEST_GUILESS_MAIN(TestLessonOutcome)
#include "tst_lessonoutcome.moc"
