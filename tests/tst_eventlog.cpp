// SPDX-License-Identifier: MIT
// The session log's memory caps, its table, the trace format and the Python wording.

#include "calls/SocketAddress.h"
#include "calls/SocketName.h"
#include "present/EventText.h"
#include "present/FrameThrottle.h"
#include "present/PythonForm.h"
#include "session/EventLog.h"
#include "trace/TraceFormat.h"
#include "trace/TraceWriter.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <cerrno>
#include <netinet/in.h>

namespace {
SocketEvent dataEvent(const QString &socket, SocketCall call, const QByteArray &data)
{
    SocketEvent e;
    e.socketId = socket;
    e.role = socketRoleOf(socket);
    e.call = call;
    e.phase = CallPhase::Returned;
    e.byteCount = data.size();
    e.data = data;
    if (call == SocketCall::Recv)
        e.args.insert(QStringLiteral("bufsize"), 4096);
    else
        e.args.insert(QStringLiteral("size"), data.size());
    return e;
}
} // namespace

class TestEventLog : public QObject
{
    Q_OBJECT

private slots:
    void perEventCapKeepsCounts();
    void totalCapDropsLaterData();
    void tableShowsPythonForm();
    void viewsHearOfNewRowsTogether();
    void frameThrottleRunsAtMostOnceAFrame();
    void consoleLine_data();
    void consoleLine();
    void statements_data();
    void statements();
    void variableNames_data();
    void variableNames();
    void traceLineHasEveryField();
    void traceWriterHonoursCaps();
};

void TestEventLog::perEventCapKeepsCounts()
{
    EventLog log;
    log.setCaps(16, 1024);
    log.append(dataEvent(QStringLiteral("conn#1"), SocketCall::Recv, QByteArray(100, 'x')));
    QCOMPARE(log.count(), 1);
    QCOMPARE(log.event(0).byteCount, qint64(100));
    QCOMPARE(log.event(0).data.size(), 16);
    QCOMPARE(log.event(0).bytesNotKept, qint64(84));
    QCOMPARE(log.keptBytes(), qint64(16));
    QVERIFY(EventText::outcome(log.event(0)).contains(QStringLiteral("(84 more bytes not kept)")));
}

void TestEventLog::totalCapDropsLaterData()
{
    EventLog log;
    log.setCaps(64, 100);
    for (int i = 0; i < 5; ++i)
        log.append(
            dataEvent(QStringLiteral("conn#1"), SocketCall::Recv, QByteArray(40, char('a' + i))));
    QCOMPARE(log.count(), 5);
    QCOMPARE(log.keptBytes(), qint64(100));
    QCOMPARE(log.event(0).data, QByteArray(40, 'a'));
    QCOMPARE(log.event(2).data, QByteArray(20, 'c'));
    QCOMPARE(log.event(3).data.size(), 0);
    QCOMPARE(log.event(4).bytesNotKept, qint64(40));
    qint64 counted = 0;
    for (const SocketEvent &e : log.events())
        counted += e.byteCount;
    QCOMPARE(counted, qint64(200));
}

void TestEventLog::tableShowsPythonForm()
{
    EventLog log;
    log.append(dataEvent(QStringLiteral("conn#1"), SocketCall::Recv, "Hey, can you hear me?"));
    QTRY_COMPARE(log.rowCount(), 1);
    QCOMPARE(log.columnCount(), int(EventLog::ColumnCount));
    QCOMPARE(log.index(0, EventLog::CallColumn).data().toString(),
             QStringLiteral("msg = conn.recv(4096)"));
    QCOMPARE(log.index(0, EventLog::OutcomeColumn).data().toString(),
             QStringLiteral("→ b'Hey, can you hear me?'  (21 bytes)"));
    QCOMPARE(log.index(0, EventLog::BytesColumn).data().toString(), QStringLiteral("21"));
    QCOMPARE(log.index(0, 0).data(EventLog::SocketRoleRole).toInt(), int(SocketRole::Connection));
}

void TestEventLog::viewsHearOfNewRowsTogether()
{
    EventLog log;
    QSignalSpy inserted(&log, &QAbstractItemModel::rowsInserted);
    for (int i = 0; i < 100; ++i)
        log.append(dataEvent(QStringLiteral("conn#1"), SocketCall::Recv, "x"));
    // Stored at once. The first two rows (a click's call, started and returned) reach the
    // table at once; the other 98 together, a frame later.
    QCOMPARE(log.count(), 100);
    QCOMPARE(log.rowCount(), 2);
    QTRY_COMPARE(inserted.count(), 3);
    QCOMPARE(inserted.at(2).at(1).toInt(), 2);
    QCOMPARE(inserted.at(2).at(2).toInt(), 99);
    QCOMPARE(log.rowCount(), 100);

    // Whoever needs a row now (selecting it, say) asks for the pending ones at once.
    log.append(dataEvent(QStringLiteral("conn#1"), SocketCall::Recv, "y"));
    log.showPendingRows();
    QCOMPARE(log.rowCount(), 101);
    QCOMPARE(inserted.count(), 4);
    QCOMPARE(log.index(100, EventLog::OutcomeColumn).data().toString(),
             QStringLiteral("→ b'y'  (1 byte)"));
    QTest::qWait(2 * FrameThrottle::frameMs);
    QCOMPARE(inserted.count(), 4);

    log.clear();
    QCOMPARE(log.rowCount(), 0);
    log.append(dataEvent(QStringLiteral("conn#2"), SocketCall::Recv, "z"));
    QTRY_COMPARE(log.rowCount(), 1);
}

void TestEventLog::frameThrottleRunsAtMostOnceAFrame()
{
    QVector<qint64> runs;
    QElapsedTimer clock;
    clock.start();
    FrameThrottle throttle([&] { runs.append(clock.elapsed()); });

    // After a quiet spell: at once, and a second time right after (a call that starts and
    // returns); a third request waits for the frame.
    throttle.request();
    QCOMPARE(runs.size(), 1);
    throttle.request();
    QCOMPARE(runs.size(), 2);
    throttle.request();
    QCOMPARE(runs.size(), 2);
    QTRY_COMPARE(runs.size(), 3);
    QVERIFY2(runs.at(2) - runs.at(1) >= FrameThrottle::frameMs / 2,
             qPrintable(QString::number(runs.at(2) - runs.at(1))));

    // Then a flood: a hundred requests at a time, again and again. After the quiet spell's
    // two, it runs once a frame on average (a run that came late makes the next one a
    // little sooner).
    const qsizetype beforeFlood = runs.size();
    QElapsedTimer flood;
    flood.start();
    while (flood.elapsed() < 20 * FrameThrottle::frameMs) {
        for (int i = 0; i < 100; ++i)
            throttle.request();
        QTest::qWait(1);
    }
    const qsizetype floodRuns = runs.size() - beforeFlood;
    const qint64 frames = flood.elapsed() / FrameThrottle::frameMs;
    // (At least a few: a slow machine, or a sanitizer, only makes the runs later.)
    QVERIFY2(floodRuns >= 4 && floodRuns <= frames + qint64(FrameThrottle::burstRuns) + 1,
             qPrintable(QStringLiteral("%1 runs in %2 frames").arg(floodRuns).arg(frames)));
    QTest::qWait(3 * FrameThrottle::frameMs);
    const qsizetype afterFlood = runs.size();

    // Someone who needs a scheduled run now gets it at once, and nothing runs twice for it.
    throttle.request();
    throttle.request();
    throttle.request();
    QCOMPARE(runs.size(), afterFlood + 2);
    throttle.runNow();
    QCOMPARE(runs.size(), afterFlood + 3);
    throttle.runNow(); // nothing scheduled: nothing runs
    QTest::qWait(2 * FrameThrottle::frameMs);
    QCOMPARE(runs.size(), afterFlood + 3);
}

void TestEventLog::consoleLine_data()
{
    QTest::addColumn<SocketEvent>("event");
    QTest::addColumn<QString>("line");

    SocketEvent recv = dataEvent(QStringLiteral("conn#1"), SocketCall::Recv, "hi");
    recv.tMs = 12.5;
    recv.kernelState = QStringLiteral("ESTABLISHED");
    QTest::newRow("recv returned")
        << recv
        << QStringLiteral("    12.500  msg = conn.recv(4096)  → b'hi'  (2 bytes)  "
                          "[kernel: ESTABLISHED]");

    SocketEvent started = recv;
    started.phase = CallPhase::Started;
    started.tMs = 1234567.25;
    QTest::newRow("started: no kernel state")
        << started << QStringLiteral("1234567.250  msg = conn.recv(4096)  …");

    SocketEvent longId = dataEvent(QStringLiteral("client#1234"), SocketCall::Recv, "");
    longId.byteCount = 0;
    QTest::newRow("a socket without a name is named by its id")
        << longId
        << QStringLiteral("     0.000  from_server = client_socket_1234.recv(4096)  → "
                          "b''  (0 bytes: the peer closed its side)");
    SocketEvent named = longId;
    named.socketName = QStringLiteral("client_socket");
    QTest::newRow("a socket's name wins over its id")
        << named
        << QStringLiteral("     0.000  from_server = client_socket.recv(4096)  → "
                          "b''  (0 bytes: the peer closed its side)");
}

void TestEventLog::consoleLine()
{
    QFETCH(SocketEvent, event);
    QFETCH(QString, line);
    QCOMPARE(EventText::line(event), line);
}

void TestEventLog::statements_data()
{
    QTest::addColumn<SocketEvent>("event");
    QTest::addColumn<QString>("statement");
    QTest::addColumn<QString>("outcome");

    SocketEvent socketCall;
    socketCall.socketId = QStringLiteral("server#1");
    socketCall.role = SocketRole::Server;
    socketCall.call = SocketCall::Socket;
    socketCall.phase = CallPhase::Returned;
    socketCall.args = {{QStringLiteral("family"), AF_INET},
                       {QStringLiteral("type"), SOCK_STREAM},
                       {QStringLiteral("proto"), IPPROTO_IP}};
    socketCall.result = 5;
    QTest::newRow("socket")
        << socketCall
        << "server_socket = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_IP)"
        << "<socket fd=5>";

    SocketEvent bind = socketCall;
    bind.call = SocketCall::Bind;
    bind.args = {{QStringLiteral("host"), QStringLiteral("127.0.0.1")},
                 {QStringLiteral("port"), 0}};
    bind.result = SocketAddress(AF_INET, QStringLiteral("127.0.0.1"), 41234).toVariant();
    QTest::newRow("bind port 0") << bind << "server_socket.bind(('127.0.0.1', 0))"
                                 << "None  (bound to ('127.0.0.1', 41234))";

    SocketEvent accept = socketCall;
    accept.call = SocketCall::Accept;
    accept.args.clear();
    accept.result =
        QVariantMap{{QStringLiteral("socket"), QStringLiteral("conn#2")},
                    {QStringLiteral("address"),
                     SocketAddress(AF_INET6, QStringLiteral("::1"), 54321).toVariant()}};
    QTest::newRow("accept") << accept << "conn_2, addr = server_socket.accept()"
                            << "('::1', 54321, 0, 0)";

    SocketEvent blocked = accept;
    blocked.phase = CallPhase::Blocked;
    blocked.result = QVariant();
    QTest::newRow("accept blocked") << blocked << "conn, addr = server_socket.accept()"
                                    << "BLOCKED (waiting for the kernel)";

    SocketEvent eof = dataEvent(QStringLiteral("client#1"), SocketCall::Recv, QByteArray());
    QTest::newRow("recv eof") << eof << "from_server = client_socket.recv(4096)"
                              << "b''  (0 bytes: the peer closed its side)";

    SocketEvent sendall = dataEvent(QStringLiteral("client#1"), SocketCall::SendAll, "Hey");
    QTest::newRow("sendall") << sendall << "client_socket.sendall(b'Hey')"
                             << "None  (3 bytes sent)";

    SocketEvent send = dataEvent(QStringLiteral("client#1"), SocketCall::Send, "Hey");
    send.result = 3;
    QTest::newRow("send") << send << "client_socket.send(b'Hey')"
                          << "3";

    SocketEvent refused = socketCall;
    refused.socketId = QStringLiteral("client#1");
    refused.call = SocketCall::Connect;
    refused.phase = CallPhase::Failed;
    refused.args = {{QStringLiteral("host"), QStringLiteral("127.0.0.1")},
                    {QStringLiteral("port"), 50000}};
    refused.error = CallError::fromErrno(ECONNREFUSED, QStringLiteral("hint"));
    QTest::newRow("refused") << refused << "client_socket.connect(('127.0.0.1', 50000))"
                             << "ConnectionRefusedError: [Errno 111] Connection refused";

    SocketEvent shutdown = socketCall;
    shutdown.socketId = QStringLiteral("conn#1");
    shutdown.call = SocketCall::Shutdown;
    shutdown.args = {{QStringLiteral("how"), SHUT_WR}};
    QTest::newRow("shutdown") << shutdown << "conn.shutdown(socket.SHUT_WR)"
                              << "None";
}

void TestEventLog::statements()
{
    QFETCH(SocketEvent, event);
    QFETCH(QString, statement);
    QFETCH(QString, outcome);
    QCOMPARE(PythonForm::statement(event), statement);
    QCOMPARE(PythonForm::outcome(event), outcome);
}

void TestEventLog::variableNames_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("name");
    QTest::newRow("server#1") << "server#1"
                              << "server_socket";
    QTest::newRow("server#2") << "server#2"
                              << "server_socket_2";
    QTest::newRow("client#1") << "client#1"
                              << "client_socket";
    QTest::newRow("conn#1") << "conn#1"
                            << "conn";
    QTest::newRow("conn#12") << "conn#12"
                             << "conn_12";
    // Ids from a shared trace become names only when they have this shape; anything else
    // is a distinct name of letters, digits and underscores.
    QTest::newRow("code in an id") << "x = __import__('os').system('id');server#1"
                                   << "sock_";
    QTest::newRow("leading zero") << "server#01"
                                  << "sock_";
    QTest::newRow("unknown prefix") << "browser#1"
                                    << "sock_";
    QTest::newRow("letters for a number") << "conn#a"
                                          << "sock_";
    QTest::newRow("empty number") << "client#"
                                  << "sock_";
    QTest::newRow("ten digits") << "conn#1234567890"
                                << "sock_";
}

void TestEventLog::variableNames()
{
    QFETCH(QString, id);
    QFETCH(QString, name);
    const QString made = SocketName::forId(id);
    static const QRegularExpression identifier(QStringLiteral("^[A-Za-z_][A-Za-z0-9_]*$"));
    QVERIFY2(identifier.match(made).hasMatch(), qPrintable(made));
    // What a trace may carry as a name is what SocketLab itself would make.
    QVERIFY2(SocketName::isValid(made), qPrintable(made));
    if (name == QLatin1String("sock_"))
        QVERIFY2(made.startsWith(name) && made.size() == 13, qPrintable(made)); // sock_ + 8 hex
    else
        QCOMPARE(made, name);
}

void TestEventLog::traceLineHasEveryField()
{
    SocketEvent e = dataEvent(QStringLiteral("conn#1"), SocketCall::Recv, "Hey");
    e.seq = 7;
    e.tMs = 12.3456;
    const QJsonObject o = QJsonDocument::fromJson(TraceFormat::toLine(e, 1024)).object();
    QCOMPARE(o.value(QStringLiteral("seq")).toInt(), 7);
    QCOMPARE(o.value(QStringLiteral("t_ms")).toDouble(), 12.346);
    QCOMPARE(o.value(QStringLiteral("socket")).toString(), QStringLiteral("conn#1"));
    QCOMPARE(o.value(QStringLiteral("call")).toString(), QStringLiteral("recv"));
    QCOMPARE(o.value(QStringLiteral("phase")).toString(), QStringLiteral("returned"));
    QCOMPARE(o.value(QStringLiteral("args")).toObject().value(QStringLiteral("bufsize")).toInt(),
             4096);
    QCOMPARE(o.value(QStringLiteral("bytes")).toInt(), 3);
    QCOMPARE(o.value(QStringLiteral("data_hex")).toString(), QStringLiteral("486579"));
    QVERIFY(!o.contains(QStringLiteral("error")));

    SocketEvent failed;
    failed.socketId = QStringLiteral("client#1");
    failed.call = SocketCall::Connect;
    failed.phase = CallPhase::Failed;
    failed.error = CallError::fromErrno(ECONNREFUSED, QStringLiteral("Nothing is listening."));
    const QJsonObject error = QJsonDocument::fromJson(TraceFormat::toLine(failed, 0))
                                  .object()
                                  .value(QStringLiteral("error"))
                                  .toObject();
    QCOMPARE(error.value(QStringLiteral("name")).toString(), QStringLiteral("ECONNREFUSED"));
    QCOMPARE(error.value(QStringLiteral("errno")).toInt(), ECONNREFUSED);
    QCOMPARE(error.value(QStringLiteral("message")).toString(),
             QStringLiteral("Connection refused"));
    QCOMPARE(error.value(QStringLiteral("hint")).toString(),
             QStringLiteral("Nothing is listening."));
}

void TestEventLog::traceWriterHonoursCaps()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("trace.jsonl"));
    TraceWriter writer(4, 6, 1 << 20);
    QVERIFY(writer.open(path));
    writer.write(dataEvent(QStringLiteral("conn#1"), SocketCall::Recv, "abcdefgh"));
    writer.write(dataEvent(QStringLiteral("conn#1"), SocketCall::Recv, "ijklmnop"));
    writer.close();
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = file.readAll().trimmed().split('\n');
    QCOMPARE(lines.size(), 2);
    const QJsonObject first = QJsonDocument::fromJson(lines.at(0)).object();
    const QJsonObject second = QJsonDocument::fromJson(lines.at(1)).object();
    QCOMPARE(first.value(QStringLiteral("data_hex")).toString(), QStringLiteral("61626364"));
    QCOMPARE(first.value(QStringLiteral("bytes_not_kept")).toInt(), 4);
    QCOMPARE(second.value(QStringLiteral("data_hex")).toString(), QStringLiteral("696a"));
    QCOMPARE(second.value(QStringLiteral("bytes")).toInt(), 8);
}

QTEST_GUILESS_MAIN(TestEventLog)
#include "tst_eventlog.moc"
