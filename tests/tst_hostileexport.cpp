// SPDX-License-Identifier: MIT
// Exported programs from traces nobody here wrote: every value of a trace reaches the code
// only as a literal that reads back as itself (checked by python3 and a C compiler), a
// hostile trace exports to programs that run nothing but their socket calls (checked under
// strace), and real sessions' payloads, UDP and Unix sockets included, cross the exported
// pair byte for byte.

#include "CodeGenerator.h"
#include "CodeLiteral.h"
#include "EventRecorder.h"
#include "LoopbackSession.h"
#include "SocketSession.h"
#include "TraceFormat.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <netinet/in.h>
#include <sys/socket.h>

namespace {
QString python3()
{
    // The interpreter itself, not a shim script that would exec it (pyenv's): the strace
    // check counts the program's execve calls.
    return QFile::exists(QStringLiteral("/usr/bin/python3"))
               ? QStringLiteral("/usr/bin/python3")
               : QStandardPaths::findExecutable(QStringLiteral("python3"));
}

QByteArray run(const QString &program, const QStringList &arguments, int *exitCode,
               const QString &workingDirectory = QString(), QByteArray *errors = nullptr)
{
    QProcess p;
    if (!workingDirectory.isEmpty())
        p.setWorkingDirectory(workingDirectory);
    p.start(program, arguments);
    if (!p.waitForFinished(60000))
        p.kill();
    p.waitForFinished(1000);
    *exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    if (errors)
        *errors = p.readAllStandardError();
    return p.readAllStandardOutput();
}

bool writeFile(const QString &path, const QByteArray &content)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(content) == content.size();
}

QByteArray allBytes()
{
    QByteArray bytes;
    for (int c = 0; c < 256; ++c)
        bytes.append(char(c));
    return bytes;
}

SocketEvent ended(const QString &socket, SocketCall call, const QVariantMap &args,
                  const QVariant &result = QVariant())
{
    SocketEvent e;
    e.socketId = socket;
    e.role = SocketRole::Server;
    e.call = call;
    e.phase = CallPhase::Returned;
    e.args = args;
    e.result = result;
    return e;
}

// Compiles a C file as the exported ones are meant to be built, warnings as errors.
QString compileC(const QString &source, QByteArray *errors)
{
    const QString binary = source.left(source.size() - 2);
    int code = 0;
    run(QStringLiteral("cc"),
        {QStringLiteral("-std=c11"), QStringLiteral("-D_POSIX_C_SOURCE=200809L"),
         QStringLiteral("-Wall"), QStringLiteral("-Werror"), QStringLiteral("-o"), binary, source},
        &code, QString(), errors);
    return code == 0 ? binary : QString();
}

const char hostileHost[] = "127.0.0.1', PORT)); __import__('os').system('id > PWNED'); (('x";
} // namespace

class TestHostileExport : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void literalsReadBackExactly_data();
    void literalsReadBackExactly();
    void hostileTraceRunsOnlyItsSocketCalls_data();
    void hostileTraceRunsOnlyItsSocketCalls();
    void exportedPairCarriesTheTracedBytes_data();
    void exportedPairCarriesTheTracedBytes();
    void exportRefusesToOverwrite();

private:
    QVector<SocketEvent> streamSession(const QByteArray &payload, int family, int type,
                                       const QString &unixPath);
    QVector<SocketEvent> datagramSession(const QByteArray &payload);
};

void TestHostileExport::initTestCase()
{
    if (python3().isEmpty())
        QSKIP("python3 is needed (scripts/install-deps installs it)");
    if (QStandardPaths::findExecutable(QStringLiteral("cc")).isEmpty())
        QSKIP("a C compiler is needed (build-essential)");
}

void TestHostileExport::literalsReadBackExactly_data()
{
    QTest::addColumn<QByteArray>("utf8");
    QTest::newRow("plain") << QByteArray("127.0.0.1");
    QTest::newRow("python breakout") << QByteArray(hostileHost);
    QTest::newRow("quotes and backslashes") << QByteArray("'\"\\'\\\\\"\"\"'''");
    QTest::newRow("newlines end comments") << QByteArray("a\nimport os\r\nb\rc");
    QTest::newRow("c comment end") << QByteArray("*/ system(\"id\"); /*");
    QTest::newRow("trigraph") << QByteArray("?\?/\n?\?=?\?'");
    QTest::newRow("format specifiers") << QByteArray("100%1 %3F %s %n %%");
    QTest::newRow("nul and controls") << QByteArray("a\0b\x01\x1f\x7f", 7);
    QTest::newRow("unicode") << QByteArray(
        "caf\xc3\xa9 \xe2\x80\xa8 \xf0\x9f\x98\x80 \xef\xbb\xbf");
    QTest::newRow("octal then digit") << QByteArray("\x01"
                                                    "7\x02"
                                                    "89",
                                                    5);
}

void TestHostileExport::literalsReadBackExactly()
{
    QFETCH(QByteArray, utf8);
    const QString text = QString::fromUtf8(utf8);
    QTemporaryDir dir;

    // Python: the str literal evaluates to the text, the bytes literal to the bytes.
    const QString py = QStringLiteral("import ast, sys\n"
                                      "s = ast.literal_eval(%1)\n"
                                      "b = ast.literal_eval(%2)\n"
                                      "sys.stdout.write(s.encode('utf-8').hex() + ' ' + b.hex())\n")
                           .arg(CodeLiteral::python(CodeLiteral::python(text)),
                                CodeLiteral::python(CodeLiteral::pythonBytes(utf8)));
    QVERIFY(writeFile(dir.filePath(QStringLiteral("check.py")), py.toUtf8()));
    int code = 0;
    const QByteArray pyOut = run(python3(), {dir.filePath(QStringLiteral("check.py"))}, &code);
    QCOMPARE(code, 0);
    QCOMPARE(pyOut, text.toUtf8().toHex() + ' ' + utf8.toHex());

    // C: the literal, compiled, holds exactly the bytes (NULs included).
    const QString c = QStringLiteral("#include <stdio.h>\n"
                                     "static const char value[] = ") +
                      CodeLiteral::c(utf8) +
                      QStringLiteral(";\nint main(void)\n{\n"
                                     "    for (size_t i = 0; i + 1 < sizeof value; ++i)\n"
                                     "        printf(\"%02x\", (unsigned char)value[i]);\n"
                                     "    return 0;\n}\n");
    QVERIFY(writeFile(dir.filePath(QStringLiteral("check.c")), c.toUtf8()));
    QByteArray errors;
    const QString binary = compileC(dir.filePath(QStringLiteral("check.c")), &errors);
    QVERIFY2(!binary.isEmpty(), errors.constData());
    QCOMPARE(run(binary, {}, &code), utf8.toHex());
    QCOMPARE(code, 0);
}

void TestHostileExport::hostileTraceRunsOnlyItsSocketCalls_data()
{
    // One way in per row, each written to run `id` if pasted into code as it stands: where
    // the old exporter put trace text into Python or C unquoted, these ran.
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("vector");
    QTest::addColumn<QString>("payload");
    const QString py = QStringLiteral("__import__('os').system('id > PWNED')");
    const QString c = QStringLiteral("system(\"id > PWNED\")");
    QTest::newRow("python bind host")
        << "python"
        << "host" << QStringLiteral("127.0.0.1', PORT)); %1; (('x").arg(py);
    QTest::newRow("python cancelled message") << "python"
                                              << "message" << QStringLiteral("gone\n%1").arg(py);
    QTest::newRow("python socket id") << "python"
                                      << "id" << QStringLiteral("%1;server#1").arg(py);
    QTest::newRow("python option name")
        << "python"
        << "option" << QStringLiteral("SO_REUSEADDR, 1); %1; (0").arg(py);
    QTest::newRow("python unix path") << "python"
                                      << "path" << QStringLiteral("x.sock'); %1; ('").arg(py);
    QTest::newRow("python accepted id") << "python"
                                        << "accepted" << QStringLiteral("%1;conn#1").arg(py);
    QTest::newRow("c bind host")
        << "c"
        << "host"
        << QStringLiteral("127.0.0.1\", &addr.sin_addr); %1; inet_pton(AF_INET, \"1").arg(c);
    QTest::newRow("c cancelled message") << "c"
                                         << "message" << QStringLiteral("*/ %1; /*").arg(c);
    QTest::newRow("c option name")
        << "c"
        << "option"
        << QStringLiteral("SO_REUSEADDR, &value, sizeof value); %1; setsockopt(0, SOL_SOCKET")
               .arg(c);
    QTest::newRow("c unix path")
        << "c"
        << "path" << QStringLiteral("x.sock\", 1); %1; strncpy(addr.sun_path, \"y").arg(c);
    QTest::newRow("c socket id") << "c"
                                 << "id" << QStringLiteral("x = 0; %1; int server#1").arg(c);
}

void TestHostileExport::hostileTraceRunsOnlyItsSocketCalls()
{
    QFETCH(QString, language);
    QFETCH(QString, vector);
    QFETCH(QString, payload);
    if (QStandardPaths::findExecutable(QStringLiteral("strace")).isEmpty())
        QSKIP("strace is needed to see what the exported program does (scripts/install-deps)");
    const QString id = vector == QLatin1String("id") ? payload : QStringLiteral("server#1");
    const bool unixPath = vector == QLatin1String("path");
    QVector<SocketEvent> events;
    events << ended(id, SocketCall::Socket,
                    {{"family", unixPath ? AF_UNIX : AF_INET}, {"type", SOCK_STREAM}, {"proto", 0}},
                    3);
    if (vector == QLatin1String("option"))
        events << ended(
            id, SocketCall::SetSockOpt,
            {{"option", payload}, {"level", QStringLiteral("SOL_SOCKET")}, {"value", 1}});
    if (vector == QLatin1String("host"))
        events << ended(id, SocketCall::Bind, {{"host", payload}, {"port", 0}});
    if (unixPath)
        events << ended(id, SocketCall::Bind, {{"path", payload}});
    if (vector == QLatin1String("message")) {
        SocketEvent cancelled = ended(id, SocketCall::Accept, {});
        cancelled.phase = CallPhase::Failed;
        cancelled.error = CallError::cancelled(payload);
        events << cancelled;
    }
    if (vector == QLatin1String("accepted"))
        events << ended(id, SocketCall::Accept, {}, QVariantMap{{"socket", payload}});
    events << ended(id, SocketCall::Close, {});

    QTemporaryDir dir;
    QByteArray trace;
    for (const SocketEvent &e : std::as_const(events))
        trace += TraceFormat::toLine(e, 1024);
    QVERIFY(writeFile(dir.filePath(QStringLiteral("hostile.sltrace")), trace));
    int code = 0;
    QByteArray errors;
    run(QStringLiteral(SOCKETLAB_CLI),
        {QStringLiteral("export"), QStringLiteral("--to"), language, QStringLiteral("--out"),
         dir.path(), dir.filePath(QStringLiteral("hostile.sltrace"))},
        &code, QString(), &errors);
    QVERIFY2(code == 0, errors.constData());

    // A socket id decides the side: the hostile one may land in client.py.
    const QString side = QFile::exists(dir.filePath(QStringLiteral("server.py"))) ||
                                 QFile::exists(dir.filePath(QStringLiteral("server.c")))
                             ? QStringLiteral("server")
                             : QStringLiteral("client");
    QString program;
    QStringList arguments;
    if (language == QLatin1String("python")) {
        program = python3();
        arguments << dir.filePath(side + QStringLiteral(".py"));
        run(program, {QStringLiteral("-m"), QStringLiteral("py_compile"), arguments.first()}, &code,
            QString(), &errors);
        QVERIFY2(code == 0, errors.constData());
    } else {
        program = compileC(dir.filePath(side + QStringLiteral(".c")), &errors);
        QVERIFY2(!program.isEmpty(), errors.constData());
    }
    // Port 0: whatever the trace says, nothing here may reach a fixed port.
    arguments << QStringLiteral("0");
    const QString straceLog = dir.filePath(QStringLiteral("strace.log"));
    run(QStringLiteral("strace"),
        QStringList{QStringLiteral("-f"), QStringLiteral("-qq"), QStringLiteral("-o"), straceLog,
                    QStringLiteral("-e"),
                    QStringLiteral("trace=execve,execveat,fork,vfork,clone,clone3")}
            << program << arguments,
        &code, dir.path(), &errors);
    QFile log(straceLog);
    QVERIFY(log.open(QIODevice::ReadOnly));
    const QString calls = QString::fromUtf8(log.readAll());
    // One execve (the program itself), no new process or thread, no file made by a shell.
    QCOMPARE(calls.count(QStringLiteral("execve(")), 1);
    QVERIFY2(!calls.contains(QRegularExpression(QStringLiteral("\\b(fork|vfork|clone3?)\\("))),
             qPrintable(calls));
    QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("PWNED"))));
}

QVector<SocketEvent> TestHostileExport::streamSession(const QByteArray &payload, int family,
                                                      int type, const QString &unixPath)
{
    SocketSession s;
    EventRecorder ev(&s);
    QString server, client;
    s.createSocket(SocketRole::Server, family, type, 0, &server);
    ev.waitForEnd(server, SocketCall::Socket);
    s.bind(server, family == AF_UNIX ? unixPath : QStringLiteral("127.0.0.1"), 0);
    const SocketEvent bound = ev.waitForEnd(server, SocketCall::Bind);
    if (bound.phase != CallPhase::Returned)
        return {};
    const int port = SocketAddress::fromVariant(bound.result.toMap()).port();
    s.listen(server, 1);
    ev.waitForEnd(server, SocketCall::Listen);
    s.createSocket(SocketRole::Client, family, type, 0, &client);
    ev.waitForEnd(client, SocketCall::Socket);
    s.connectTo(client, family == AF_UNIX ? unixPath : QStringLiteral("127.0.0.1"), port);
    ev.waitForEnd(client, SocketCall::Connect);
    s.accept(server);
    const QString conn = ev.waitForEnd(server, SocketCall::Accept)
                             .result.toMap()
                             .value(QStringLiteral("socket"))
                             .toString();
    s.sendAll(client, payload);
    ev.waitForEnd(client, SocketCall::SendAll);
    s.recv(conn, 4096);
    ev.waitForEnd(conn, SocketCall::Recv);
    s.sendAll(conn, payload);
    ev.waitForEnd(conn, SocketCall::SendAll);
    s.recv(client, 4096);
    ev.waitForEnd(client, SocketCall::Recv);
    for (const QString &id : {conn, client, server}) {
        s.close(id);
        ev.waitForEnd(id, SocketCall::Close);
    }
    return ev.events();
}

QVector<SocketEvent> TestHostileExport::datagramSession(const QByteArray &payload)
{
    SocketSession s;
    EventRecorder ev(&s);
    QString server, client;
    s.createSocket(SocketRole::Server, AF_INET, SOCK_DGRAM, 0, &server);
    ev.waitForEnd(server, SocketCall::Socket);
    s.bind(server, QStringLiteral("127.0.0.1"), 0);
    const int port =
        SocketAddress::fromVariant(ev.waitForEnd(server, SocketCall::Bind).result.toMap()).port();
    s.createSocket(SocketRole::Client, AF_INET, SOCK_DGRAM, 0, &client);
    ev.waitForEnd(client, SocketCall::Socket);
    s.sendTo(client, payload, QStringLiteral("127.0.0.1"), port);
    ev.waitForEnd(client, SocketCall::SendTo);
    s.recvFrom(server, 4096);
    ev.waitForEnd(server, SocketCall::RecvFrom);
    for (const QString &id : {client, server}) {
        s.close(id);
        ev.waitForEnd(id, SocketCall::Close);
    }
    return ev.events();
}

void TestHostileExport::exportedPairCarriesTheTracedBytes_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QByteArray>("payload");
    QTest::addColumn<QString>("language");
    const QList<QPair<const char *, QByteArray>> payloads{
        {"percent args", QByteArray("100%1 and %3F, %%2")},
        {"every byte", allBytes()},
    };
    for (const char *kind : {"tcp", "unix", "udp"}) {
        for (const auto &[name, payload] : payloads) {
            for (const char *language : {"python", "c"})
                QTest::addRow("%s %s %s", kind, name, language)
                    << QString::fromLatin1(kind) << payload << QString::fromLatin1(language);
        }
    }
}

void TestHostileExport::exportedPairCarriesTheTracedBytes()
{
    QFETCH(QString, kind);
    QFETCH(QByteArray, payload);
    QFETCH(QString, language);
    QTemporaryDir dir;
    const QString unixPath = dir.filePath(QStringLiteral("s.sock"));
    const QVector<SocketEvent> events =
        kind == QLatin1String("udp")    ? datagramSession(payload)
        : kind == QLatin1String("unix") ? streamSession(payload, AF_UNIX, SOCK_STREAM, unixPath)
                                        : streamSession(payload, AF_INET, SOCK_STREAM, QString());
    QVERIFY(!events.isEmpty());
    const auto lang = language == QLatin1String("c") ? CodeGenerator::Language::C
                                                     : CodeGenerator::Language::Python;
    QStringList written;
    QString error;
    QVERIFY2(CodeGenerator::writeScripts(events, dir.path(), {lang}, CodeGenerator::Existing::Keep,
                                         &written, &error),
             qPrintable(error));
    QStringList command[2];
    for (auto side : {CodeGenerator::Side::Server, CodeGenerator::Side::Client}) {
        const QString file = dir.filePath(CodeGenerator::fileName(side, lang));
        if (lang == CodeGenerator::Language::Python) {
            command[int(side)] = {python3(), file};
        } else {
            QByteArray errors;
            const QString binary = compileC(file, &errors);
            QVERIFY2(!binary.isEmpty(), errors.constData());
            command[int(side)] = {binary};
        }
    }
    // The server first; the client once it is there (a port given as 0 is the kernel's).
    // A Unix socket's address is its path: the programs take no port.
    const bool takesPort = kind != QLatin1String("unix");
    QProcess server;
    server.start(command[0].first(),
                 command[0].mid(1) +
                     (takesPort ? QStringList{QStringLiteral("0")} : QStringList()));
    QString port;
    if (kind == QLatin1String("udp")) {
        // The UDP server says nothing before it receives: find its port the kernel's way.
        QElapsedTimer waited;
        waited.start();
        while (port.isEmpty() && waited.elapsed() < 10000) {
            QProcess ss;
            ss.start(QStringLiteral("ss"), {QStringLiteral("-Hulnp")});
            ss.waitForFinished(5000);
            const QRegularExpression line(
                QStringLiteral("127\\.0\\.0\\.1:(\\d+).*pid=%1,").arg(server.processId()));
            const QRegularExpressionMatch m = line.match(QString::fromUtf8(ss.readAll()));
            if (m.hasMatch())
                port = m.captured(1);
            else
                QTest::qWait(50);
        }
    } else {
        QElapsedTimer waited;
        waited.start();
        while (!server.canReadLine() && waited.elapsed() < 10000)
            server.waitForReadyRead(100);
        const QString first = QString::fromUtf8(server.readLine());
        QVERIFY2(first.startsWith(QStringLiteral("listening on")), qPrintable(first));
        const QRegularExpressionMatch m =
            QRegularExpression(QStringLiteral("(\\d+)\\)?\\s*$")).match(first);
        if (takesPort) {
            QVERIFY2(m.hasMatch(), qPrintable(first));
            port = m.captured(1);
        }
    }
    QVERIFY(!takesPort || !port.isEmpty());
    int code = 0;
    QByteArray errors;
    const QByteArray clientOut =
        run(command[1].first(), command[1].mid(1) + (takesPort ? QStringList{port} : QStringList()),
            &code, QString(), &errors);
    QVERIFY2(code == 0, errors.constData());
    if (!server.waitForFinished(20000))
        server.kill();
    QCOMPARE(server.exitCode(), 0);
    const QByteArray serverOut = server.readAllStandardOutput();
    if (lang == CodeGenerator::Language::C) {
        // fwrite of what recv returned: the payload, byte for byte.
        QVERIFY2(serverOut.contains(payload + '\n'), serverOut.toHex().constData());
        if (kind != QLatin1String("udp"))
            QCOMPARE(clientOut, payload + '\n');
    } else {
        const QByteArray literal = CodeLiteral::pythonBytes(payload).toUtf8();
        QVERIFY2(serverOut.contains(literal), serverOut.constData());
        if (kind != QLatin1String("udp"))
            QCOMPARE(clientOut, literal + '\n');
    }
}

void TestHostileExport::exportRefusesToOverwrite()
{
    QTemporaryDir dir;
    QByteArray trace;
    for (const SocketEvent &e : streamSession("hi", AF_INET, SOCK_STREAM, QString()))
        trace += TraceFormat::toLine(e, 1024);
    QVERIFY(writeFile(dir.filePath(QStringLiteral("t.sltrace")), trace));
    const QByteArray homework = "# my echo homework\n";
    QVERIFY(writeFile(dir.filePath(QStringLiteral("server.py")), homework));
    int code = 0;
    QByteArray errors;
    // The default --out is the current folder: a student's server.py may be there.
    run(QStringLiteral(SOCKETLAB_CLI), {QStringLiteral("export"), QStringLiteral("t.sltrace")},
        &code, dir.path(), &errors);
    QCOMPARE(code, 1);
    QVERIFY2(errors.contains("server.py") && errors.contains("--force"), errors.constData());
    QFile kept(dir.filePath(QStringLiteral("server.py")));
    QVERIFY(kept.open(QIODevice::ReadOnly));
    QCOMPARE(kept.readAll(), homework);
    // Nothing at all was written: not even the files that did not exist yet.
    QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("client.py"))));

    run(QStringLiteral(SOCKETLAB_CLI),
        {QStringLiteral("export"), QStringLiteral("--force"), QStringLiteral("t.sltrace")}, &code,
        dir.path(), &errors);
    QVERIFY2(code == 0, errors.constData());
    kept.close();
    QVERIFY(kept.open(QIODevice::ReadOnly));
    QVERIFY(kept.readAll().startsWith("#!/usr/bin/env python3"));
}

QTEST_GUILESS_MAIN(TestHostileExport)
#include "tst_hostileexport.moc"
