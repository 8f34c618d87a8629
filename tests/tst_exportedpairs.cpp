// SPDX-License-Identifier: MIT
// Real sessions exported and run as a student would: TCP, Unix and UDP, with payloads that
// broke the old C export ('100%1') and every byte value, cross the exported Python and C
// pair byte for byte.

#include "ExportedPrograms.h"
#include "present/CodeLiteral.h"
#include "trace/CodeGenerator.h"
#include "trace/TraceFormat.h"

#include <QDir>
#include <QElapsedTimer>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <sys/socket.h>

using namespace ExportedPrograms;

namespace {
QByteArray allBytes()
{
    QByteArray bytes;
    for (int c = 0; c < 256; ++c)
        bytes.append(char(c));
    return bytes;
}
} // namespace

class TestExportedPairs : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void exportedPairCarriesTheTracedBytes_data();
    void exportedPairCarriesTheTracedBytes();
    void everyTraceOfTheSuiteExportsToCodeThatBuilds_data();
    void everyTraceOfTheSuiteExportsToCodeThatBuilds();
};

void TestExportedPairs::initTestCase()
{
    if (python3().isEmpty())
        QSKIP("python3 is needed (scripts/install-deps installs it)");
    if (QStandardPaths::findExecutable(QStringLiteral("cc")).isEmpty())
        QSKIP("a C compiler is needed (build-essential)");
}

void TestExportedPairs::exportedPairCarriesTheTracedBytes_data()
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

void TestExportedPairs::exportedPairCarriesTheTracedBytes()
{
    QFETCH(QString, kind);
    QFETCH(QByteArray, payload);
    QFETCH(QString, language);
    QTemporaryDir dir;
    const QString unixPath = dir.filePath(QStringLiteral("s.sock"));
    const QVector<SocketEvent> events = kind == QLatin1String("udp") ? datagramSession(payload)
                                        : kind == QLatin1String("unix")
                                            ? streamSession(payload, AF_UNIX, unixPath)
                                            : streamSession(payload, AF_INET);
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

void TestExportedPairs::everyTraceOfTheSuiteExportsToCodeThatBuilds_data()
{
    // The fuzzers' seed traces: fragments that start mid-session (a recv with no socket
    // before it), a failed call, a hostile host. Each must still give programs that build.
    QTest::addColumn<QString>("trace");
    const QDir corpus(QStringLiteral(SOCKETLAB_SOURCE_DIR "/fuzz/corpus/trace"));
    const QStringList files = corpus.entryList(QDir::Files);
    QVERIFY(!files.isEmpty());
    for (const QString &file : files)
        QTest::newRow(qPrintable(file)) << corpus.filePath(file);
}

void TestExportedPairs::everyTraceOfTheSuiteExportsToCodeThatBuilds()
{
    QFETCH(QString, trace);
    QVector<SocketEvent> events;
    QString error, warning;
    QVERIFY2(TraceFormat::readFile(trace, &events, &error, &warning), qPrintable(error));
    QTemporaryDir dir;
    QStringList written;
    QVERIFY2(CodeGenerator::writeScripts(
                 events, dir.path(), {CodeGenerator::Language::Python, CodeGenerator::Language::C},
                 CodeGenerator::Existing::Keep, &written, &error),
             qPrintable(error));
    QVERIFY(!written.isEmpty());
    for (const QString &file : std::as_const(written)) {
        QByteArray errors;
        int code = 0;
        if (file.endsWith(QLatin1String(".py"))) {
            run(python3(), {QStringLiteral("-m"), QStringLiteral("py_compile"), file}, &code,
                QString(), &errors);
            QVERIFY2(code == 0, errors.constData());
        } else {
            QVERIFY2(!compileC(file, &errors).isEmpty(), errors.constData());
        }
    }
}

QTEST_GUILESS_MAIN(TestExportedPairs)
#include "tst_exportedpairs.moc"
