// SPDX-License-Identifier: MIT
// Trace files as shared, untrusted and sometimes damaged things: the writer says when it
// lost events (a full disk, its size cap) and the console exits non-zero then; every exit
// path, SIGTERM with busy clients included, leaves a whole trace; the reader refuses what
// would hang it (a FIFO) and reads a trace up to a cut-off last line, saying so.

#include "calls/SocketEvent.h"
#include "trace/TraceFormat.h"
#include "trace/TraceWriter.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <sys/stat.h>

namespace {
SocketEvent recvEvent(int seq, const QByteArray &data)
{
    SocketEvent e;
    e.seq = seq;
    e.socketId = QStringLiteral("conn#1");
    e.role = SocketRole::Connection;
    e.call = SocketCall::Recv;
    e.phase = CallPhase::Returned;
    e.args.insert(QStringLiteral("bufsize"), 4096);
    e.byteCount = data.size();
    e.data = data;
    return e;
}

bool writeFile(const QString &path, const QByteArray &content)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(content) == content.size();
}

// Starts `socketlab-cli serve` on a kernel-chosen port and returns that port (0 on failure).
int startServe(QProcess &serve, const QStringList &extra)
{
    serve.start(QStringLiteral(SOCKETLAB_CLI),
                QStringList{QStringLiteral("serve"), QStringLiteral("--bind"),
                            QStringLiteral("127.0.0.1:0")} +
                    extra);
    // The call log comes first; the "serving" line follows listen().
    const QRegularExpression serving(QStringLiteral("^serving \\w+ on 127\\.0\\.0\\.1:(\\d+)"));
    QElapsedTimer waited;
    waited.start();
    while (waited.elapsed() < 10000) {
        if (!serve.canReadLine()) {
            serve.waitForReadyRead(100);
            continue;
        }
        const QRegularExpressionMatch m = serving.match(QString::fromUtf8(serve.readLine()));
        if (m.hasMatch())
            return m.captured(1).toInt();
    }
    return 0;
}
} // namespace

class TestTraceFile : public QObject
{
    Q_OBJECT

private slots:
    void aLineIsTheSameWhicheverWayItIsWritten_data();
    void aLineIsTheSameWhicheverWayItIsWritten();
    void writerStopsAtTheFileCapAndSaysSo();
    void writerReportsAFullDisk();
    void readerKeepsEventsBeforeADamagedLastLine();
    void readerRefusesADamagedMiddleLine();
    void readerRefusesWhatIsNotAFile_data();
    void readerRefusesWhatIsNotAFile();
    void consoleExitsNonZeroWhenTheTraceCannotBeWritten();
    void sigtermWithBusyClientsLeavesAWholeTrace();
    void exportReadsADamagedTraceAndSaysSo();
};

void TestTraceFile::aLineIsTheSameWhicheverWayItIsWritten_data()
{
    // toLine writes a flood's data calls directly; byte for byte what QJsonDocument writes.
    QTest::addColumn<SocketEvent>("event");
    QTest::addColumn<qint64>("kept");
    QTest::newRow("recv returned") << recvEvent(3, "hello") << qint64(64);
    QTest::newRow("bytes cut at the cap") << recvEvent(4, QByteArray(100, 'x')) << qint64(10);
    QTest::newRow("no bytes kept") << recvEvent(5, "abc") << qint64(0);
    SocketEvent started = recvEvent(6, QByteArray());
    started.phase = CallPhase::Started;
    started.byteCount = -1;
    started.tMs = 1234.56789;
    QTest::newRow("started, no result") << started << qint64(64);
    SocketEvent odd = recvEvent(7, QByteArray("\x00\x01\xff\n", 4));
    odd.socketId = QStringLiteral("pid42#1 \"q\" \\ \t\n\x01 é→");
    odd.socketName = QStringLiteral("conn_2");
    odd.kernelState = QStringLiteral("ESTABLISHED");
    odd.pid = 42;
    odd.tid = 43;
    odd.bytesNotKept = 5;
    odd.tMs = 0.0005;
    odd.args.insert(QStringLiteral("host"), QStringLiteral("::1"));
    odd.args.insert(QStringLiteral("size"), qint64(1) << 40);
    odd.result = QStringLiteral("text \"with\" quotes");
    QTest::newRow("every field, odd text") << odd << qint64(64);
    SocketEvent big = recvEvent(8, "z");
    big.seq = (qint64(1) << 53) + 1;
    big.tMs = 999999999999.999;
    big.result = quint64(1) << 63;
    QTest::newRow("large numbers") << big << qint64(64);
    SocketEvent failed = recvEvent(9, QByteArray());
    failed.phase = CallPhase::Failed;
    failed.error = CallError::fromErrno(ECONNRESET, QStringLiteral("the peer reset it"));
    QTest::newRow("failed (the general way)") << failed << qint64(64);
    SocketEvent nested = recvEvent(10, QByteArray());
    nested.args.insert(QStringLiteral("address"),
                       QVariantMap{{QStringLiteral("host"), QStringLiteral("127.0.0.1")}});
    nested.args.insert(QStringLiteral("flag"), true);
    QTest::newRow("nested arguments (the general way)") << nested << qint64(64);
}

void TestTraceFile::aLineIsTheSameWhicheverWayItIsWritten()
{
    QFETCH(SocketEvent, event);
    QFETCH(qint64, kept);
    QCOMPARE(TraceFormat::toLine(event, kept),
             QJsonDocument(TraceFormat::toJson(event, kept)).toJson(QJsonDocument::Compact) + '\n');
}

void TestTraceFile::writerStopsAtTheFileCapAndSaysSo()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("t.sltrace"));
    const QByteArray line = TraceFormat::toLine(recvEvent(1, "x"), 64);
    // Room for exactly three lines: one-byte events are mostly per-event text.
    TraceWriter writer(64, 1 << 20, 3 * line.size());
    QVERIFY(writer.open(path));
    for (int i = 1; i <= 10; ++i)
        writer.write(recvEvent(1, "x"));
    QVERIFY(writer.close()); // a cap is not an error
    QVERIFY(!writer.failed());
    QVERIFY2(writer.problem().contains(QStringLiteral("limit")), qPrintable(writer.problem()));
    QCOMPARE(QFileInfo(path).size(), 3 * line.size());
}

void TestTraceFile::writerReportsAFullDisk()
{
    if (!QFileInfo::exists(QStringLiteral("/dev/full")))
        QSKIP("/dev/full is Linux's always-full device; this system has none");
    TraceWriter writer(64, 1 << 20, 1 << 20);
    QVERIFY(writer.open(QStringLiteral("/dev/full")));
    writer.write(recvEvent(7, "lost"));
    writer.flush(); // lines reach the file a burst at a time
    QVERIFY(writer.failed());
    QVERIFY2(writer.problem().contains(QStringLiteral("event 7")), qPrintable(writer.problem()));
    QVERIFY(!writer.close());
}

void TestTraceFile::readerKeepsEventsBeforeADamagedLastLine()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("cut.sltrace"));
    QByteArray text;
    for (int i = 1; i <= 3; ++i)
        text += TraceFormat::toLine(recvEvent(i, "abc"), 64);
    // A crash in the middle of the fourth line.
    text += TraceFormat::toLine(recvEvent(4, "abc"), 64).left(25);
    QVERIFY(writeFile(path, text));
    QVector<SocketEvent> events;
    QString error, warning;
    QVERIFY2(TraceFormat::readFile(path, &events, &error, &warning), qPrintable(error));
    QCOMPARE(events.size(), 3);
    QVERIFY2(warning.contains(QStringLiteral("line 4")), qPrintable(warning));
}

void TestTraceFile::readerRefusesADamagedMiddleLine()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("bad.sltrace"));
    QVERIFY(writeFile(path, TraceFormat::toLine(recvEvent(1, "a"), 64) + "{not json\n" +
                                TraceFormat::toLine(recvEvent(3, "b"), 64)));
    QVector<SocketEvent> events;
    QString error, warning;
    QVERIFY(!TraceFormat::readFile(path, &events, &error, &warning));
    QVERIFY2(error.startsWith(QStringLiteral("line 2")), qPrintable(error));
}

void TestTraceFile::readerRefusesWhatIsNotAFile_data()
{
    QTest::addColumn<QString>("kind");
    QTest::newRow("fifo") << "fifo";
    QTest::newRow("folder") << "folder";
    QTest::newRow("device") << "device";
    QTest::newRow("missing") << "missing";
}

void TestTraceFile::readerRefusesWhatIsNotAFile()
{
    QFETCH(QString, kind);
    QTemporaryDir dir;
    QString path = dir.filePath(QStringLiteral("x"));
    if (kind == QLatin1String("fifo"))
        QCOMPARE(::mkfifo(path.toLocal8Bit().constData(), 0600), 0);
    else if (kind == QLatin1String("folder"))
        QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("x")));
    else if (kind == QLatin1String("device"))
        path = QStringLiteral("/dev/zero"); // reading it would never end either
    QVector<SocketEvent> events;
    QString error, warning;
    QElapsedTimer took;
    took.start();
    QVERIFY(!TraceFormat::readFile(path, &events, &error, &warning));
    QVERIFY(!error.isEmpty());
    QVERIFY(took.elapsed() < 1000);
}

void TestTraceFile::consoleExitsNonZeroWhenTheTraceCannotBeWritten()
{
    if (!QFileInfo::exists(QStringLiteral("/dev/full")))
        QSKIP("/dev/full is Linux's always-full device; this system has none");
    QProcess serve;
    const int port = startServe(serve, {QStringLiteral("--max-clients"), QStringLiteral("1"),
                                        QStringLiteral("--trace"), QStringLiteral("/dev/full")});
    QVERIFY(port > 0);
    QProcess client;
    client.start(QStringLiteral(SOCKETLAB_CLI),
                 {QStringLiteral("connect"), QStringLiteral("127.0.0.1:%1").arg(port),
                  QStringLiteral("--send"), QStringLiteral("hi")});
    QVERIFY(client.waitForFinished(10000));
    QVERIFY(serve.waitForFinished(10000));
    QCOMPARE(serve.exitStatus(), QProcess::NormalExit);
    QCOMPARE(serve.exitCode(), 1);
    QVERIFY(serve.readAllStandardError().contains("writing the trace failed"));
}

void TestTraceFile::sigtermWithBusyClientsLeavesAWholeTrace()
{
    // Ten clients each keep a few echoes in flight; the server is stopped in the middle.
    const char flood[] = R"(
import socket, sys, time
port = int(sys.argv[1])
socks = [socket.create_connection(('127.0.0.1', port)) for _ in range(10)]
for s in socks:
    s.setblocking(False)
end = time.time() + 20
while time.time() < end:
    for s in socks:
        try:
            s.send(b'x' * 4096)
            s.recv(65536)
        except (BlockingIOError, InterruptedError):
            pass
        except OSError:
            sys.exit(0)
)";
    for (int round = 0; round < 3; ++round) {
        QTemporaryDir dir;
        const QString trace = dir.filePath(QStringLiteral("busy.sltrace"));
        QProcess serve;
        const int port = startServe(serve, {QStringLiteral("--trace"), trace});
        QVERIFY(port > 0);
        QProcess clients;
        clients.start(QStringLiteral("python3"),
                      {QStringLiteral("-c"), QString::fromLatin1(flood), QString::number(port)});
        QVERIFY(clients.waitForStarted());
        // Until every client is being served and data flows.
        QElapsedTimer waited;
        waited.start();
        while (QFileInfo(trace).size() < 200000 && waited.elapsed() < 10000)
            QTest::qWait(20);
        ::kill(pid_t(serve.processId()), SIGTERM);
        // Under ThreadSanitizer closing ten busy connections and writing their last events
        // took 9.6 s (0.5 s in a normal build); what is checked here is that nothing is lost.
        QVERIFY(serve.waitForFinished(60000));
        QCOMPARE(serve.exitCode(), 0);
        clients.kill();
        clients.waitForFinished();

        QVector<SocketEvent> events;
        QString error, warning;
        QVERIFY2(TraceFormat::readFile(trace, &events, &error, &warning), qPrintable(error));
        QVERIFY2(warning.isEmpty(), qPrintable(warning));
        QSet<QString> accepted, closed;
        for (const SocketEvent &e : std::as_const(events)) {
            if (e.call == SocketCall::Accept && e.phase == CallPhase::Returned)
                accepted.insert(e.result.toMap().value(QStringLiteral("socket")).toString());
            if (e.call == SocketCall::Close && e.phase == CallPhase::Returned)
                closed.insert(e.socketId);
        }
        QCOMPARE(accepted.size(), 10);
        // Every connection and the listener end with their close in the file.
        for (const QString &id : std::as_const(accepted))
            QVERIFY2(closed.contains(id), qPrintable(id + QStringLiteral(" has no close")));
        QVERIFY(closed.contains(QStringLiteral("server#1")));
    }
}

void TestTraceFile::exportReadsADamagedTraceAndSaysSo()
{
    QTemporaryDir dir;
    SocketEvent socket;
    socket.seq = 1;
    socket.socketId = QStringLiteral("client#1");
    socket.call = SocketCall::Socket;
    socket.phase = CallPhase::Returned;
    socket.args = {
        {QStringLiteral("family"), 2}, {QStringLiteral("type"), 1}, {QStringLiteral("proto"), 0}};
    socket.result = 3;
    const QString path = dir.filePath(QStringLiteral("cut.sltrace"));
    QVERIFY(writeFile(path, TraceFormat::toLine(socket, 0) + "{\"seq\":2,\"t_ms\""));
    QProcess cli;
    cli.start(QStringLiteral(SOCKETLAB_CLI),
              {QStringLiteral("export"), QStringLiteral("--out"), dir.path(), path});
    QVERIFY(cli.waitForFinished(10000));
    QCOMPARE(cli.exitCode(), 0);
    QVERIFY(cli.readAllStandardError().contains("line 2 is damaged"));
    QVERIFY(QFile::exists(dir.filePath(QStringLiteral("client.py"))));
}

QTEST_GUILESS_MAIN(TestTraceFile)
#include "tst_tracefile.moc"
