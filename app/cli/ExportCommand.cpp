#include "ExportCommand.h"

#include "CodeGenerator.h"
#include "TraceFormat.h"

#include <QCommandLineParser>
#include <QDir>
#include <QSaveFile>

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
    int written = 0;
    for (auto side : {CodeGenerator::Side::Server, CodeGenerator::Side::Client}) {
        if (!CodeGenerator::hasSide(events, side))
            continue;
        QSaveFile file(dir.filePath(CodeGenerator::fileName(side, lang)));
        if (!file.open(QIODevice::WriteOnly) ||
            file.write(CodeGenerator::script(events, side, lang).toUtf8()) < 0 || !file.commit()) {
            std::fprintf(stderr, "socketlab-cli export: cannot write %s: %s\n",
                         qPrintable(file.fileName()), qPrintable(file.errorString()));
            return 1;
        }
        std::printf("wrote %s\n", qPrintable(file.fileName()));
        ++written;
    }
    if (written == 0) {
        std::fprintf(stderr, "socketlab-cli export: the trace has no calls to export\n");
        return 1;
    }
    return 0;
}
