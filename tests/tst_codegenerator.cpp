// SPDX-License-Identifier: MIT
// Code for each step: golden Python and C per call, traces read back, and whole exported
// programs that really run against each other with python3 and a C compiler.

#include "LoopbackSession.h"
#include "trace/CodeGenerator.h"
#include "trace/TraceFormat.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <cerrno>
#include <netinet/in.h>

namespace {
SocketEvent returned(const QString &socket, SocketCall call, const QVariantMap &args,
                     const QVariant &result = QVariant(), const QByteArray &data = QByteArray())
{
    SocketEvent e;
    e.socketId = socket;
    e.role = socketRoleOf(socket);
    e.call = call;
    e.phase = CallPhase::Returned;
    e.args = args;
    e.result = result;
    e.data = data;
    e.byteCount = data.isEmpty() ? -1 : data.size();
    return e;
}

QString runToEnd(QProcess &p)
{
    if (!p.waitForFinished(20000))
        p.kill();
    return QString::fromUtf8(p.readAllStandardOutput());
}
} // namespace

class TestCodeGenerator : public QObject
{
    Q_OBJECT

private slots:
    void perCall_data();
    void perCall();
    void traceRoundTrip();
    void exportedProgramsRunAgainstEachOther_data();
    void exportedProgramsRunAgainstEachOther();
    void cliExportsATrace();
    void transcript_data();
    void transcript();

private:
    QVector<SocketEvent> gettingTheFlow();
};

void TestCodeGenerator::perCall_data()
{
    QTest::addColumn<SocketEvent>("event");
    QTest::addColumn<QString>("python");
    QTest::addColumn<QString>("c");
    QTest::newRow("socket v4")
        << returned(QStringLiteral("server#1"), SocketCall::Socket,
                    {{"family", AF_INET}, {"type", SOCK_STREAM}, {"proto", IPPROTO_TCP}}, 3)
        << "server_socket = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)"
        << "int server_socket = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);\ncheck(server_socket, "
           "\"socket\");";
    QTest::newRow("socket v6")
        << returned(QStringLiteral("client#2"), SocketCall::Socket,
                    {{"family", AF_INET6}, {"type", SOCK_STREAM}, {"proto", 0}}, 3)
        << "client_socket_2 = socket.socket(socket.AF_INET6, socket.SOCK_STREAM, socket.IPPROTO_IP)"
        << "int client_socket_2 = socket(AF_INET6, SOCK_STREAM, "
           "IPPROTO_IP);\ncheck(client_socket_2, \"socket\");";
    QTest::newRow("bind v4")
        << returned(QStringLiteral("server#1"), SocketCall::Bind,
                    {{"host", "127.0.0.1"}, {"port", 50000}})
        << "server_socket.bind(('127.0.0.1', 50000))"
        << "{\n    struct sockaddr_in addr;\n    memset(&addr, 0, sizeof addr);\n    "
           "addr.sin_family = AF_INET;\n"
           "    addr.sin_port = htons(50000);\n    inet_pton(AF_INET, \"127.0.0.1\", "
           "&addr.sin_addr);\n"
           "    check(bind(server_socket, (struct sockaddr *)&addr, sizeof addr), \"bind\");\n}";
    QTest::newRow("connect v6")
        << returned(QStringLiteral("client#1"), SocketCall::Connect,
                    {{"host", "::1"}, {"port", 80}})
        << "client_socket.connect(('::1', 80))"
        << "{\n    struct sockaddr_in6 addr;\n    memset(&addr, 0, sizeof addr);\n    "
           "addr.sin6_family = AF_INET6;\n"
           "    addr.sin6_port = htons(80);\n    inet_pton(AF_INET6, \"::1\", &addr.sin6_addr);\n"
           "    check(connect(client_socket, (struct sockaddr *)&addr, sizeof addr), "
           "\"connect\");\n}";
    QTest::newRow("listen") << returned(QStringLiteral("server#1"), SocketCall::Listen,
                                        {{"backlog", 1}})
                            << "server_socket.listen(1)\nprint('listening on', "
                               "server_socket.getsockname(), flush=True)"
                            << "check(listen(server_socket, 1), \"listen\");\n{\n"
                               "    struct sockaddr_storage bound;\n"
                               "    socklen_t len = sizeof bound;\n"
                               "    getsockname(server_socket, (struct sockaddr *)&bound, &len);\n"
                               "    if (bound.ss_family == AF_UNIX)\n"
                               "        printf(\"listening on %s\\n\", ((struct sockaddr_un "
                               "*)&bound)->sun_path);\n"
                               "    else\n"
                               "        printf(\"listening on port %d\\n\", ntohs(bound.ss_family "
                               "== AF_INET6 ? ((struct sockaddr_in6 *)&bound)->sin6_port : "
                               "((struct sockaddr_in *)&bound)->sin_port));\n"
                               "    fflush(stdout);\n}";
    QTest::newRow("accept")
        << returned(
               QStringLiteral("server#1"), SocketCall::Accept, {},
               QVariantMap{{"socket", "conn#1"},
                           {"address",
                            QVariantMap{{"family", AF_INET}, {"host", "127.0.0.1"}, {"port", 5}}}})
        << "conn, addr = server_socket.accept()\nprint('connection from', addr, flush=True)"
        << "int conn = accept(server_socket, NULL, NULL);\ncheck(conn, \"accept\");";
    QTest::newRow("sendall with escapes")
        << returned(QStringLiteral("conn#1"), SocketCall::SendAll, {{"size", 6}}, QVariant(),
                    QByteArray("a\"\r\n\x01"
                               "7"))
        << "conn.sendall(b'a\"\\r\\n\\x017')"
        << "send_all(conn, \"a\\\"\\r\\n\\0017\", 6);";
    QTest::newRow("send") << returned(QStringLiteral("client#1"), SocketCall::Send, {{"size", 3}},
                                      3, "Hey")
                          << "client_socket.send(b'Hey')"
                          << "check(send(client_socket, \"Hey\", 3, 0), \"send\");";
    QTest::newRow("recv")
        << returned(QStringLiteral("client#1"), SocketCall::Recv, {{"bufsize", 4096}}, 2, "ok")
        << "from_server = client_socket.recv(4096)\nprint(from_server, flush=True)"
        << "n = recv(client_socket, buf, 4096, 0);\ncheck((int)n, \"recv\");\n"
           "fwrite(buf, 1, (size_t)n, stdout);\nputchar('\\n');\nfflush(stdout);";
    QTest::newRow("shutdown") << returned(QStringLiteral("conn#1"), SocketCall::Shutdown,
                                          {{"how", SHUT_WR}})
                              << "conn.shutdown(socket.SHUT_WR)"
                              << "check(shutdown(conn, SHUT_WR), \"shutdown\");";
    QTest::newRow("close") << returned(QStringLiteral("conn#1"), SocketCall::Close, {})
                           << "conn.close()"
                           << "close(conn);";
    SocketEvent refused = returned(QStringLiteral("client#1"), SocketCall::Connect,
                                   {{"host", "127.0.0.1"}, {"port", 9}});
    refused.phase = CallPhase::Failed;
    refused.error = CallError::fromErrno(ECONNREFUSED, QString());
    QTest::newRow("failed")
        << refused
        << "# client_socket.connect(('127.0.0.1', 9))  failed: ConnectionRefusedError: [Errno 111] "
           "Connection refused"
        << "// connect: failed in the session with ECONNREFUSED (Connection refused)";
}

void TestCodeGenerator::perCall()
{
    QFETCH(SocketEvent, event);
    QFETCH(QString, python);
    QFETCH(QString, c);
    QCOMPARE(CodeGenerator::pythonFor(event), python);
    QCOMPARE(CodeGenerator::cFor(event), c);
}

void TestCodeGenerator::traceRoundTrip()
{
    SocketEvent e =
        returned(QStringLiteral("conn#1"), SocketCall::Recv, {{"bufsize", 16}}, 3, "Hey");
    e.seq = 12;
    e.tMs = 4.5;
    e.kernelState = QStringLiteral("ESTABLISHED");
    SocketEvent back;
    QString error;
    QVERIFY(TraceFormat::fromLine(TraceFormat::toLine(e, 1024), &back, &error));
    QCOMPARE(back.seq, e.seq);
    QCOMPARE(back.tMs, e.tMs);
    QCOMPARE(back.socketId, e.socketId);
    QCOMPARE(back.role, SocketRole::Connection);
    QCOMPARE(back.call, e.call);
    QCOMPARE(back.phase, e.phase);
    QCOMPARE(back.args, e.args);
    QCOMPARE(back.data, e.data);
    QCOMPARE(back.byteCount, e.byteCount);
    QCOMPARE(back.kernelState, e.kernelState);

    SocketEvent failed =
        returned(QStringLiteral("client#1"), SocketCall::Connect, {{"host", "x"}, {"port", 1}});
    failed.phase = CallPhase::Failed;
    failed.error = CallError::fromErrno(ECONNREFUSED, QStringLiteral("hint"));
    QVERIFY(TraceFormat::fromLine(TraceFormat::toLine(failed, 0), &back, &error));
    QCOMPARE(back.error.name(), QStringLiteral("ECONNREFUSED"));
    QCOMPARE(back.error.hint(), QStringLiteral("hint"));

    QVERIFY(!TraceFormat::fromLine("{\"socket\":\"x\",\"call\":\"fly\",\"phase\":\"started\"}",
                                   &back, &error));
    QVERIFY(error.contains(QStringLiteral("unknown call")));
    QVERIFY(!TraceFormat::fromLine("not json", &back, &error));
}

QVector<SocketEvent> TestCodeGenerator::gettingTheFlow()
{
    LoopbackSession lab;
    SocketSession &s = lab.session();
    EventRecorder &ev = lab.events();
    quint16 port = 0;
    const QString server = lab.listeningServer(1, &port);
    const QString client = lab.connectedClient(port);
    s.accept(server);
    const QString conn = ev.waitForEnd(server, SocketCall::Accept)
                             .result.toMap()
                             .value(QStringLiteral("socket"))
                             .toString();
    s.sendAll(client, "Hey, can you hear me?");
    ev.waitForEnd(client, SocketCall::SendAll);
    s.recv(conn, 4096);
    ev.waitForEnd(conn, SocketCall::Recv);
    s.sendAll(conn, "Yes, I can hear you.");
    ev.waitForEnd(conn, SocketCall::SendAll);
    s.recv(client, 4096);
    ev.waitForEnd(client, SocketCall::Recv);
    s.close(conn);
    ev.waitForEnd(conn, SocketCall::Close);
    s.recv(client, 4096);
    ev.waitForEnd(client, SocketCall::Recv);
    s.close(client);
    ev.waitForEnd(client, SocketCall::Close);
    s.close(server);
    ev.waitForEnd(server, SocketCall::Close);
    return ev.events();
}

void TestCodeGenerator::exportedProgramsRunAgainstEachOther_data()
{
    QTest::addColumn<int>("language");
    QTest::newRow("python") << int(CodeGenerator::Language::Python);
    QTest::newRow("c") << int(CodeGenerator::Language::C);
}

void TestCodeGenerator::exportedProgramsRunAgainstEachOther()
{
    QFETCH(int, language);
    const auto lang = CodeGenerator::Language(language);
    const QVector<SocketEvent> events = gettingTheFlow();
    QVERIFY(CodeGenerator::hasSide(events, CodeGenerator::Side::Server));
    QVERIFY(CodeGenerator::hasSide(events, CodeGenerator::Side::Client));
    QTemporaryDir dir;
    QStringList command[2];
    for (auto side : {CodeGenerator::Side::Server, CodeGenerator::Side::Client}) {
        const QString name = CodeGenerator::fileName(side, lang);
        QFile file(dir.filePath(name));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(CodeGenerator::script(events, side, lang).toUtf8());
        file.close();
        if (lang == CodeGenerator::Language::Python) {
            command[int(side)] = {QStringLiteral("python3"), file.fileName()};
        } else {
            const QString cc = QStandardPaths::findExecutable(QStringLiteral("cc"));
            QVERIFY2(!cc.isEmpty(), "a C compiler is needed (build-essential)");
            const QString binary = dir.filePath(name.left(name.size() - 2));
            QProcess compiler;
            compiler.start(cc, {QStringLiteral("-Wall"), QStringLiteral("-Werror"),
                                QStringLiteral("-o"), binary, file.fileName()});
            QVERIFY(compiler.waitForFinished(60000));
            QVERIFY2(compiler.exitCode() == 0, compiler.readAllStandardError().constData());
            command[int(side)] = {binary};
        }
    }
    QProcess server;
    server.start(command[0].first(), command[0].mid(1) << QStringLiteral("0"));
    QElapsedTimer waited;
    waited.start();
    while (!server.canReadLine() && waited.elapsed() < 10000)
        server.waitForReadyRead(100);
    const QString first = QString::fromUtf8(server.readLine());
    const QRegularExpressionMatch m =
        QRegularExpression(QStringLiteral("listening on (?:port |\\('[^']*', )(\\d+)"))
            .match(first);
    QVERIFY2(m.hasMatch(), qPrintable(first));
    QProcess client;
    client.start(command[1].first(), command[1].mid(1) << m.captured(1));
    const QString clientOut = runToEnd(client);
    const QString serverOut = runToEnd(server);
    QCOMPARE(client.exitCode(), 0);
    QCOMPARE(server.exitCode(), 0);
    if (lang == CodeGenerator::Language::Python) {
        QVERIFY2(serverOut.contains(QStringLiteral("b'Hey, can you hear me?'")),
                 qPrintable(serverOut));
        QCOMPARE(clientOut, QStringLiteral("b'Yes, I can hear you.'\nb''\n"));
    } else {
        QVERIFY2(serverOut.contains(QStringLiteral("Hey, can you hear me?\n")),
                 qPrintable(serverOut));
        QCOMPARE(clientOut, QStringLiteral("Yes, I can hear you.\n\n"));
    }
}

void TestCodeGenerator::cliExportsATrace()
{
    QTemporaryDir dir;
    QFile trace(dir.filePath(QStringLiteral("session.jsonl")));
    QVERIFY(trace.open(QIODevice::WriteOnly));
    for (const SocketEvent &e : gettingTheFlow())
        trace.write(TraceFormat::toLine(e, e.data.size()));
    trace.close();
    QProcess cli;
    cli.start(QStringLiteral(SOCKETLAB_CLI),
              {QStringLiteral("export"), QStringLiteral("--to"), QStringLiteral("python"),
               QStringLiteral("--out"), dir.filePath(QStringLiteral("out")), trace.fileName()});
    QVERIFY(cli.waitForFinished(10000));
    QCOMPARE(cli.exitCode(), 0);
    QVERIFY(QFile::exists(dir.filePath(QStringLiteral("out/server.py"))));
    QVERIFY(QFile::exists(dir.filePath(QStringLiteral("out/client.py"))));
    QProcess check;
    check.start(QStringLiteral("python3"), {QStringLiteral("-m"), QStringLiteral("py_compile"),
                                            dir.filePath(QStringLiteral("out/server.py"))});
    QVERIFY(check.waitForFinished(10000));
    QCOMPARE(check.exitCode(), 0);

    QFile bad(dir.filePath(QStringLiteral("bad.jsonl")));
    QVERIFY(bad.open(QIODevice::WriteOnly));
    // A damaged line in the middle is refused (a cut-off last line is read up to).
    bad.write("{\"socket\":\"client#1\",\"call\":\"connect\",\"phase\":\"returned\"}\nnot json\n"
              "{\"socket\":\"client#1\",\"call\":\"close\",\"phase\":\"returned\"}\n");
    bad.close();
    cli.start(QStringLiteral(SOCKETLAB_CLI), {QStringLiteral("export"), bad.fileName()});
    QVERIFY(cli.waitForFinished(10000));
    QCOMPARE(cli.exitCode(), 1);
    QVERIFY(cli.readAllStandardError().contains("line 2"));
}

void TestCodeGenerator::transcript_data()
{
    QTest::addColumn<int>("row");
    QTest::addColumn<int>("maxCalls");
    QTest::addColumn<QStringList>("lines");
    QTest::addColumn<int>("firstLine");
    QTest::addColumn<int>("lineCount");

    // Events: 0 socket started, 1 socket returned, 2 bind returned, 3 listen started,
    // 4 listen returned.
    const QString socket = QStringLiteral(
        "server_socket = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_IP)");
    const QString bind = QStringLiteral("server_socket.bind(('127.0.0.1', 50000))");
    // A call may take more than one line: listen is followed by what the program prints.
    const QStringList listen{
        QStringLiteral("server_socket.listen(1)"),
        QStringLiteral("print('listening on', server_socket.getsockname(), flush=True)")};
    QTest::newRow("the newest, all shown")
        << 4 << 10 << (QStringList{socket, bind} + listen) << 2 << 2;
    QTest::newRow("an earlier call: what came after is not shown yet")
        << 2 << 10 << QStringList{socket, bind} << 1 << 1;
    QTest::newRow("a started call is marked by nothing")
        << 3 << 10 << QStringList{socket, bind} << -1 << 0;
    QTest::newRow("capped: the first are left to the log")
        << 4 << 2
        << (QStringList{QStringLiteral("# … earlier calls are in the log"), bind} + listen) << 2
        << 2;
}

void TestCodeGenerator::transcript()
{
    QFETCH(int, row);
    QFETCH(int, maxCalls);
    QFETCH(QStringList, lines);
    QFETCH(int, firstLine);
    QFETCH(int, lineCount);
    SocketEvent started = returned(QStringLiteral("server#1"), SocketCall::Socket,
                                   {{QStringLiteral("family"), AF_INET},
                                    {QStringLiteral("type"), SOCK_STREAM},
                                    {QStringLiteral("proto"), 0}});
    started.phase = CallPhase::Started;
    SocketEvent made = started;
    made.phase = CallPhase::Returned;
    made.result = 3;
    const SocketEvent bound = returned(
        QStringLiteral("server#1"), SocketCall::Bind,
        {{QStringLiteral("host"), QStringLiteral("127.0.0.1")}, {QStringLiteral("port"), 50000}},
        QVariant());
    SocketEvent listening =
        returned(QStringLiteral("server#1"), SocketCall::Listen, {{QStringLiteral("backlog"), 1}});
    SocketEvent listenStarted = listening;
    listenStarted.phase = CallPhase::Started;
    const QVector<SocketEvent> events{started, made, bound, listenStarted, listening};

    const CodeGenerator::Transcript t = CodeGenerator::transcript(events, row, maxCalls);
    QCOMPARE(t.text.split(QLatin1Char('\n')), lines);
    QCOMPARE(t.firstLine, firstLine);
    QCOMPARE(t.lineCount, lineCount);
}

QTEST_GUILESS_MAIN(TestCodeGenerator)
#include "tst_codegenerator.moc"
