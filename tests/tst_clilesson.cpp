// SPDX-License-Identifier: MIT
// Every built-in lesson, run headless by socketlab-cli over loopback, makes the calls its
// file lists, in order, and they end the way the lesson expects.

#include "FreePort.h"
#include "PythonServers.h"
#include "lesson/LessonLibrary.h"
#include "trace/TraceFormat.h"

#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

namespace {
struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

Run runCli(const QStringList &args, int timeoutMs = 60000)
{
    QProcess p;
    p.start(QStringLiteral(SOCKETLAB_CLI), args);
    Run r;
    if (!p.waitForStarted() || !p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        r.err = "did not finish in time";
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

// The first event after index from with this socket id, call and phase; -1 if none.
int findEvent(const QVector<SocketEvent> &events, int from, const QString &socketId,
              SocketCall call, CallPhase phase)
{
    for (int i = from; i < events.size(); ++i) {
        const SocketEvent &e = events.at(i);
        if (e.socketId == socketId && e.call == call && e.phase == phase)
            return i;
    }
    return -1;
}
} // namespace

class TestCliLesson : public QObject
{
    Q_OBJECT
private slots:
    void listsLessonsIdFirst();
    void printsALessonWithoutRunningIt();
    void reportsABadLessonFile();
    void aTakenDefaultPortGivesWayToAFreeOne();
    void runsEveryBuiltInLesson_data();
    void runsEveryBuiltInLesson();
};

void TestCliLesson::listsLessonsIdFirst()
{
    const Run r = runCli({QStringLiteral("lesson"), QStringLiteral("--list")});
    QCOMPARE(r.exitCode, 0);
    const QList<QByteArray> lines = r.out.trimmed().split('\n');
    QCOMPARE(lines.size(), LessonLibrary::builtInIds().size());
    for (int i = 0; i < lines.size(); ++i) {
        const QString id = LessonLibrary::builtInIds().at(i);
        QCOMPARE(QString::fromUtf8(lines.at(i).split('\t').first()), id);
        QCOMPARE(QString::fromUtf8(lines.at(i).split('\t').last()),
                 LessonLibrary::load(id).lesson.title);
    }
}

void TestCliLesson::printsALessonWithoutRunningIt()
{
    const Run r = runCli({QStringLiteral("lesson"), QStringLiteral("backlog")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.contains("server_socket.listen(1)"));
    QVERIFY(r.out.contains("Check what you learned"));
    QVERIFY(!r.out.contains("→")); // no call was made
}

void TestCliLesson::reportsABadLessonFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("mine.lesson"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("lesson: mine\ntitle: Mine\nstep: S\nsay: x\ndo: server lissen 5\n");
    f.close();
    const Run r = runCli({QStringLiteral("lesson"), path, QStringLiteral("--run")});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("mine.lesson: line 5: 'lissen' is not a call a lesson can make"),
             r.err.constData());
    const Run missing = runCli({QStringLiteral("lesson"), QStringLiteral("no-such-lesson")});
    QCOMPARE(missing.exitCode, 1);
    QVERIFY(missing.err.contains("no such lesson"));
    const Run port = runCli({QStringLiteral("lesson"), QStringLiteral("backlog"),
                             QStringLiteral("--port"), QStringLiteral("0")});
    QCOMPARE(port.exitCode, 2);
}

void TestCliLesson::aTakenDefaultPortGivesWayToAFreeOne()
{
    // A python3 server holds 50000 (or, if it cannot bind, whatever already does): a run
    // without --port says so, takes another port, and the lesson works there.
    QProcess holder;
    QVERIFY(PythonServers::listen(&holder, 50000) != 0);
    const Run r = runCli(
        {QStringLiteral("lesson"), QStringLiteral("getting-the-flow"), QStringLiteral("--run")});
    holder.kill();
    holder.waitForFinished();
    QVERIFY2(r.exitCode == 0, r.err.constData());
    static const QRegularExpression said(
        QStringLiteral("port 50000 is in use \\(([^)]*\\)?[^)]*)\\); using (\\d+)"));
    const QRegularExpressionMatch m = said.match(QString::fromUtf8(r.err));
    QVERIFY2(m.hasMatch(), r.err.constData());
    const int used = m.captured(2).toInt();
    QVERIFY(used > 50000);
    QVERIFY2(r.out.contains(QStringLiteral("127.0.0.1', %1)").arg(used).toUtf8()),
             r.out.constData());
}

void TestCliLesson::runsEveryBuiltInLesson_data()
{
    QTest::addColumn<QString>("id");
    for (const QString &id : LessonLibrary::builtInIds())
        QTest::newRow(qPrintable(id)) << id;
}

void TestCliLesson::runsEveryBuiltInLesson()
{
    QFETCH(QString, id);
    QTemporaryDir dir;
    const QString trace = dir.filePath(QStringLiteral("trace.jsonl"));
    LessonParser::Settings settings;
    settings.port = freePort();
    const Run r =
        runCli({QStringLiteral("lesson"), id, QStringLiteral("--run"), QStringLiteral("--port"),
                QString::number(settings.port), QStringLiteral("--trace"), trace});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY(r.out.contains("Check what you learned"));

    QVector<SocketEvent> events;
    QString error, warning;
    QVERIFY2(TraceFormat::readFile(trace, &events, &error, &warning), qPrintable(error));
    QVERIFY2(warning.isEmpty(), qPrintable(warning));
    const Lesson lesson = LessonLibrary::load(id, settings).lesson;

    // Walk the lesson's calls and find each one's start in the trace, in order; the lesson's
    // names are bound to socket ids as the trace creates them.
    QHash<QString, QString> ids;
    QStringList acceptedConns;
    for (const SocketEvent &e : events) {
        if (e.call == SocketCall::Accept && e.phase == CallPhase::Returned)
            acceptedConns << e.result.toMap().value(QStringLiteral("socket")).toString();
    }
    int at = 0;
    int calls = 0;
    for (const LessonStep &step : lesson.steps) {
        const LessonAction &a = step.action;
        if (a.kind != LessonAction::Kind::Call)
            continue;
        QString socketId = ids.value(a.target);
        int started = -1;
        if (a.call == SocketCall::Socket) {
            for (int i = at; i < events.size() && started < 0; ++i) {
                const SocketEvent &e = events.at(i);
                if (e.call == SocketCall::Socket && e.phase == CallPhase::Started &&
                    e.role == socketRoleOf(a.target) && !ids.values().contains(e.socketId))
                    started = i;
            }
            QVERIFY2(started >= 0, qPrintable(QStringLiteral("no socket() for %1").arg(a.target)));
            socketId = events.at(started).socketId;
            ids.insert(a.target, socketId);
        } else {
            if (socketId.isEmpty() && a.target.startsWith(QLatin1String("conn"))) {
                const int n = a.target == QLatin1String("conn") ? 0 : a.target.mid(4).toInt() - 1;
                socketId = acceptedConns.value(n);
                ids.insert(a.target, socketId);
            }
            started = findEvent(events, at, socketId, a.call, CallPhase::Started);
            QVERIFY2(
                started >= 0,
                qPrintable(
                    QStringLiteral("line %1: %2 not in the trace").arg(a.line).arg(a.python())));
        }
        ++calls;
        at = started + 1;
        if (!a.expectedError.isEmpty()) {
            const int failed = findEvent(events, at, socketId, a.call, CallPhase::Failed);
            QVERIFY(failed >= 0);
            QCOMPARE(events.at(failed).error.name(), a.expectedError);
        } else if (a.expectBlocks) {
            QVERIFY2(findEvent(events, at, socketId, a.call, CallPhase::Blocked) >= 0,
                     qPrintable(a.python()));
        } else if (a.expectedBytes >= 0) {
            const int returned = findEvent(events, at, socketId, a.call, CallPhase::Returned);
            QVERIFY(returned >= 0);
            QCOMPARE(events.at(returned).byteCount, a.expectedBytes);
        } else if (a.call != SocketCall::Accept && a.call != SocketCall::Recv) {
            QVERIFY2(findEvent(events, at, socketId, a.call, CallPhase::Returned) >= 0,
                     qPrintable(
                         QStringLiteral("line %1: %2 did not return").arg(a.line).arg(a.python())));
        }
    }
    QVERIFY(id == QLatin1String("socket-tour") ? calls == 0 : calls >= 8);

    // What each lesson is there to show.
    QByteArray received;
    for (const SocketEvent &e : events) {
        if (e.call == SocketCall::Recv && e.phase == CallPhase::Returned)
            received += e.data;
    }
    if (id == QLatin1String("echo-homework")) {
        QVERIFY(received.contains("Is anybody out there?Is anybody out there?"));
        QVERIFY(received.contains("lazy dogThe quick brown fox jumps over the lazy dog"));
    } else if (id == QLatin1String("browser-visits")) {
        QVERIFY(received.contains("GET / HTTP/1.1\r\n"));
        QVERIFY(received.contains("<h1>Hello from a socket!</h1>"));
    } else if (id == QLatin1String("http-client")) {
        QVERIFY(received.contains("HTTP/1.0 200 OK"));
        QVERIFY(received.contains("GET / HTTP/1.0"));
    } else if (id == QLatin1String("socket-tour")) {
        QVERIFY(r.out.contains(">>> socket.getservbyname('http', 'tcp')\n  80\n"));
        // Each >>> line once: the step prints it, the answer only what Python would print.
        QCOMPARE(r.out.count(">>> socket.gethostname()"), 1);
        QVERIFY(r.out.contains(">>> socket.gethostbyname_ex('localhost')\n  ('localhost'"));
        QVERIFY(r.out.contains("AF_INET = 2"));
        QVERIFY(r.out.contains("SOCK_STREAM = 1"));
        QVERIFY(r.out.contains("family=2, type=1, proto=0, laddr=('0.0.0.0', 0)>"));
    } else if (id == QLatin1String("backlog")) {
        const QString third = ids.value(QStringLiteral("client3"));
        const int blocked = findEvent(events, 0, third, SocketCall::Connect, CallPhase::Blocked);
        QVERIFY(blocked >= 0);
        QCOMPARE(events.at(blocked).kernelState, QStringLiteral("SYN_SENT"));
        QVERIFY(findEvent(events, blocked, third, SocketCall::Connect, CallPhase::Returned) > 0);
    } else if (id == QLatin1String("tcp-vs-udp")) {
        // TCP merged the three sends; UDP kept three datagrams, and cut the long one.
        QVERIFY(received.contains("onetwothree"));
        QStringList datagrams;
        bool truncated = false;
        for (const SocketEvent &e : events) {
            if (e.call == SocketCall::RecvFrom && e.phase == CallPhase::Returned) {
                datagrams << QString::fromUtf8(e.data);
                truncated =
                    truncated || e.result.toMap().value(QStringLiteral("truncated")).toBool();
            }
        }
        QCOMPARE(datagrams.mid(0, 3), (QStringList{QStringLiteral("one"), QStringLiteral("two"),
                                                   QStringLiteral("three")}));
        QVERIFY(truncated);
    }
}

QTEST_GUILESS_MAIN(TestCliLesson)
#include "tst_clilesson.moc"
