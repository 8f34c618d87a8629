// SPDX-License-Identifier: MIT
// Lesson files and the lesson runner: parsing (good and bad files), the built-in lessons,
// and running lessons on real loopback sockets.

#include "EventRecorder.h"
#include "FreePort.h"
#include "lesson/LessonLibrary.h"
#include "lesson/LessonParser.h"
#include "lesson/LessonRunner.h"
#include "session/SocketSession.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

namespace {
LessonParser::Result parse(const QByteArray &text)
{
    return LessonParser::parse(text, QStringLiteral("test.lesson"), LessonParser::Settings{});
}

const QByteArray header = "lesson: t\ntitle: T\n";
} // namespace

class TestLessons : public QObject
{
    Q_OBJECT
private slots:
    void parsesAGoodLesson();
    void fillsPlaceholders();
    void rejectsBadFiles_data();
    void rejectsBadFiles();
    void rejectsBadLessonFilesOnDisk();
    void builtInLessonsAreComplete_data();
    void builtInLessonsAreComplete();
    void runnerPlaysALessonOnRealSockets();
    void runnerWaitsForTheStudent();
    void previousShowsNarrationWithoutRepeatingCalls();
    void restartClosesTheLessonsSockets();
    void expectedErrorCountsAsDone();
    void unexpectedResultStopsTheLesson();
};

void TestLessons::parsesAGoodLesson()
{
    const LessonParser::Result r = parse("# a comment\n"
                                         "lesson: demo\n"
                                         "title: A demo\n"
                                         "goal: First goal\n"
                                         "goal: Second goal\n"
                                         "\n"
                                         "step: One\n"
                                         "say: Hello\n"
                                         "say: there.\n"
                                         "say:\n"
                                         "say: New paragraph.\n"
                                         "ask: Why?\n"
                                         "answer: Because.\n"
                                         "do: server bind 127.0.0.1 50001\n"
                                         "step: Two\n"
                                         "say: Send.\n"
                                         "wait: client sendall \" hi\\r\\n \"\n"
                                         "step: Three\r\n"
                                         "say: Read.\r\n"
                                         "do: client recv 10\r\n"
                                         "expect: until-closed\r\n"
                                         "step: Four\n"
                                         "say: Look up.\n"
                                         "lookup: service http tcp\n"
                                         "check:\n"
                                         "ask: Q1?\n"
                                         "answer: A1.\n");
    QVERIFY2(r.ok(), qPrintable(r.error));
    const Lesson &l = r.lesson;
    QCOMPARE(l.id, QStringLiteral("demo"));
    QCOMPARE(l.title, QStringLiteral("A demo"));
    QCOMPARE(l.goals, (QStringList{QStringLiteral("First goal"), QStringLiteral("Second goal")}));
    QCOMPARE(l.steps.size(), 4);
    QCOMPARE(l.steps[0].narration, QStringLiteral("Hello there.\n\nNew paragraph."));
    QCOMPARE(l.steps[0].question, QStringLiteral("Why?"));
    QCOMPARE(l.steps[0].answer, QStringLiteral("Because."));
    QCOMPARE(l.steps[0].action.kind, LessonAction::Kind::Call);
    QCOMPARE(l.steps[0].action.call, SocketCall::Bind);
    QCOMPARE(l.steps[0].action.port, 50001);
    QCOMPARE(l.steps[0].action.line, 14);
    QCOMPARE(l.steps[1].action.byUser, true);
    QCOMPARE(l.steps[1].action.data, QByteArray(" hi\r\n "));
    QCOMPARE(l.steps[2].action.untilClosed, true);
    QCOMPARE(l.steps[2].action.number, 10);
    QCOMPARE(l.steps[3].action.kind, LessonAction::Kind::Lookup);
    QCOMPARE(l.steps[3].action.python(), QStringLiteral("socket.getservbyname('http', 'tcp')"));
    QCOMPARE(l.check.size(), 1);
    QCOMPARE(l.check[0].answer, QStringLiteral("A1."));
}

void TestLessons::fillsPlaceholders()
{
    LessonParser::Settings settings;
    settings.host = QStringLiteral("::1");
    settings.port = 41234;
    const LessonParser::Result r =
        LessonParser::parse(header + "step: S\nsay: Port {port} on {host}.\n"
                                     "do: client connect {host} {port}\n",
                            QStringLiteral("x"), settings);
    QVERIFY2(r.ok(), qPrintable(r.error));
    QCOMPARE(r.lesson.steps[0].narration, QStringLiteral("Port 41234 on ::1."));
    QCOMPARE(r.lesson.steps[0].action.host, QStringLiteral("::1"));
    QCOMPARE(r.lesson.steps[0].action.port, 41234);
}

void TestLessons::rejectsBadFiles_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<int>("line");
    QTest::addColumn<QString>("message");

    const QByteArray step = "step: S\nsay: x\n"; // lines 3 and 4 after the header
    QTest::newRow("empty file") << QByteArray() << 1 << "no 'lesson: ID' line";
    QTest::newRow("no lesson line") << QByteArray("title: T\n") << 1 << "starts with 'lesson: ID'";
    QTest::newRow("bad id") << QByteArray("lesson: Bad Id\n") << 1 << "lower-case letters";
    QTest::newRow("two ids") << QByteArray("lesson: a\nlesson: b\n") << 2 << "one lesson per file";
    QTest::newRow("unknown key") << header + "sya: hello\n" << 3 << "not a lesson line";
    QTest::newRow("translated say") << header + "say[de]: hallo\n"
                                    << 3 << "only title and goal can be translated";
    QTest::newRow("three-letter language") << header + "title[deu]: Titel\n"
                                           << 3 << "only title and goal can be translated";
    QTest::newRow("empty translated title") << header + "title[de]:\n" << 3 << "title[de] is empty";
    QTest::newRow("translation before lesson")
        << QByteArray("title[de]: Titel\n") << 1 << "starts with 'lesson: ID'";
    QTest::newRow("translated goal after a step") << header + "step: S\nsay: s\ngoal[de]: Ziel\n"
                                                  << 5 << "comes before the first step";
    QTest::newRow("no colon") << header + step + "just words\n" << 5 << "not a lesson line";
    QTest::newRow("no title") << QByteArray("lesson: t\nstep: S\nsay: x\n") << 3 << "no 'title:'";
    QTest::newRow("no steps") << header + "\n# end\n" << 2 << "no steps";
    QTest::newRow("say before step") << header + "say: hi\n" << 3 << "belongs to a step";
    QTest::newRow("silent step") << header + "step: S\nstep: T\nsay: x\n" << 3 << "nothing to say";
    QTest::newRow("question without answer") << header + "step: S\nsay: x\nask: Why?\n"
                                             << 3 << "no 'answer:'";
    QTest::newRow("answer without question") << header + step + "answer: yes\n"
                                             << 5 << "needs the question";
    QTest::newRow("two actions") << header + step + "do: server socket\ndo: server listen\n"
                                 << 6 << "does one thing";
    QTest::newRow("unknown socket name") << header + step + "do: srv socket\n"
                                         << 5 << "not a lesson socket name";
    QTest::newRow("unknown call") << header + step + "do: server frobnicate\n"
                                  << 5 << "not a call a lesson can make";
    QTest::newRow("bind without port") << header + step + "do: server bind 127.0.0.1\n"
                                       << 5 << "bind needs HOST PORT";
    QTest::newRow("port too big") << header + step + "do: client connect h 70000\n"
                                  << 5 << "out of range 0–65535";
    QTest::newRow("port not a number") << header + step + "do: client connect h http\n"
                                       << 5 << "is not a number";
    QTest::newRow("negative backlog") << header + step + "do: server listen -1\n"
                                      << 5 << "out of range";
    QTest::newRow("recv zero") << header + step + "do: client recv 0\n" << 5 << "out of range";
    QTest::newRow("send nothing") << header + step + "do: client send\n"
                                  << 5 << "needs the data to send";
    QTest::newRow("bad escape") << header + step + "do: client send a\\xZZ\n"
                                << 5 << "sendall data" /* replaced below */;
    QTest::newRow("unknown family") << header + step + "do: client socket AF_NOPE\n"
                                    << 5 << "not a AF_ constant";
    QTest::newRow("conn from socket") << header + step + "do: conn socket\n"
                                      << 5 << "come from accept()";
    QTest::newRow("shutdown how") << header + step + "do: client shutdown BOTH\n"
                                  << 5 << "SHUT_RD, SHUT_WR or SHUT_RDWR";
    QTest::newRow("setsockopt unknown") << header + step + "do: server setsockopt SO_FOO 1\n"
                                        << 5 << "not an option a lesson can set";
    QTest::newRow("setsockopt flag 2") << header + step + "do: server setsockopt TCP_NODELAY 2\n"
                                       << 5 << "out of range 0–1";
    QTest::newRow("serve unknown mode") << header + step + "do: server serve ftp\n"
                                        << 5 << "serve needs a mode";
    QTest::newRow("client serves") << header + step + "do: client serve echo\n"
                                   << 5 << "only a server socket can serve";
    QTest::newRow("expect without call") << header + step + "expect: ECONNREFUSED\n"
                                         << 5 << "follows a 'do:'";
    QTest::newRow("expect nonsense") << header + step + "do: client recv 5\nexpect: soon\n"
                                     << 6 << "write an errno name";
    QTest::newRow("bytes on send") << header + step + "do: client send x\nexpect: 3 bytes\n"
                                   << 6 << "is for recv";
    QTest::newRow("unknown lookup") << header + step + "lookup: whois example\n"
                                    << 5 << "lookup needs one of";
    QTest::newRow("lookup args") << header + step + "lookup: hostname extra\n"
                                 << 5 << "takes no arguments";
    QTest::newRow("browse url") << header + step + "browse: http://example.com/\n"
                                << 5 << "a path on the lesson's server";
    QTest::newRow("goal after step") << header + step + "goal: late\n"
                                     << 5 << "before the first step";
    QTest::newRow("step after check") << header + step + "check:\nstep: X\n"
                                      << 6 << "before the closing 'check:'";
    QTest::newRow("say in check") << header + step + "check:\nsay: x\n"
                                  << 6 << "only 'ask:' and 'answer:'";
    QTest::newRow("check without answer") << header + step + "check:\nask: Q?\n"
                                          << 6 << "no 'answer:'";
    QTest::newRow("not utf-8") << header + "step: S\nsay: caf\xe9\n" << 4 << "not UTF-8";
    QTest::newRow("nul byte") << header + "step: S\nsay: a\0b\n" << 4 << "NUL";
}

void TestLessons::rejectsBadFiles()
{
    QFETCH(QByteArray, text);
    QFETCH(int, line);
    QFETCH(QString, message);
    if (QByteArray(QTest::currentDataTag()) == "bad escape")
        message = QStringLiteral("send data");
    if (QByteArray(QTest::currentDataTag()) == "nul byte")
        text = header + QByteArray("step: S\nsay: a\0b\n", 17);
    const LessonParser::Result r = parse(text);
    QVERIFY2(!r.ok(), "a bad lesson was accepted");
    QVERIFY2(r.error.contains(message), qPrintable(r.error));
    QCOMPARE(r.line, line);
    QVERIFY2(r.error.startsWith(QStringLiteral("line %1: ").arg(line)), qPrintable(r.error));
}

void TestLessons::rejectsBadLessonFilesOnDisk()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const LessonParser::Result missing = LessonLibrary::load(dir.filePath(QStringLiteral("x")));
    QVERIFY(missing.error.contains(QStringLiteral("no such lesson")));
    QVERIFY(missing.error.contains(QStringLiteral("getting-the-flow")));
    QVERIFY(LessonLibrary::load(dir.path()).error.contains(QStringLiteral("is a folder")));

    QFile big(dir.filePath(QStringLiteral("big.lesson")));
    QVERIFY(big.open(QIODevice::WriteOnly));
    big.write(QByteArray(LessonParser::maxFileSize + 1, '#'));
    big.close();
    QVERIFY(LessonLibrary::load(big.fileName()).error.contains(QStringLiteral("at most")));

    QFile bad(dir.filePath(QStringLiteral("bad.lesson")));
    QVERIFY(bad.open(QIODevice::WriteOnly));
    bad.write(header + "step: S\nsay: x\ndo: client connect h 99999\n");
    bad.close();
    const LessonParser::Result r = LessonLibrary::load(bad.fileName());
    QCOMPARE(r.error, QStringLiteral("bad.lesson: line 5: port 99999 is out of range 0–65535"));
}

void TestLessons::builtInLessonsAreComplete_data()
{
    QTest::addColumn<QString>("id");
    for (const QString &id : LessonLibrary::builtInIds())
        QTest::newRow(qPrintable(id)) << id;
}

void TestLessons::builtInLessonsAreComplete()
{
    QFETCH(QString, id);
    const LessonParser::Result r = LessonLibrary::load(id);
    QVERIFY2(r.ok(), qPrintable(r.error));
    QCOMPARE(r.lesson.id, id);
    QVERIFY(!r.lesson.title.isEmpty());
    QVERIFY2(r.lesson.goals.size() >= 2, "a lesson states what it teaches");
    QVERIFY2(r.lesson.check.size() >= 3, "a lesson ends with a check of the outcomes");
    int questions = 0;
    for (const LessonStep &s : r.lesson.steps) {
        QVERIFY(!s.narration.isEmpty());
        questions += s.question.isEmpty() ? 0 : 1;
    }
    QVERIFY2(questions >= 1, "a lesson asks at least one question along the way");
}

void TestLessons::runnerPlaysALessonOnRealSockets()
{
    LessonParser::Settings settings;
    settings.port = freePort();
    const LessonParser::Result r =
        LessonLibrary::load(QStringLiteral("getting-the-flow"), settings);
    QVERIFY2(r.ok(), qPrintable(r.error));
    SocketSession session;
    EventRecorder events(&session);
    LessonRunner runner(&session);
    runner.setActsForUser(true);
    runner.setPlayDelayMs(0);
    runner.setLesson(r.lesson);
    QSignalSpy finished(&runner, &LessonRunner::finished);
    runner.play();
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 10000);
    QCOMPARE(finished.first().first().toBool(), true);
    for (int i = 0; i < runner.stepCount(); ++i)
        QCOMPARE(runner.status(i), LessonRunner::StepStatus::Done);
    QCOMPARE(runner.currentStep(), runner.stepCount());

    const QString client = runner.socketIdFor(QStringLiteral("client"));
    const QString conn = runner.socketIdFor(QStringLiteral("conn"));
    QVERIFY(client.startsWith(QStringLiteral("client#")));
    QVERIFY(conn.startsWith(QStringLiteral("conn#")));
    QCOMPARE(events.waitFor(conn, SocketCall::Recv, CallPhase::Returned).data,
             QByteArray("Hello, server!"));
    QCOMPARE(events.waitFor(client, SocketCall::Recv, CallPhase::Returned).data,
             QByteArray("Hello, client!"));
    const SocketEvent last = events.waitFor(client, SocketCall::Recv, CallPhase::Returned);
    QCOMPARE(last.byteCount, 0);
    QCOMPARE(last.kernelState, QStringLiteral("CLOSE_WAIT"));
}

void TestLessons::runnerWaitsForTheStudent()
{
    LessonParser::Settings settings;
    settings.port = freePort();
    const LessonParser::Result r =
        LessonParser::parse(header + "step: A\nsay: server\ndo: server socket\n"
                                     "step: B\nsay: bind\ndo: server bind {host} {port}\n"
                                     "step: C\nsay: your turn\nwait: client socket\n"
                                     "step: D\nsay: done\n",
                            QStringLiteral("x"), settings);
    QVERIFY2(r.ok(), qPrintable(r.error));
    SocketSession session;
    EventRecorder events(&session);
    LessonRunner runner(&session);
    runner.setPlayDelayMs(0);
    runner.setLesson(r.lesson);
    runner.play();
    QTRY_COMPARE(runner.status(2), LessonRunner::StepStatus::WaitingForUser);
    QVERIFY(runner.isPlaying());
    QVERIFY(runner.socketIdFor(QStringLiteral("client")).isEmpty());
    QTest::qWait(100);
    QCOMPARE(runner.currentStep(), 2); // play does not pass a student's turn

    // The student presses socket in the client pane: the lesson sees it in the log.
    QString id;
    QVERIFY(session.createSocket(SocketRole::Client, AF_INET, SOCK_STREAM, 0, &id).isEmpty());
    QTRY_COMPARE(runner.status(2), LessonRunner::StepStatus::Done);
    QCOMPARE(runner.socketIdFor(QStringLiteral("client")), id);
    QTRY_COMPARE(runner.currentStep(), 4);
}

void TestLessons::previousShowsNarrationWithoutRepeatingCalls()
{
    const LessonParser::Result r =
        parse(header + "step: A\nsay: a\ndo: client socket\nstep: B\nsay: b\ndo: client close\n"
                       "step: C\nsay: c\n");
    SocketSession session;
    EventRecorder events(&session);
    LessonRunner runner(&session);
    runner.setLesson(r.lesson);
    QSignalSpy changed(&runner, &LessonRunner::stepChanged);
    runner.next();
    QTRY_COMPARE(runner.status(0), LessonRunner::StepStatus::Done);
    runner.next();
    QTRY_COMPARE(runner.status(1), LessonRunner::StepStatus::Done);
    const int eventsBefore = int(events.events().size());
    runner.previous();
    runner.previous();
    QCOMPARE(runner.currentStep(), -1); // the title page
    runner.next();
    runner.next();
    QCOMPARE(runner.currentStep(), 1);
    QTest::qWait(50);
    QCOMPARE(events.events().size(), eventsBefore); // nothing was called again
    runner.next();
    QCOMPARE(runner.currentStep(), 2);
    QCOMPARE(changed.size(), 7);
}

void TestLessons::restartClosesTheLessonsSockets()
{
    LessonParser::Settings settings;
    settings.port = freePort();
    const LessonParser::Result r =
        LessonParser::parse(header + "step: A\nsay: a\ndo: server socket\n"
                                     "step: B\nsay: b\ndo: server setsockopt SO_REUSEADDR 1\n"
                                     "step: C\nsay: c\ndo: server bind {host} {port}\n"
                                     "step: D\nsay: d\ndo: server listen 1\n"
                                     "step: E\nsay: e\ndo: server accept\n"
                                     "step: F\nsay: f\ndo: client socket\n"
                                     "step: G\nsay: g\ndo: client connect {host} {port}\n",
                            QStringLiteral("x"), settings);
    QVERIFY2(r.ok(), qPrintable(r.error));
    SocketSession session;
    EventRecorder events(&session);
    LessonRunner runner(&session);
    runner.setPlayDelayMs(0);
    runner.setLesson(r.lesson);
    QSignalSpy finished(&runner, &LessonRunner::finished);
    runner.play();
    QTRY_COMPARE(finished.size(), 1);
    QTRY_VERIFY(!runner.socketIdFor(QStringLiteral("conn")).isEmpty());
    const QStringList ids{runner.socketIdFor(QStringLiteral("server")),
                          runner.socketIdFor(QStringLiteral("client")),
                          runner.socketIdFor(QStringLiteral("conn"))};
    runner.restart();
    QCOMPARE(runner.currentStep(), -1);
    QCOMPARE(runner.status(0), LessonRunner::StepStatus::NotRun);
    for (const QString &id : ids)
        QTRY_COMPARE(session.socket(id).state, SocketState::Closed);
    // The same port can be bound again at once: the lesson sets SO_REUSEADDR.
    runner.play();
    QTRY_COMPARE(finished.size(), 2);
    QCOMPARE(finished.last().first().toBool(), true);
}

void TestLessons::expectedErrorCountsAsDone()
{
    LessonParser::Settings settings;
    settings.port = freePort(); // nobody listens there
    const LessonParser::Result r = LessonParser::parse(
        header + "step: A\nsay: a\ndo: client socket\n"
                 "step: B\nsay: b\ndo: client connect {host} {port}\nexpect: ECONNREFUSED\n",
        QStringLiteral("x"), settings);
    QVERIFY2(r.ok(), qPrintable(r.error));
    SocketSession session;
    LessonRunner runner(&session);
    runner.setPlayDelayMs(0);
    runner.setLesson(r.lesson);
    QSignalSpy finished(&runner, &LessonRunner::finished);
    runner.play();
    QTRY_COMPARE(finished.size(), 1);
    QCOMPARE(finished.first().first().toBool(), true);
    QVERIFY(runner.statusDetail(1).contains(QStringLiteral("ECONNREFUSED, as expected")));
}

void TestLessons::unexpectedResultStopsTheLesson()
{
    LessonParser::Settings settings;
    settings.port = freePort();
    const LessonParser::Result r =
        LessonParser::parse(header + "step: A\nsay: a\ndo: client socket\n"
                                     "step: B\nsay: b\ndo: client connect {host} {port}\n"
                                     "step: C\nsay: c\ndo: client close\n",
                            QStringLiteral("x"), settings);
    SocketSession session;
    LessonRunner runner(&session);
    runner.setPlayDelayMs(0);
    runner.setLesson(r.lesson);
    runner.play();
    QTRY_COMPARE(runner.status(1), LessonRunner::StepStatus::Failed);
    QVERIFY(runner.statusDetail(1).startsWith(QStringLiteral("ECONNREFUSED")));
    QVERIFY(!runner.isPlaying());
    QTest::qWait(50);
    QCOMPARE(runner.currentStep(), 1);
    QCOMPARE(runner.status(2), LessonRunner::StepStatus::NotRun);
}

QTEST_GUILESS_MAIN(TestLessons)
#include "tst_lessons.moc"
