// SPDX-License-Identifier: MIT
// Unix domain sockets (AF_UNIX) over real socket files: the file appears on bind and goes
// on close, a stale file is explained, streams and datagrams carry bytes, and outside peers
// (python3, nc -U) talk to them.

#include "EventRecorder.h"
#include "StaleSocketFile.h"
#include "present/PythonForm.h"
#include "session/SocketSession.h"

#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <sys/socket.h>
#include <sys/stat.h>

namespace {
bool isSocketFile(const QString &path)
{
    struct stat st;
    return ::stat(path.toLocal8Bit().constData(), &st) == 0 && S_ISSOCK(st.st_mode);
}
} // namespace

class TestUnix : public QObject
{
    Q_OBJECT
private slots:
    void streamThroughASocketFile();
    void staleFileIsExplained();
    void bindRemovesOnlyAStaleFileWhenAsked_data();
    void bindRemovesOnlyAStaleFileWhenAsked();
    void tooLongAPathIsRefusedBeforeTheCall();
    void datagramsCarryTheSendersPath();
    void ncAndPythonTalkToIt();

private:
    QString listening(SocketSession &s, EventRecorder &ev, const QString &path, int type);
};

QString TestUnix::listening(SocketSession &s, EventRecorder &ev, const QString &path, int type)
{
    QString id;
    s.createSocket(SocketRole::Server, AF_UNIX, type, 0, &id);
    if (ev.waitForEnd(id, SocketCall::Socket).phase != CallPhase::Returned)
        return QString();
    s.bind(id, path, 0);
    if (ev.waitForEnd(id, SocketCall::Bind).phase != CallPhase::Returned)
        return QString();
    if (type == SOCK_STREAM) {
        s.listen(id, 1);
        if (ev.waitForEnd(id, SocketCall::Listen).phase != CallPhase::Returned)
            return QString();
    }
    return id;
}

void TestUnix::streamThroughASocketFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("lab.sock"));
    SocketSession s;
    EventRecorder ev(&s);
    const QString server = listening(s, ev, path, SOCK_STREAM);
    QVERIFY(!server.isEmpty());
    QVERIFY(isSocketFile(path)); // bind made the file
    QCOMPARE(s.socket(server).local.display(), QStringLiteral("unix:") + path);
    QCOMPARE(PythonForm::statement(ev.events().at(ev.events().size() - 3)),
             QStringLiteral("server_socket.bind('%1')").arg(path));

    QString client;
    s.createSocket(SocketRole::Client, AF_UNIX, SOCK_STREAM, 0, &client);
    ev.waitForEnd(client, SocketCall::Socket);
    s.accept(server);
    s.connectTo(client, path, 0);
    QCOMPARE(ev.waitForEnd(client, SocketCall::Connect).phase, CallPhase::Returned);
    const SocketEvent accepted = ev.waitForEnd(server, SocketCall::Accept);
    QCOMPARE(accepted.phase, CallPhase::Returned);
    QCOMPARE(PythonForm::outcome(accepted), QStringLiteral("''")); // an unnamed client
    const QString conn = accepted.result.toMap().value(QStringLiteral("socket")).toString();
    s.sendAll(client, "over a file");
    ev.waitForEnd(client, SocketCall::SendAll);
    s.recv(conn, 100);
    QCOMPARE(ev.waitForEnd(conn, SocketCall::Recv).data, QByteArray("over a file"));

    // Closing the connections leaves the file; closing the listener removes it.
    s.close(conn);
    ev.waitForEnd(conn, SocketCall::Close);
    QVERIFY(isSocketFile(path));
    s.close(server);
    const SocketEvent closed = ev.waitForEnd(server, SocketCall::Close);
    QCOMPARE(closed.phase, CallPhase::Returned);
    QVERIFY(!QFileInfo::exists(path));
    QVERIFY(PythonForm::outcome(closed).contains(QStringLiteral("os.unlink")));
}

void TestUnix::staleFileIsExplained()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("stale.sock"));
    // An earlier run that ended without removing its file: bind, then close, no unlink.
    QVERIFY(StaleSocketFile::make(path));
    QVERIFY(isSocketFile(path));

    SocketSession s;
    EventRecorder ev(&s);
    QString id;
    s.createSocket(SocketRole::Server, AF_UNIX, SOCK_STREAM, 0, &id);
    ev.waitForEnd(id, SocketCall::Socket);
    s.bind(id, path, 0);
    const SocketEvent failed = ev.waitForEnd(id, SocketCall::Bind);
    QCOMPARE(failed.phase, CallPhase::Failed);
    QCOMPARE(failed.error.name(), QStringLiteral("EADDRINUSE"));
    QVERIFY2(failed.error.hint().contains(QStringLiteral("earlier run")),
             qPrintable(failed.error.hint()));
    QVERIFY(failed.error.hint().contains(path));
    QVERIFY(isSocketFile(path)); // nothing was removed behind the user's back
}

void TestUnix::bindRemovesOnlyAStaleFileWhenAsked_data()
{
    // What is at the path, whether the bind asks to remove a stale file first, and then:
    // whether bind returns, and the "stale" the failed bind reports (the window offers the
    // removal only when it is true).
    QTest::addColumn<QString>("there");
    QTest::addColumn<bool>("remove");
    QTest::addColumn<bool>("binds");
    QTest::addColumn<bool>("stale");
    QTest::newRow("stale file, not asked") << "stale" << false << false << true;
    QTest::newRow("stale file, asked") << "stale" << true << true << false;
    QTest::newRow("a listener's file, not asked") << "listener" << false << false << false;
    QTest::newRow("a listener's file, asked: kept") << "listener" << true << false << false;
    QTest::newRow("a regular file, asked: kept") << "file" << true << false << false;
}

void TestUnix::bindRemovesOnlyAStaleFileWhenAsked()
{
    QFETCH(QString, there);
    QFETCH(bool, remove);
    QFETCH(bool, binds);
    QFETCH(bool, stale);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("lab.sock"));
    SocketSession s;
    EventRecorder ev(&s);
    QString other;
    if (there == QLatin1String("stale")) {
        QVERIFY(StaleSocketFile::make(path));
    } else if (there == QLatin1String("listener")) {
        other = listening(s, ev, path, SOCK_STREAM);
        QVERIFY(!other.isEmpty());
    } else {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("notes");
    }
    QString id;
    s.createSocket(SocketRole::Server, AF_UNIX, SOCK_STREAM, 0, &id);
    ev.waitForEnd(id, SocketCall::Socket);
    s.bind(id, path, 0, remove);
    const SocketEvent bound = ev.waitForEnd(id, SocketCall::Bind);
    QCOMPARE(bound.phase == CallPhase::Returned, binds);
    if (!binds) {
        QCOMPARE(bound.error.name(), QStringLiteral("EADDRINUSE"));
        QCOMPARE(bound.args.value(QStringLiteral("stale")).toBool(), stale);
    }
    if (there == QLatin1String("listener")) { // its file still there, and still answering
        QVERIFY(isSocketFile(path));
        QCOMPARE(s.socket(other).state, SocketState::Listening);
    }
    if (there == QLatin1String("file")) {
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), QByteArray("notes"));
    }
}

void TestUnix::tooLongAPathIsRefusedBeforeTheCall()
{
    SocketSession s;
    EventRecorder ev(&s);
    QString id;
    s.createSocket(SocketRole::Server, AF_UNIX, SOCK_STREAM, 0, &id);
    ev.waitForEnd(id, SocketCall::Socket);
    s.bind(id, QStringLiteral("/tmp/") + QString(200, QLatin1Char('x')), 0);
    const SocketEvent failed = ev.waitForEnd(id, SocketCall::Bind);
    QCOMPARE(failed.phase, CallPhase::Failed);
    QVERIFY(failed.error.message().contains(QStringLiteral("too long")));
    s.bind(id, QString(), 0);
    QVERIFY(ev.waitForEnd(id, SocketCall::Bind).error.message().contains(QStringLiteral("path")));
}

void TestUnix::datagramsCarryTheSendersPath()
{
    QTemporaryDir dir;
    SocketSession s;
    EventRecorder ev(&s);
    const QString a = listening(s, ev, dir.filePath(QStringLiteral("a.sock")), SOCK_DGRAM);
    const QString b = listening(s, ev, dir.filePath(QStringLiteral("b.sock")), SOCK_DGRAM);
    QVERIFY(!a.isEmpty() && !b.isEmpty());
    s.sendTo(a, "first", dir.filePath(QStringLiteral("b.sock")), 0);
    QCOMPARE(ev.waitForEnd(a, SocketCall::SendTo).phase, CallPhase::Returned);
    s.sendTo(a, "second", dir.filePath(QStringLiteral("b.sock")), 0);
    ev.waitForEnd(a, SocketCall::SendTo);
    for (const QByteArray &expected : {QByteArray("first"), QByteArray("second")}) {
        s.recvFrom(b, 100);
        const SocketEvent got = ev.waitForEnd(b, SocketCall::RecvFrom);
        QCOMPARE(got.data, expected);
        QCOMPARE(PythonForm::outcome(got).section(QLatin1String("  "), 0, 0),
                 QStringLiteral("(b'%1', '%2')")
                     .arg(QString::fromLatin1(expected), dir.filePath(QStringLiteral("a.sock"))));
    }
}

void TestUnix::ncAndPythonTalkToIt()
{
    QVERIFY(!QStandardPaths::findExecutable(QStringLiteral("nc")).isEmpty());
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("peer.sock"));
    SocketSession s;
    EventRecorder ev(&s);
    const QString server = listening(s, ev, path, SOCK_STREAM);
    QVERIFY(!server.isEmpty());
    for (int round = 0; round < 2; ++round) {
        QProcess peer;
        if (round == 0) {
            peer.start(QStringLiteral("nc"), {QStringLiteral("-N"), QStringLiteral("-U"), path});
            peer.write("from nc\n");
            peer.closeWriteChannel();
        } else {
            peer.start(QStringLiteral("python3"),
                       {QStringLiteral("-c"),
                        QStringLiteral("import socket\n"
                                       "c = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)\n"
                                       "c.connect('%1')\n"
                                       "c.sendall(b'from python\\n')\n"
                                       "c.shutdown(socket.SHUT_WR)\n"
                                       "print(c.recv(100).decode(), end='')\n")
                            .arg(path)});
        }
        QVERIFY(peer.waitForStarted());
        s.accept(server);
        const SocketEvent accepted = ev.waitForEnd(server, SocketCall::Accept, 10000);
        QCOMPARE(accepted.phase, CallPhase::Returned);
        const QString conn = accepted.result.toMap().value(QStringLiteral("socket")).toString();
        QByteArray got;
        while (!got.endsWith('\n')) {
            s.recv(conn, 100);
            const SocketEvent r = ev.waitForEnd(conn, SocketCall::Recv, 10000);
            QVERIFY(r.phase == CallPhase::Returned && r.byteCount > 0);
            got += r.data;
        }
        s.sendAll(conn, got.toUpper());
        ev.waitForEnd(conn, SocketCall::SendAll);
        s.close(conn);
        ev.waitForEnd(conn, SocketCall::Close);
        // waitForFinished is false for a process that has already ended.
        QVERIFY(peer.state() == QProcess::NotRunning || peer.waitForFinished(10000));
        QCOMPARE(peer.readAllStandardOutput(), got.toUpper());
    }
}

QTEST_GUILESS_MAIN(TestUnix)
#include "tst_unix.moc"
