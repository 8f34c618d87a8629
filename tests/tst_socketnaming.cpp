// SPDX-License-Identifier: MIT
// One name per socket everywhere: the course's variable (server_socket, conn_2), which the
// session gives each socket, a lesson claims for its own, and traces carry; ids (server#3)
// stay what files refer to.

#include "EventRecorder.h"
#include "FreePort.h"
#include "calls/SocketName.h"
#include "lesson/LessonParser.h"
#include "lesson/LessonRunner.h"
#include "present/PythonForm.h"
#include "session/SocketNaming.h"
#include "session/SocketSession.h"
#include "trace/TraceFormat.h"
#include "trace/TraceReplay.h"

#include <QSignalSpy>
#include <QTest>

class TestSocketNaming : public QObject
{
    Q_OBJECT
private slots:
    void namesFollowTheCourse_data();
    void namesFollowTheCourse();
    void aThousandConnectionsEachGetTheirOwnName();
    void lessonSocketsTakeTheCourseNamesFromFreePlay();
    void traceKeepsTheNamesItWasWrittenWith();
};

void TestSocketNaming::namesFollowTheCourse_data()
{
    // Steps: "server#1" names a new socket, "-server#1" lets it go, "server#2=server_socket"
    // claims a name for it; then every socket's name, "id=name".
    QTest::addColumn<QStringList>("steps");
    QTest::addColumn<QStringList>("names");
    QTest::newRow("first of each role has no number")
        << QStringList{"server#1", "client#1", "conn#1"}
        << QStringList{"server#1=server_socket", "client#1=client_socket", "conn#1=conn"};
    QTest::newRow("the next one is numbered from two")
        << QStringList{"conn#1", "conn#2", "conn#3"}
        << QStringList{"conn#1=conn", "conn#2=conn_2", "conn#3=conn_3"};
    QTest::newRow("a name let go is used again, lowest first")
        << QStringList{"client#1", "client#2", "client#3", "-client#2", "-client#1", "client#4"}
        << QStringList{"client#3=client_socket_3", "client#4=client_socket"};
    QTest::newRow("a claimed name moves whoever had it")
        << QStringList{"server#1", "server#2", "server#2=server_socket"}
        << QStringList{"server#2=server_socket", "server#1=server_socket_2"};
    QTest::newRow("claiming the name it has changes nothing")
        << QStringList{"server#1", "server#2", "server#1=server_socket"}
        << QStringList{"server#1=server_socket", "server#2=server_socket_2"};
    QTest::newRow("a claim past the next free number")
        << QStringList{"conn#1", "conn#7=conn_5", "conn#2", "conn#3", "conn#4", "conn#5"}
        << QStringList{"conn#1=conn",   "conn#7=conn_5", "conn#2=conn_2",
                       "conn#3=conn_3", "conn#4=conn_4", "conn#5=conn_6"};
}

void TestSocketNaming::namesFollowTheCourse()
{
    QFETCH(QStringList, steps);
    QFETCH(QStringList, names);
    SocketNaming naming;
    for (const QString &step : std::as_const(steps)) {
        if (step.startsWith(QLatin1Char('-')))
            naming.release(step.mid(1));
        else if (step.contains(QLatin1Char('=')))
            naming.claim(step.section(QLatin1Char('='), 0, 0), step.section(QLatin1Char('='), 1));
        else
            naming.nameFor(step, socketRoleOf(step));
    }
    for (const QString &expected : std::as_const(names))
        QCOMPARE(expected.section(QLatin1Char('='), 0, 0) + QLatin1Char('=') +
                     naming.name(expected.section(QLatin1Char('='), 0, 0)),
                 expected);
}

void TestSocketNaming::aThousandConnectionsEachGetTheirOwnName()
{
    SocketNaming naming;
    QHash<QString, QString> alive; // name → id
    for (int i = 1; i <= 1000; ++i) {
        const QString id = QStringLiteral("conn#%1").arg(i);
        const QString name = naming.nameFor(id, SocketRole::Connection);
        QVERIFY2(SocketName::isValid(name), qPrintable(name));
        QVERIFY2(!alive.contains(name), qPrintable(name + QStringLiteral(" twice")));
        alive.insert(name, id);
        if (i % 3 == 0) { // every third one closes the one before it
            const QString gone = QStringLiteral("conn#%1").arg(i - 1);
            alive.remove(naming.name(gone));
            naming.release(gone);
        }
    }
    // Each name let go was taken by the next connection, so the names have no gaps.
    QCOMPARE(naming.nameFor(QStringLiteral("conn#1001"), SocketRole::Connection),
             QStringLiteral("conn_%1").arg(alive.size() + 1));
}

void TestSocketNaming::lessonSocketsTakeTheCourseNamesFromFreePlay()
{
    SocketSession session;
    EventRecorder events(&session);
    // Free play first: a server socket and a connected pair already hold the course's names.
    QString leftover;
    QVERIFY(session.createSocket(SocketRole::Server, AF_INET, SOCK_STREAM, 0, &leftover).isEmpty());
    QCOMPARE(events.waitForEnd(leftover, SocketCall::Socket).socketName,
             QStringLiteral("server_socket"));

    LessonParser::Settings settings;
    settings.port = freePort();
    const LessonParser::Result r =
        LessonParser::parse("lesson: t\ntitle: T\n"
                            "step: A\nsay: a\ndo: server socket\n"
                            "step: B\nsay: b\ndo: server bind {host} {port}\n"
                            "step: C\nsay: c\ndo: server listen 1\n"
                            "step: D\nsay: d\nwait: client socket\n"
                            "step: E\nsay: e\ndo: client connect {host} {port}\n"
                            "step: F\nsay: f\ndo: server accept\n",
                            QStringLiteral("x"), settings);
    QVERIFY2(r.ok(), qPrintable(r.error));
    LessonRunner runner(&session);
    runner.setPlayDelayMs(0);
    runner.setLesson(r.lesson);
    runner.play();
    QTRY_COMPARE(runner.status(3), LessonRunner::StepStatus::WaitingForUser);
    // The student's click makes a client socket like any other.
    QString client;
    QVERIFY(session.createSocket(SocketRole::Client, AF_INET, SOCK_STREAM, 0, &client).isEmpty());
    QSignalSpy finished(&runner, &LessonRunner::finished);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 10000);
    QCOMPARE(finished.first().first().toBool(), true);

    const QString server = runner.socketIdFor(QStringLiteral("server"));
    const QString conn = runner.socketIdFor(QStringLiteral("conn"));
    QCOMPARE(server, QStringLiteral("server#2")); // the id counts on
    QCOMPARE(session.socket(server).name, QStringLiteral("server_socket"));
    QCOMPARE(session.socket(leftover).name, QStringLiteral("server_socket_2"));
    QCOMPARE(session.socket(client).name, QStringLiteral("client_socket"));
    QCOMPARE(session.socket(conn).name, QStringLiteral("conn"));
    // The log's lines say what the lesson's code says.
    QCOMPARE(PythonForm::statement(events.waitForEnd(server, SocketCall::Listen)),
             QStringLiteral("server_socket.listen(1)"));
    QCOMPARE(PythonForm::statement(events.waitForEnd(server, SocketCall::Accept)),
             QStringLiteral("conn, addr = server_socket.accept()"));
    QCOMPARE(events.waitForEnd(client, SocketCall::Connect).socketName,
             QStringLiteral("client_socket"));
}

void TestSocketNaming::traceKeepsTheNamesItWasWrittenWith()
{
    SocketEvent accepted;
    accepted.socketId = QStringLiteral("server#3");
    accepted.socketName = QStringLiteral("server_socket");
    accepted.role = SocketRole::Server;
    accepted.call = SocketCall::Accept;
    accepted.phase = CallPhase::Returned;
    accepted.result = QVariantMap{{QStringLiteral("socket"), QStringLiteral("conn#4")},
                                  {QStringLiteral("name"), QStringLiteral("conn")}};
    SocketEvent read;
    QString error;
    QVERIFY2(TraceFormat::fromLine(TraceFormat::toLine(accepted, 0), &read, &error),
             qPrintable(error));
    QCOMPARE(read.socketName, QStringLiteral("server_socket"));
    QCOMPARE(PythonForm::statement(read), QStringLiteral("conn, addr = server_socket.accept()"));

    QHash<QString, SocketInfo> sockets;
    QStringList order;
    TraceReplay::apply(read, &sockets, &order);
    QCOMPARE(sockets.value(QStringLiteral("server#3")).name, QStringLiteral("server_socket"));
    QCOMPARE(sockets.value(QStringLiteral("conn#4")).name, QStringLiteral("conn"));

    // A trace from before names: named by the ids, as then.
    SocketEvent old = accepted;
    old.socketName.clear();
    old.result = QVariantMap{{QStringLiteral("socket"), QStringLiteral("conn#4")}};
    QVERIFY(TraceFormat::fromLine(TraceFormat::toLine(old, 0), &read, &error));
    QCOMPARE(PythonForm::statement(read),
             QStringLiteral("conn_4, addr = server_socket_3.accept()"));
}

QTEST_GUILESS_MAIN(TestSocketNaming)
#include "tst_socketnaming.moc"
