// SPDX-License-Identifier: MIT
// How a watched Python program's line is found: the location table read as the interpreter
// itself reads it (compared with its own answers, code.co_lines()), ELF files read without
// trusting them, and a trace that carries the line, the process and the thread.

#include "ExportedPrograms.h"

#include "trace/TraceFormat.h"
#include "watch/ElfSymbols.h"
#include "watch/PythonLineTable.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

using ExportedPrograms::python3;

namespace {
// Code with what makes a location table hard: a loop (lines going back), a call over several
// lines, a jump of more than 63 lines, a comprehension (a function of its own in 3.11).
const char *tableDump = R"(
import json, sys
src = '''
def serve(conn):
    total = 0
    while True:
        data = conn.recv(1024)
        if not data:
            break
        total += len(data)
        conn.sendall(
            data
        )
    return total
''' + "\n" * 70 + "x = 1\ny = [i * 2 for i in range(3)]\n" + "\n" * 300 + "z = x\n"
code = compile(src, "server.py", "exec")
out = []
def walk(c):
    out.append({"table": c.co_linetable.hex(), "first": c.co_firstlineno,
                "lines": [[s, e, -1 if l is None else l] for s, e, l in c.co_lines()]})
    for k in c.co_consts:
        if hasattr(k, "co_lines"):
            walk(k)
walk(code)
print(json.dumps({"version": list(sys.version_info[:2]), "codes": out}))
)";
} // namespace

class TestPythonFrames : public QObject
{
    Q_OBJECT
private slots:
    void theLineTableIsReadAsPythonReadsIt();
    void aDamagedElfFileHasNoSymbols();
    void aTraceCarriesTheLineTheProcessAndTheThread();
};

void TestPythonFrames::theLineTableIsReadAsPythonReadsIt()
{
    QProcess p;
    p.start(python3(), {QStringLiteral("-c"), QString::fromUtf8(tableDump)});
    QVERIFY(p.waitForFinished(20000));
    QCOMPARE(p.exitCode(), 0);
    const QJsonObject dump = QJsonDocument::fromJson(p.readAllStandardOutput()).object();
    const QJsonArray version = dump.value(QStringLiteral("version")).toArray();
    if (version.at(0).toInt() != 3 || (version.at(1).toInt() != 11 && version.at(1).toInt() != 12))
        QSKIP("python3 here is not 3.11 or 3.12, the location tables this reads");
    const QJsonArray codes = dump.value(QStringLiteral("codes")).toArray();
    QVERIFY(codes.size() >= 3); // the module, serve(), the comprehension (3.11)
    int checked = 0;
    for (const QJsonValue &c : codes) {
        const QByteArray table =
            QByteArray::fromHex(c[QStringLiteral("table")].toString().toLatin1());
        const int first = c[QStringLiteral("first")].toInt();
        for (const QJsonValue &range : c[QStringLiteral("lines")].toArray()) {
            const int start = range[0].toInt(), end = range[1].toInt(), line = range[2].toInt();
            for (int offset = start; offset < end; offset += 2) {
                QCOMPARE(PythonLineTable::lineAt(table, first, offset), line);
                ++checked;
            }
        }
    }
    QVERIFY(checked > 50);
    // Past the end, or a table that is not one: no line rather than a wrong one.
    QCOMPARE(PythonLineTable::lineAt(QByteArray::fromHex("f003"), 1, 400), -1);
    QCOMPARE(PythonLineTable::lineAt(QByteArray("\x01\x02", 2), 1, 0), -1);
    QCOMPARE(PythonLineTable::lineAt(QByteArray(), 1, 0), -1);
}

void TestPythonFrames::aDamagedElfFileHasNoSymbols()
{
    // The interpreter's own file has the symbol; cut short or scrambled copies of it, found
    // in a process's memory map, must not make the reader read past their end.
    QProcess p;
    p.start(python3(), {QStringLiteral("-c"),
                        QStringLiteral("import sys, os; print(os.path.realpath(sys.executable))")});
    QVERIFY(p.waitForFinished(20000));
    const QString interpreter = QString::fromLocal8Bit(p.readAllStandardOutput().trimmed());
    QFile file(interpreter);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    QTemporaryDir dir;
    QRandomGenerator random(1234);
    const QList<qsizetype> cuts{0, 4, 63, 64, 65, 4096, bytes.size() / 2, bytes.size() - 1};
    int n = 0;
    for (qsizetype cut : cuts) {
        for (const bool scramble : {false, true}) {
            QByteArray copy = bytes.left(cut);
            if (scramble) {
                for (int i = 0; i < 2000 && !copy.isEmpty(); ++i)
                    copy[random.bounded(int(qMin<qsizetype>(copy.size(), 1 << 20)))] =
                        char(random.bounded(256));
            }
            const QString path = dir.filePath(QString::number(n++));
            QFile out(path);
            QVERIFY(out.open(QIODevice::WriteOnly));
            out.write(copy);
            out.close();
            const ElfSymbols::Found found = ElfSymbols::find(path, "_PyRuntime");
            if (cut < 64)
                QCOMPARE(found.value, quint64(0));
        }
    }
    QCOMPARE(ElfSymbols::find(dir.filePath(QStringLiteral("missing")), "_PyRuntime").value,
             quint64(0));
    QCOMPARE(ElfSymbols::find(interpreter, "no_such_symbol_here").value, quint64(0));
}

void TestPythonFrames::aTraceCarriesTheLineTheProcessAndTheThread()
{
    SocketEvent e;
    e.seq = 7;
    e.tMs = 12.5;
    e.socketId = QStringLiteral("pid4242#1");
    e.socketName = QStringLiteral("conn");
    e.role = SocketRole::Connection;
    e.call = SocketCall::Recv;
    e.phase = CallPhase::Started;
    e.pid = 4242;
    e.tid = 4243;
    e.source = {QStringLiteral("/home/student/server.py"), 14,
                QStringLiteral("data = conn.recv(1024)")};
    SocketEvent back;
    QString error;
    QVERIFY(TraceFormat::fromLine(TraceFormat::toLine(e, 64), &back, &error));
    QCOMPARE(back.pid, qint64(4242));
    QCOMPARE(back.tid, qint64(4243));
    QCOMPARE(back.source, e.source);
    QCOMPARE(back.source.display(), QStringLiteral("server.py:14  data = conn.recv(1024)"));

    // A shared trace is not trusted: a line is only shown, and a huge one is cut.
    QJsonObject o = TraceFormat::toJson(e, 64);
    o.insert(QStringLiteral("source"),
             QJsonObject{{QStringLiteral("file"), QString(5000, QLatin1Char('f'))},
                         {QStringLiteral("line"), 3},
                         {QStringLiteral("text"), QString(100000, QLatin1Char('x'))}});
    o.insert(QStringLiteral("pid"), -5);
    QVERIFY(TraceFormat::fromLine(QJsonDocument(o).toJson(QJsonDocument::Compact), &back, &error));
    QCOMPARE(back.source.text.size(), TraceFormat::maxSourceText);
    QCOMPARE(back.source.file.size(), TraceFormat::maxSourceText);
    QCOMPARE(back.pid, qint64(0));
    o.insert(QStringLiteral("source"), QJsonObject{{QStringLiteral("line"), -1}});
    QVERIFY(TraceFormat::fromLine(QJsonDocument(o).toJson(QJsonDocument::Compact), &back, &error));
    QVERIFY(!back.source.isValid());
}

QTEST_GUILESS_MAIN(TestPythonFrames)
#include "tst_pythonframes.moc"
