// SPDX-License-Identifier: MIT
#include "WatchCommand.h"

#include "present/EventText.h"
#include "session/EventLog.h"
#include "trace/TraceFormat.h"
#include "trace/TraceWriter.h"
#include "watch/ProgramTracer.h"

#include <QCommandLineParser>

#include <cstdio>
#include <memory>

int WatchCommand::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Run a program and show every socket call it makes, as SocketLab shows "
                       "its own: the call in Python's words, its result or error, the bytes. "
                       "The calls go to stderr; the program's own output is left as it is. "
                       "Exits with the program's status (128+N when signal N ended it, 125 when "
                       "it could not be watched)."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("COMMAND"),
                                 QStringLiteral("The program and its arguments, after --."),
                                 QStringLiteral("-- COMMAND [ARGUMENTS…]"));
    const QCommandLineOption trace(QStringLiteral("trace"),
                                   QStringLiteral("Also write every call to FILE (JSON Lines)."),
                                   QStringLiteral("FILE"));
    parser.addOption(trace);
    // Everything after the program's name is the program's, options included.
    parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsPositionalArguments);
    if (!parser.parse(QStringList{QStringLiteral("socketlab-cli watch")} + arguments)) {
        std::fprintf(stderr, "socketlab-cli watch: %s\n", qPrintable(parser.errorText()));
        return 2;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        std::printf("%s", qPrintable(parser.helpText()));
        return 0;
    }
    QStringList command = parser.positionalArguments();
    if (command.isEmpty()) {
        std::fprintf(stderr, "socketlab-cli watch: give the program to run, e.g. "
                             "socketlab-cli watch -- python3 server.py\n");
        return 2;
    }
    std::unique_ptr<TraceWriter> writer;
    if (parser.isSet(trace)) {
        writer = std::make_unique<TraceWriter>(
            EventLog::defaultPerEventCap, EventLog::defaultTotalCap, TraceFormat::maxFileBytes);
        if (!writer->open(parser.value(trace))) {
            std::fprintf(stderr, "socketlab-cli: cannot write trace %s: %s\n",
                         qPrintable(parser.value(trace)), qPrintable(writer->errorString()));
            return 2;
        }
    }
    const QString program = command.takeFirst();
    ProgramTracer tracer(program, command);
    const int code = tracer.run([&writer](const SocketEvent &e) {
        std::fprintf(stderr, "%s\n", EventText::line(e).toUtf8().constData());
        if (writer)
            writer->write(e);
    });
    if (code == ProgramTracer::couldNotWatch && !tracer.error().isEmpty())
        std::fprintf(stderr, "socketlab-cli watch: %s\n", qPrintable(tracer.error()));
    if (writer && !writer->close())
        std::fprintf(stderr, "socketlab-cli watch: the trace is incomplete: %s\n",
                     qPrintable(writer->problem()));
    return code;
}
