// SPDX-License-Identifier: MIT
// Exported programs from traces nobody here wrote: every value of a trace reaches the code
// only as a literal that reads back as itself (checked by python3 and a C compiler), a
// hostile trace exports to programs that run nothing but their socket calls (checked under
// strace), and export never replaces a student's files unasked.

#include "ExportedPrograms.h"
#include "present/CodeLiteral.h"
#include "trace/CodeGenerator.h"
#include "trace/TraceFormat.h"

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
using namespace ExportedPrograms;

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
    void exportRefusesToOverwrite();
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
    // U+0127, U+0122, U+015C: their low bytes are ' " and \ (a narrowing slip quotes them).
    QTest::newRow("quote-like code points") << QByteArray("\xc4\xa7\xc4\xa2\xc5\x9c");
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
    QTest::newRow("python socket name") << "python"
                                        << "name" << QStringLiteral("x = 0; %1; y").arg(py);
    QTest::newRow("python accepted name")
        << "python"
        << "accepted name" << QStringLiteral("conn, addr = 0, 0; %1; z").arg(py);
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
    QTest::newRow("c socket name") << "c"
                                   << "name" << QStringLiteral("x = 0; %1; int y").arg(c);
    QTest::newRow("c accepted name")
        << "c"
        << "accepted name" << QStringLiteral("x = 0; %1; int z").arg(c);
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
    if (vector == QLatin1String("accepted name"))
        events << ended(id, SocketCall::Accept, {},
                        QVariantMap{{"socket", QStringLiteral("conn#1")}, {"name", payload}});
    events << ended(id, SocketCall::Close, {});
    if (vector == QLatin1String("name")) {
        for (SocketEvent &e : events)
            e.socketName = payload;
    }

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

void TestHostileExport::exportRefusesToOverwrite()
{
    QTemporaryDir dir;
    QByteArray trace;
    for (const SocketEvent &e : streamSession("hi", AF_INET))
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
