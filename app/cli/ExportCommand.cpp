// SPDX-License-Identifier: MIT
#include "ExportCommand.h"

#include "trace/CodeGenerator.h"
#include "trace/TraceFormat.h"

#include <QCommandLineParser>
#include <QDir>

#include <cstdio>

int ExportCommand::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Write the calls of a trace as programs (server.py and client.py, or "
                       "server.c and client.c), one per side the trace holds."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("TRACE"), QStringLiteral("A .jsonl trace file."));
    const QCommandLineOption to(QStringLiteral("to"),
                                QStringLiteral("python or c (default python)."),
                                QStringLiteral("LANGUAGE"), QStringLiteral("python"));
    const QCommandLineOption out(QStringLiteral("out"),
                                 QStringLiteral("Directory to write into (default: current)."),
                                 QStringLiteral("DIR"), QStringLiteral("."));
    const QCommandLineOption force(QStringLiteral("force"),
                                   QStringLiteral("Replace server.py, client.py, … where they "
                                                  "exist already (without it, nothing is "
                                                  "written then)."));
    parser.addOptions({to, out, force});
    if (!parser.parse(QStringList{QStringLiteral("socketlab-cli export")} + arguments)) {
        std::fprintf(stderr, "socketlab-cli export: %s\n", qPrintable(parser.errorText()));
        return 2;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        std::printf("%s", qPrintable(parser.helpText()));
        return 0;
    }
    const QString language = parser.value(to).toLower();
    if (parser.positionalArguments().size() != 1 ||
        (language != QLatin1String("python") && language != QLatin1String("c"))) {
        std::fprintf(stderr, "socketlab-cli export: give one TRACE and --to python or c\n");
        return 2;
    }
    QVector<SocketEvent> events;
    QString error, warning;
    const QString tracePath = parser.positionalArguments().first();
    if (!TraceFormat::readFile(tracePath, &events, &error, &warning)) {
        std::fprintf(stderr, "socketlab-cli export: %s: %s\n", qPrintable(tracePath),
                     qPrintable(error));
        return 1;
    }
    if (!warning.isEmpty())
        std::fprintf(stderr, "socketlab-cli export: %s: %s\n", qPrintable(tracePath),
                     qPrintable(warning));
    const auto lang = language == QLatin1String("c") ? CodeGenerator::Language::C
                                                     : CodeGenerator::Language::Python;
    const QDir dir(parser.value(out));
    if (!dir.exists() && !QDir().mkpath(dir.path())) {
        std::fprintf(stderr, "socketlab-cli export: cannot create %s\n", qPrintable(dir.path()));
        return 1;
    }
    QStringList written;
    const QStringList existing = CodeGenerator::existingScripts(events, dir.path(), {lang});
    if (!existing.isEmpty() && !parser.isSet(force)) {
        std::fprintf(stderr,
                     "socketlab-cli export: %s exists already; nothing was written (choose "
                     "another --out, or add --force to replace it)\n",
                     qPrintable(existing.join(QStringLiteral(", "))));
        return 1;
    }
    if (!CodeGenerator::writeScripts(events, dir.path(), {lang}, CodeGenerator::Existing::Replace,
                                     &written, &error)) {
        std::fprintf(stderr, "socketlab-cli export: cannot write %s\n", qPrintable(error));
        return 1;
    }
    for (const QString &path : std::as_const(written))
        std::printf("wrote %s\n", qPrintable(path));
    if (written.isEmpty()) {
        std::fprintf(stderr, "socketlab-cli export: the trace has no calls to export\n");
        return 1;
    }
    return 0;
}
