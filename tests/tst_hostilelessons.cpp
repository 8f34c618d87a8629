// SPDX-License-Identifier: MIT
// Lesson files are shared like any download: one may not reach programs other than its own
// sockets, not be larger than a lesson, not hang a reader, and not wait for ever headless.

#include "lesson/LessonLibrary.h"
#include "lesson/LessonParser.h"
#include "lesson/LessonReach.h"
#include "present/WrappableText.h"

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QUdpSocket>

#include <sys/socket.h>
#include <sys/stat.h>

namespace {
QByteArray lessonHead(int goals = 1)
{
    QByteArray text = "lesson: hostile\ntitle: A shared lesson\n";
    for (int i = 0; i < goals; ++i)
        text += "goal: learn " + QByteArray::number(i) + "\n";
    return text;
}

struct Run
{
    int exitCode = -1;
    QByteArray out, err;
    qint64 ms = 0;
};

Run runLesson(const QString &file, const QStringList &extra, int timeoutMs = 30000)
{
    QProcess cli;
    QElapsedTimer took;
    took.start();
    cli.start(QStringLiteral(SOCKETLAB_CLI),
              QStringList{QStringLiteral("lesson"), file, QStringLiteral("--run")} + extra);
    if (!cli.waitForFinished(timeoutMs))
        cli.kill();
    cli.waitForFinished(1000);
    Run r;
    r.exitCode = cli.exitStatus() == QProcess::NormalExit ? cli.exitCode() : -1;
    r.out = cli.readAllStandardOutput();
    r.err = cli.readAllStandardError();
    r.ms = took.elapsed();
    return r;
}

bool writeFile(const QString &path, const QByteArray &content)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(content) == content.size();
}
} // namespace

class TestHostileLessons : public QObject
{
    Q_OBJECT

private slots:
    void reachIsOnlyOwnSocketsAndTheChosenAddress_data();
    void reachIsOnlyOwnSocketsAndTheChosenAddress();
    void aLessonCannotTalkToAnotherProgram();
    void aLessonCannotSendADatagramElsewhere();
    void sizesAreLimited_data();
    void sizesAreLimited();
    void byteOrderMarkIsAccepted();
    void longWordsGetBreakPoints_data();
    void longWordsGetBreakPoints();
    void aFifoIsNotRead();
    void aStepThatNeverEndsTimesOut();
};

void TestHostileLessons::reachIsOnlyOwnSocketsAndTheChosenAddress_data()
{
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");
    QTest::addColumn<QList<SocketAddress>>("own");
    QTest::addColumn<bool>("allowed");
    const QList<SocketAddress> none;
    const QList<SocketAddress> loopbackServer{SocketAddress(AF_INET, "127.0.0.1", 50000)};
    const QList<SocketAddress> everyAddress{SocketAddress(AF_INET, "0.0.0.0", 50001)};
    const QList<SocketAddress> unixServer{SocketAddress(AF_UNIX, "/tmp/lesson.sock", 0)};
    QTest::newRow("the chosen address") << "127.0.0.1" << 50000 << none << true;
    QTest::newRow("another port") << "127.0.0.1" << 6379 << none << false;
    QTest::newRow("another host, chosen port") << "127.0.0.2" << 50000 << none << false;
    QTest::newRow("own listener") << "127.0.0.1" << 50000 << loopbackServer << true;
    QTest::newRow("own every-address listener via loopback")
        << "127.0.0.1" << 50001 << everyAddress << true;
    QTest::newRow("own every-address listener via localhost")
        << "localhost" << 50001 << everyAddress << true;
    QTest::newRow("every-address listener, other port")
        << "127.0.0.1" << 53 << everyAddress << false;
    QTest::newRow("own unix path") << "/tmp/lesson.sock" << 0 << unixServer << true;
    QTest::newRow("another unix path") << "/run/docker.sock" << 0 << unixServer << false;
}

void TestHostileLessons::reachIsOnlyOwnSocketsAndTheChosenAddress()
{
    QFETCH(QString, host);
    QFETCH(int, port);
    QFETCH(QList<SocketAddress>, own);
    QFETCH(bool, allowed);
    const QString why =
        LessonReach::whyRefused(host, port, QStringLiteral("127.0.0.1"), 50000, own);
    QCOMPARE(why.isEmpty(), allowed);
}

void TestHostileLessons::aLessonCannotTalkToAnotherProgram()
{
    // "Another program": a listener this test runs, as a database would be.
    QTcpServer other;
    QVERIFY(other.listen(QHostAddress::LocalHost));
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("reach.lesson"));
    QVERIFY(writeFile(file, lessonHead() +
                                "step: A client\nsay: A client socket.\n"
                                "do: client socket\n"
                                "step: Elsewhere\nsay: Somewhere else.\n"
                                "do: client connect 127.0.0.1 " +
                                QByteArray::number(other.serverPort()) +
                                "\nstep: A command\nsay: What a database obeys.\n"
                                "do: client sendall FLUSHALL\\r\\n\n"));
    Run refused = runLesson(file, {});
    QCOMPARE(refused.exitCode, 1);
    QVERIFY2(refused.err.contains("neither one of its own sockets nor the address chosen"),
             refused.err.constData());
    QVERIFY(!other.waitForNewConnection(200));

    // The user's word lets it through.
    Run allowed = runLesson(file, {QStringLiteral("--allow-any-address")});
    QVERIFY(other.waitForNewConnection(5000));
    QVERIFY2(!allowed.err.contains("neither one of its own"), allowed.err.constData());
}

void TestHostileLessons::aLessonCannotSendADatagramElsewhere()
{
    QUdpSocket other;
    QVERIFY(other.bind(QHostAddress::LocalHost, 0));
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("udp.lesson"));
    QVERIFY(writeFile(file, lessonHead() +
                                "step: A datagram\nsay: Out it goes.\n"
                                "do: client socket AF_INET SOCK_DGRAM\n"
                                "step: Out\nsay: To a port nobody chose.\n"
                                "do: client sendto 127.0.0.1 " +
                                QByteArray::number(other.localPort()) + " hello\n"));
    Run refused = runLesson(file, {});
    QCOMPARE(refused.exitCode, 1);
    QVERIFY2(refused.err.contains("neither one of its own sockets"), refused.err.constData());
    QVERIFY(!other.waitForReadyRead(200));
}

void TestHostileLessons::sizesAreLimited_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("error");
    QTest::newRow("one huge word")
        << lessonHead() + "step: x\nsay: " + QByteArray(200000, 'w') + "\n"
        << "a lesson line has at most 2000";
    QTest::newRow("a long goal") << QByteArray("lesson: x\ntitle: x\ngoal: ") +
                                        QByteArray(50000, 'g') + "\n"
                                 << "a lesson line has at most 2000";
    QTest::newRow("too many goals") << lessonHead(21) << "more than 20 goals";
    QByteArray steps = lessonHead();
    for (int i = 0; i < 201; ++i)
        steps += "step: s\nsay: x\n";
    QTest::newRow("too many steps") << steps << "more than 200 steps";
    QByteArray translated = lessonHead();
    for (int i = 0; i < 21; ++i)
        translated += "goal[de]: lernen\n";
    QTest::newRow("too many translated goals") << translated << "more than 20 goals in de";
}

void TestHostileLessons::sizesAreLimited()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, error);
    const LessonParser::Result r = LessonParser::parse(text, QStringLiteral("x.lesson"), {});
    QVERIFY(!r.ok());
    QVERIFY2(r.error.contains(error), qPrintable(r.error));
}

void TestHostileLessons::byteOrderMarkIsAccepted()
{
    const QByteArray text = "\xef\xbb\xbf" + lessonHead() + "step: s\nsay: hello\n";
    const LessonParser::Result r = LessonParser::parse(text, QStringLiteral("bom.lesson"), {});
    QVERIFY2(r.ok(), qPrintable(r.error));
    QCOMPARE(r.lesson.id, QStringLiteral("hostile"));
}

void TestHostileLessons::longWordsGetBreakPoints_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("wrappable");
    const int n = WrappableText::defaultMaxRun;
    const QString zwsp(QChar(0x200B));
    const auto run = [](int length, char c) { return QString(length, QLatin1Char(c)); };
    QTest::newRow("prose unchanged") << "Listen, then accept."
                                     << "Listen, then accept.";
    QTest::newRow("a course URL unchanged") << "http://127.0.0.1:50000/"
                                            << "http://127.0.0.1:50000/";
    QTest::newRow("exactly the limit") << run(n, 'a') << run(n, 'a');
    QTest::newRow("one more") << run(n + 1, 'a') << run(n, 'a') + zwsp + QLatin1Char('a');
    QTest::newRow("three runs") << run(2 * n + 10, 'b')
                                << run(n, 'b') + zwsp + run(n, 'b') + zwsp + run(10, 'b');
    QTest::newRow("a space restarts the count")
        << run(n - 2, 'c') + QLatin1Char(' ') + run(n - 2, 'c')
        << run(n - 2, 'c') + QLatin1Char(' ') + run(n - 2, 'c');
    // An emoji is two UTF-16 units: the break never falls between them.
    const QString emoji = QString::fromUtf8("\xf0\x9f\x98\x80");
    QTest::newRow("surrogate pairs stay whole")
        << run(n - 1, 'd') + emoji + QLatin1Char('e')
        << run(n - 1, 'd') + emoji + zwsp + QLatin1Char('e');
}

void TestHostileLessons::longWordsGetBreakPoints()
{
    QFETCH(QString, text);
    QFETCH(QString, wrappable);
    QCOMPARE(WrappableText::of(text), wrappable);
}

void TestHostileLessons::aFifoIsNotRead()
{
    QTemporaryDir dir;
    const QString fifo = dir.filePath(QStringLiteral("lesson.lesson"));
    QCOMPARE(::mkfifo(fifo.toLocal8Bit().constData(), 0600), 0);
    // Opening a FIFO nobody writes to blocks for ever: this returns only if it is not read.
    const LessonParser::Result r = LessonLibrary::load(fifo);
    QVERIFY(!r.ok());
    QVERIFY2(r.error.contains(QStringLiteral("not a regular file")), qPrintable(r.error));
}

void TestHostileLessons::aStepThatNeverEndsTimesOut()
{
    QTcpServer placeholder; // a free port for {port}, released before the lesson binds it
    QVERIFY(placeholder.listen(QHostAddress::LocalHost));
    const QString port = QString::number(placeholder.serverPort());
    placeholder.close();
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("forever.lesson"));
    QVERIFY(writeFile(file, lessonHead() + "step: Listen\nsay: A server.\n"
                                           "do: server socket\n"
                                           "step: Bind\nsay: Its address.\n"
                                           "do: server bind {host} {port}\n"
                                           "step: Listen\nsay: Ready.\ndo: server listen 1\n"
                                           "step: Wait\nsay: Nobody ever comes.\n"
                                           "do: server accept\nexpect: returns\n"));
    const Run r = runLesson(file, {QStringLiteral("--port"), port, QStringLiteral("--step-timeout"),
                                   QStringLiteral("1")});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("was still running after 1 s"), r.err.constData());
    QVERIFY(r.ms < 20000);
}

QTEST_GUILESS_MAIN(TestHostileLessons)
#include "tst_hostilelessons.moc"
