// SPDX-License-Identifier: MIT
// Lessons as exercises: the program a lesson builds with code: lines, a student's turn that
// checks which bytes were sent, and the echo homework made by clicking, as a student does.

#include "ConnectionControls.h"
#include "FreePort.h"
#include "LessonProgramView.h"
#include "MainWindow.h"
#include "MessageEditor.h"
#include "ServerPane.h"
#include "WindowDriver.h"
#include "lesson/LessonExecutor.h"
#include "lesson/LessonParser.h"
#include "lesson/LessonRunner.h"
#include "session/SocketSession.h"

#include <QSpinBox>
#include <QStandardPaths>
#include <QTcpSocket>
#include <QTest>

namespace {
const QByteArray header = "lesson: t\ntitle: T\n";

LessonParser::Result parse(const QByteArray &text)
{
    return LessonParser::parse(text, QStringLiteral("test"), LessonParser::Settings());
}

// A listener on a free port with accept() waiting, then the steps given.
Lesson acceptingThen(const QByteArray &steps)
{
    LessonParser::Settings settings;
    settings.port = freePort();
    const LessonParser::Result r =
        LessonParser::parse(header +
                                "step: A\nsay: a\ndo: server socket\n"
                                "step: B\nsay: b\ndo: server bind {host} {port}\n"
                                "step: C\nsay: c\ndo: server listen 1\n"
                                "step: D\nsay: d\ndo: server accept\n" +
                                steps,
                            QStringLiteral("x"), settings);
    if (!r.ok())
        qWarning("%s", qPrintable(r.error));
    return r.lesson;
}
} // namespace

class TestLessonExercise : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void codeLinesKeepTheirIndentation();
    void codeIsIndentedWithSpaces();
    void theProgramShowsAsTextNotMarkup();
    void aWrongEchoKeepsTheStudentsTurn();
    void theEchoHomeworkIsMadeByClicking();
    void aBrowseStepIsDoneWhenTheBrowserConnects();
    void withoutABrowserTheLessonSaysWhatToDo();
};

void TestLessonExercise::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestLessonExercise::codeLinesKeepTheirIndentation()
{
    const LessonParser::Result r = parse(header + "step: A\nsay: a\n"
                                                  "code: while True:\n"
                                                  "code:\n"
                                                  "code:     data = conn.recv({port})\n"
                                                  "step: B\nsay: b\n"
                                                  "step: C\nsay: c\n"
                                                  "code:         conn.sendall(data)   \n");
    QVERIFY2(r.ok(), qPrintable(r.error));
    QCOMPARE(r.lesson.steps.at(0).code,
             (QStringList{"while True:", "", "    data = conn.recv(50000)"}));
    QVERIFY(r.lesson.steps.at(1).code.isEmpty());
    QCOMPARE(r.lesson.programUpTo(1), r.lesson.steps.at(0).code);
    QCOMPARE(r.lesson.programUpTo(2).last(), QStringLiteral("        conn.sendall(data)"));
    QCOMPARE(r.lesson.programUpTo(-1), QStringList());
}

void TestLessonExercise::codeIsIndentedWithSpaces()
{
    const LessonParser::Result r = parse(header + "step: A\nsay: a\ncode: \tx = 1\n");
    QVERIFY(!r.ok());
    QVERIFY2(r.error.contains(QStringLiteral("spaces")), qPrintable(r.error));
    const LessonParser::Result outside = parse(header + "code: x = 1\n");
    QVERIFY(!outside.ok());
}

void TestLessonExercise::theProgramShowsAsTextNotMarkup()
{
    // A shared lesson is untrusted: its code is shown as it is written, never as markup.
    LessonProgramView view;
    view.showProgram({QStringLiteral("if a < b:")}, {QStringLiteral("    print('<b>x</b>')")});
    QVERIFY(!view.isHidden());
    QVERIFY(view.text().contains(QStringLiteral("&lt;b&gt;x&lt;/b&gt;")));
    QVERIFY(view.text().contains(QStringLiteral("if a &lt; b:")));
    // A step that adds nothing: the panel keeps the program, the caption hides it.
    view.showProgram({QStringLiteral("x")}, {});
    QVERIFY(!view.isHidden());
    view.setContextLines(1);
    QVERIFY(view.isHidden());
    view.showProgram({}, {});
    QVERIFY(view.isHidden());
}

void TestLessonExercise::aWrongEchoKeepsTheStudentsTurn()
{
    const Lesson lesson = acceptingThen("step: E\nsay: e\ndo: client socket\n"
                                        "step: F\nsay: f\ndo: client connect {host} {port}\n"
                                        "step: G\nsay: echo it\nwait: conn sendall hi\n");
    QCOMPARE(lesson.steps.size(), 7);
    SocketSession session;
    LessonRunner runner(&session);
    runner.setPlayDelayMs(0);
    runner.setLesson(lesson);
    runner.play();
    QTRY_COMPARE(runner.status(6), LessonRunner::StepStatus::WaitingForUser);
    QTRY_VERIFY(!runner.socketIdFor(QStringLiteral("conn")).isEmpty());
    const QString conn = runner.socketIdFor(QStringLiteral("conn"));

    // Other bytes than the step's: still the student's turn, and the lesson says why.
    QVERIFY(session.sendAll(conn, "bye").isEmpty());
    QTRY_VERIFY(runner.statusDetail(6).contains(QStringLiteral("b'bye'")));
    QCOMPARE(runner.status(6), LessonRunner::StepStatus::WaitingForUser);
    QVERIFY(runner.statusDetail(6).contains(QStringLiteral("b'hi'")));
    QTRY_VERIFY(!session.socket(conn).isBusy());
    QVERIFY(session.sendAll(conn, "hi").isEmpty());
    QTRY_COMPARE(runner.status(6), LessonRunner::StepStatus::Done);
}

void TestLessonExercise::theEchoHomeworkIsMadeByClicking()
{
    WindowDriver driver;
    QVERIFY(driver.open());
    MainWindow *window = driver.window();
    window->findChild<QSpinBox *>(QStringLiteral("server.port"))->setValue(freePort());
    QString error;
    QVERIFY2(window->openLesson(QStringLiteral("echo-homework"), &error), qPrintable(error));
    LessonRunner *runner = window->lessonRunner();
    runner->setPlayDelayMs(0);
    // The button a student presses for each of their turns, by the call the step waits for.
    const QHash<SocketCall, QString> buttons{
        {SocketCall::Socket, QStringLiteral("server.socket")},
        {SocketCall::SetSockOpt, QStringLiteral("server.setsockopt")},
        {SocketCall::Bind, QStringLiteral("server.bind")},
        {SocketCall::Listen, QStringLiteral("server.listen")},
        {SocketCall::Accept, QStringLiteral("server.accept")},
        {SocketCall::Recv, QStringLiteral("conn.recv")},
        {SocketCall::SendAll, QStringLiteral("conn.sendall")},
        {SocketCall::Close, QStringLiteral("conn.close")},
    };
    auto *program = window->findChild<LessonProgramView *>(QStringLiteral("lessonProgram"));
    QVERIFY(program);
    runner->play();
    int turns = 0;
    const int steps = runner->stepCount();
    for (int step = 0; step < steps; ++step) {
        QTRY_VERIFY2_WITH_TIMEOUT(
            runner->status(step) == LessonRunner::StepStatus::Done ||
                runner->status(step) == LessonRunner::StepStatus::WaitingForUser,
            qPrintable(QStringLiteral("step %1: %2").arg(step + 1).arg(runner->statusDetail(step))),
            10000);
        if (runner->status(step) == LessonRunner::StepStatus::Done)
            continue;
        ++turns;
        const LessonAction &a = runner->lesson().steps.at(step).action;
        if (a.call == SocketCall::SendAll) {
            // The message box holds what recv returned, ready to send back.
            QCOMPARE(window->serverPane()->connectionControls()->editor()->bytes(), a.data);
            QVERIFY2(program->text().contains(QStringLiteral("conn.sendall(data)")),
                     qPrintable(program->text()));
        }
        QVERIFY(buttons.contains(a.call));
        QTRY_VERIFY2(driver.enabled(buttons.value(a.call)), qPrintable(buttons.value(a.call)));
        driver.click(buttons.value(a.call));
        QTRY_COMPARE_WITH_TIMEOUT(runner->status(step), LessonRunner::StepStatus::Done, 10000);
    }
    QCOMPARE(turns, 9);
    QVERIFY(runner->lesson().programUpTo(steps - 1).contains(QStringLiteral("    conn.close()")));
}

namespace {
Lesson browserLesson()
{
    return acceptingThen("step: E\nsay: e\nbrowse: /\nstep: F\nsay: f\ndo: conn recv 4096\n");
}
} // namespace

void TestLessonExercise::aBrowseStepIsDoneWhenTheBrowserConnects()
{
    // "✓ Done … opened in your browser" was said when no browser had started.
    SocketSession session;
    LessonRunner runner(&session);
    QUrl asked;
    connect(&runner, &LessonRunner::browseRequested, this,
            [&asked](const QUrl &url) { asked = url; });
    QStringList printed;
    connect(&runner, &LessonRunner::output, this,
            [&printed](int, const QString &text) { printed << text; });
    runner.setPlayDelayMs(0);
    runner.setLesson(browserLesson());
    runner.play(); // as in the window: runTo would stand in for the browser itself
    QTRY_VERIFY(asked.isValid());
    QTest::qWait(200);
    QCOMPARE(runner.status(4), LessonRunner::StepStatus::Running);

    // A browser (a stand-in speaking HTTP) visits.
    QTcpSocket browser;
    browser.connectToHost(asked.host(), quint16(asked.port()));
    QVERIFY(browser.waitForConnected(5000));
    browser.write("GET / HTTP/1.1\r\nHost: " + asked.authority().toUtf8() + "\r\n\r\n");
    QVERIFY(browser.waitForBytesWritten(5000));
    QTRY_COMPARE(runner.status(4), LessonRunner::StepStatus::Done);
    QVERIFY2(runner.statusDetail(4).contains(QStringLiteral("a browser connected from 127.0.0.1")),
             qPrintable(runner.statusDetail(4)));
    // The request, readable: one line each, with its line ending shown.
    QTRY_COMPARE(runner.status(5), LessonRunner::StepStatus::Done);
    QTRY_VERIFY(!printed.isEmpty());
    QVERIFY2(printed.last().startsWith(QStringLiteral("GET / HTTP/1.1\\r\\n\nHost: ")),
             qPrintable(printed.last()));
}

void TestLessonExercise::withoutABrowserTheLessonSaysWhatToDo()
{
    SocketSession session;
    LessonRunner runner(&session);
    runner.setPlayDelayMs(0);
    runner.setLesson(browserLesson());
    runner.play();
    QTRY_COMPARE(runner.status(4), LessonRunner::StepStatus::Running);
    QTRY_VERIFY_WITH_TIMEOUT(runner.statusDetail(4).contains(QStringLiteral("by hand")),
                             LessonExecutor::browserPatienceMs + 5000);
    QCOMPARE(runner.status(4), LessonRunner::StepStatus::Running);
}

QTEST_MAIN(TestLessonExercise)
#include "tst_lessonexercise.moc"
