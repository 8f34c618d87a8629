// SPDX-License-Identifier: MIT
// socketlab-cli watch --pid: attaching to a program already running, watching it, and letting
// it go unchanged; and the one-line refusals where the system or the owner does not allow it
// (as data, since this machine's kernel.yama.ptrace_scope is what it is).

#include "ExportedPrograms.h"
#include "FreePort.h"

#include "watch/AttachCheck.h"

#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <sys/types.h>
#include <unistd.h>

using ExportedPrograms::python3;

namespace {
// A course echo server, started as a student would; printing its pid once it listens.
QStringList echoServer(quint16 port)
{
    return {QStringLiteral("-c"),
            QStringLiteral("import os, socket\n"
                           "s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)\n"
                           "s.bind(('127.0.0.1', %1))\n"
                           "s.listen(5)\n"
                           "print(os.getpid(), flush=True)\n"
                           "while True:\n"
                           "    conn, addr = s.accept()\n"
                           "    while data := conn.recv(1024):\n"
                           "        conn.sendall(data)\n"
                           "    conn.close()\n")
                .arg(port)};
}

// One exchange with the server; what came back.
QByteArray echo(quint16 port, const QByteArray &message)
{
    QTcpSocket client;
    client.connectToHost(QStringLiteral("127.0.0.1"), port);
    if (!client.waitForConnected(5000))
        return {};
    client.write(message);
    QByteArray back;
    while (back.size() < message.size() && client.waitForReadyRead(5000))
        back += client.readAll();
    return back;
}

QString tracerOf(qint64 pid)
{
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return {};
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("TracerPid:"))
            return QString::fromLatin1(line.mid(10).trimmed());
    }
    return {};
}

// setpriv's arguments that run what follows as nobody, with no shell or process between.
QStringList asNobody()
{
    return {QStringLiteral("--reuid=nobody"), QStringLiteral("--regid=nogroup"),
            QStringLiteral("--clear-groups"), QStringLiteral("--")};
}

// A copy of socketlab-cli that nobody may run: the build folder may be closed to other users.
QString copyForNobody(const QTemporaryDir &dir)
{
    const QString copy = dir.filePath(QStringLiteral("socketlab-cli"));
    QFile::copy(QStringLiteral(SOCKETLAB_CLI), copy);
    QFile::setPermissions(dir.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner |
                                          QFile::ReadOther | QFile::ExeOther);
    return copy;
}
} // namespace

class TestAttach : public QObject
{
    Q_OBJECT
private slots:
    void aRefusalSaysWhyInOneLine_data();
    void aRefusalSaysWhyInOneLine();
    void aRunningServerIsWatchedAndLetGoUnchanged();
    void anotherUsersProcessIsRefused();
    void nobodyAttachesToTheirOwnProgram();
};

void TestAttach::aRefusalSaysWhyInOneLine_data()
{
    QTest::addColumn<bool>("exists");
    QTest::addColumn<uint>("owner");
    QTest::addColumn<bool>("mayTraceAny");
    QTest::addColumn<int>("scope");
    QTest::addColumn<bool>("descendant");
    QTest::addColumn<qint64>("tracer");
    QTest::addColumn<QString>("says"); // a part of the sentence; empty: attaching may go on

    const uint me = 1000;
    QTest::newRow("own program, no Yama") << true << me << false << -1 << false << 0ll << "";
    QTest::newRow("own program, scope 0") << true << me << false << 0 << false << 0ll << "";
    QTest::newRow("gone") << false << me << false << 0 << false << 0ll
                          << "there is no process 77 (it may have ended)";
    QTest::newRow("another user's") << true << 0u << false << 0 << false << 0ll
                                    << "belongs to user root, and you may watch only your own";
    QTest::newRow("another user's, with CAP_SYS_PTRACE")
        << true << 0u << true << 0 << false << 0ll << "";
    QTest::newRow("already traced")
        << true << me << false << 0 << false << 4242ll << "already traced by process 4242";
    QTest::newRow("scope 1, not started by the watcher")
        << true << me << false << 1 << false << 0ll
        << "only by the program that started it (kernel.yama.ptrace_scope is 1)";
    QTest::newRow("scope 1, a descendant") << true << me << false << 1 << true << 0ll << "";
    QTest::newRow("scope 1, with CAP_SYS_PTRACE") << true << me << true << 1 << false << 0ll << "";
    QTest::newRow("scope 2") << true << me << false << 2 << true << 0ll
                             << "only an administrator attach (kernel.yama.ptrace_scope is 2)";
    QTest::newRow("scope 2, with CAP_SYS_PTRACE") << true << me << true << 2 << false << 0ll << "";
    QTest::newRow("scope 3, even for root")
        << true << me << true << 3 << true << 0ll << "no attaching at all";
}

void TestAttach::aRefusalSaysWhyInOneLine()
{
    QFETCH(bool, exists);
    QFETCH(uint, owner);
    QFETCH(bool, mayTraceAny);
    QFETCH(int, scope);
    QFETCH(bool, descendant);
    QFETCH(qint64, tracer);
    QFETCH(QString, says);
    AttachCheck::Facts f;
    f.exists = exists;
    f.name = QStringLiteral("python3");
    f.owner = owner;
    f.ownerName = owner == 0 ? QStringLiteral("root") : QStringLiteral("alice");
    f.me = 1000;
    f.mayTraceAny = mayTraceAny;
    f.ptraceScope = scope;
    f.isMyDescendant = descendant;
    f.tracer = tracer;
    const QString refusal = AttachCheck::refusal(77, f);
    if (says.isEmpty()) {
        QVERIFY2(refusal.isEmpty(), qPrintable(refusal));
        return;
    }
    QVERIFY2(refusal.contains(says), qPrintable(refusal));
    QVERIFY(!refusal.contains(QLatin1Char('\n')));
    // What to do instead, where there is something to do.
    if (scope >= 1)
        QVERIFY2(refusal.contains(QStringLiteral("socketlab-cli watch -- COMMAND")),
                 qPrintable(refusal));
}

void TestAttach::aRunningServerIsWatchedAndLetGoUnchanged()
{
    const quint16 port = freePort();
    QProcess server;
    server.start(python3(), echoServer(port));
    QVERIFY(server.waitForReadyRead(10000));
    const qint64 pid = server.readAllStandardOutput().trimmed().toLongLong();
    QCOMPARE(echo(port, "before\n"), QByteArray("before\n"));

    QProcess watcher;
    watcher.start(QStringLiteral(SOCKETLAB_CLI),
                  {QStringLiteral("watch"), QStringLiteral("--pid"), QString::number(pid)});
    QByteArray calls;
    // Its listening socket, found as the kernel lists it, before any call is seen.
    const QByteArray listening = QStringLiteral("open before watching began: socket.AF_INET, "
                                                "socket.SOCK_STREAM, LISTEN at ('127.0.0.1', %1)")
                                     .arg(port)
                                     .toUtf8();
    QTRY_VERIFY_WITH_TIMEOUT((calls += watcher.readAllStandardError()).contains(listening), 10000);
    QVERIFY(tracerOf(pid) == QString::number(watcher.processId()));
    QCOMPARE(echo(port, "while watched\n"), QByteArray("while watched\n"));
    QTRY_VERIFY_WITH_TIMEOUT(
        (calls += watcher.readAllStandardError()).contains("send(b'while watched\\n')  → 14"),
        10000);
    QVERIFY2(calls.contains("recv(1024)  → b'while watched\\n'"), calls.constData());
    QVERIFY2(calls.contains("accept()  → ('127.0.0.1', "), calls.constData());
    // The accept it was in when attached goes on: no call shows the kernel's restart.
    QVERIFY2(!calls.contains("Errno 512"), calls.constData());

    ::kill(pid_t(watcher.processId()), SIGINT);
    QVERIFY(watcher.waitForFinished(10000));
    QCOMPARE(watcher.exitStatus(), QProcess::NormalExit);
    QCOMPARE(watcher.exitCode(), 0);
    calls += watcher.readAllStandardError();
    QVERIFY2(!calls.contains("Errno"), calls.constData());
    // Let go, and as it was.
    QCOMPARE(tracerOf(pid), QStringLiteral("0"));
    QCOMPARE(server.state(), QProcess::Running);
    QCOMPARE(echo(port, "after\n"), QByteArray("after\n"));
    server.kill();
    server.waitForFinished(5000);
}

void TestAttach::anotherUsersProcessIsRefused()
{
    // As root, the watcher becomes nobody and a root-owned program is the other user's; as
    // anyone else, this machine's init is.
    QProcess server;
    QStringList watcher{QStringLiteral(SOCKETLAB_CLI)};
    qint64 target = 1;
    QTemporaryDir dir(QStringLiteral("/tmp/socketlab-attach-XXXXXX"));
    if (::geteuid() == 0) {
        if (QStandardPaths::findExecutable(QStringLiteral("setpriv")).isEmpty())
            QSKIP("setpriv (util-linux) is needed to become nobody");
        server.start(python3(), echoServer(freePort()));
        QVERIFY(server.waitForReadyRead(10000));
        target = server.readAllStandardOutput().trimmed().toLongLong();
        watcher = QStringList{QStringLiteral("setpriv")} + asNobody() << copyForNobody(dir);
    } else {
        QFile init(QStringLiteral("/proc/1/status"));
        if (!init.open(QIODevice::ReadOnly) ||
            init.readAll().contains("\nUid:\t" + QByteArray::number(::getuid())))
            QSKIP("process 1 is this user's own here (a container?): no other user's process "
                  "to try");
    }
    QProcess p;
    p.start(watcher.takeFirst(), watcher << QStringLiteral("watch") << QStringLiteral("--pid")
                                         << QString::number(target));
    QVERIFY(p.waitForFinished(20000));
    QCOMPARE(p.exitCode(), 125);
    const QString said = QString::fromUtf8(p.readAllStandardError()).trimmed();
    QVERIFY2(said.contains(QStringLiteral("belongs to user root, and you may watch only your "
                                          "own programs")),
             qPrintable(said));
    QCOMPARE(said.count(QLatin1Char('\n')), 0);
    if (server.state() == QProcess::Running) {
        QCOMPARE(tracerOf(target), QStringLiteral("0"));
        server.kill();
        server.waitForFinished(5000);
    }
}

void TestAttach::nobodyAttachesToTheirOwnProgram()
{
    // No root, no capability: attaching to one's own program is what every user may do where
    // kernel.yama.ptrace_scope is 0 or absent.
    if (::geteuid() != 0)
        QSKIP("needs root, to run the program and the watcher as the user nobody (CI runs as "
              "root)");
    if (QStandardPaths::findExecutable(QStringLiteral("setpriv")).isEmpty())
        QSKIP("setpriv (util-linux) is needed to become nobody");
    QTemporaryDir dir(QStringLiteral("/tmp/socketlab-attach-XXXXXX"));
    const QString copy = copyForNobody(dir);
    const quint16 port = freePort();
    QProcess server;
    server.start(QStringLiteral("setpriv"), asNobody() << python3() << echoServer(port));
    QVERIFY(server.waitForReadyRead(10000));
    const qint64 pid = server.readAllStandardOutput().trimmed().toLongLong();
    const QByteArray scope = [] {
        QFile f(QStringLiteral("/proc/sys/kernel/yama/ptrace_scope"));
        return f.open(QIODevice::ReadOnly) ? f.readAll().trimmed() : QByteArray("0");
    }();
    if (scope != "0") {
        server.kill();
        server.waitForFinished(5000);
        QSKIP("kernel.yama.ptrace_scope is not 0 here: an unprivileged user may not attach");
    }
    QProcess watcher;
    watcher.start(QStringLiteral("setpriv"), asNobody() << copy << QStringLiteral("watch")
                                                        << QStringLiteral("--pid")
                                                        << QString::number(pid));
    QByteArray calls;
    QTRY_VERIFY_WITH_TIMEOUT((calls += watcher.readAllStandardError()).contains("LISTEN at"),
                             10000);
    QCOMPARE(echo(port, "nobody's\n"), QByteArray("nobody's\n"));
    QTRY_VERIFY_WITH_TIMEOUT((calls += watcher.readAllStandardError()).contains("→ 9"), 10000);
    ::kill(pid_t(watcher.processId()), SIGINT);
    QVERIFY(watcher.waitForFinished(10000));
    QCOMPARE(watcher.exitCode(), 0);
    QCOMPARE(echo(port, "still\n"), QByteArray("still\n"));
    server.kill();
    server.waitForFinished(5000);
}

QTEST_GUILESS_MAIN(TestAttach)
#include "tst_attach.moc"
