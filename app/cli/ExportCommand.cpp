#include "ExportCommand.h"

#include "CodeGenerator.h"
#include "TraceFormat.h"

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
    parser.addOptions({to, out});
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
    QString error;
    if (!TraceFormat::readFile(parser.positionalArguments().first(), &events, &error)) {
        std::fprintf(stderr, "socketlab-cli export: %s: %s\n",
                     qPrintable(parser.positionalArguments().first()), qPrintable(error));
        return 1;
    }
    const auto lang = language == QLatin1String("c") ? CodeGenerator::Language::C
                                                     : CodeGenerator::Language::Python;
    const QDir dir(parser.value(out));
    if (!dir.exists() && !QDir().mkpath(dir.path())) {
        std::fprintf(stderr, "socketlab-cli export: cannot create %s\n", qPrintable(dir.path()));
        return 1;
    }
    QStringList written;
    if (!CodeGenerator::writeScripts(events, dir.path(), {lang}, &written, &error)) {
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
