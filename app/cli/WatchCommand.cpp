// SPDX-License-Identifier: MIT
#include "WatchCommand.h"

#include "present/EventText.h"
#include "session/EventLog.h"
#include "trace/TraceFormat.h"
#include "trace/TraceWriter.h"
#include "watch/ProgramTracer.h"

#include <QCommandLineParser>

#include <csignal>
#include <cstdio>
#include <memory>

namespace {
ProgramTracer *interrupted = nullptr;

void stopWatching(int)
{
    interrupted->stop(); // an atomic store and kill(2): safe in a signal handler
}

// While attached, Ctrl+C and SIGTERM end the watch, not the watcher: the program is let go
// first. A program started here shares the terminal and gets Ctrl+C itself.
class StopOnInterrupt
{
public:
    explicit StopOnInterrupt(ProgramTracer *tracer) : m_on(tracer != nullptr)
    {
        if (!m_on)
            return;
        interrupted = tracer;
        struct sigaction action
        {
        };
        action.sa_handler = stopWatching;
        ::sigemptyset(&action.sa_mask);
        ::sigaction(SIGINT, &action, &m_int);
        ::sigaction(SIGTERM, &action, &m_term);
    }
    ~StopOnInterrupt()
    {
        if (!m_on)
            return;
        ::sigaction(SIGINT, &m_int, nullptr);
        ::sigaction(SIGTERM, &m_term, nullptr);
        interrupted = nullptr;
    }

private:
    bool m_on;
    struct sigaction m_int
    {
    };
    struct sigaction m_term
    {
    };
};
} // namespace

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
    const QCommandLineOption pid(
        QStringLiteral("pid"),
        QStringLiteral("Attach to the running process PID instead of starting one; Ctrl+C stops "
                       "watching and leaves it running. Every system call of it stops while "
                       "watched (slower than a program started here), and its sockets from "
                       "before are listed first."),
        QStringLiteral("PID"));
    parser.addOption(pid);
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
    const bool attach = parser.isSet(pid);
    const qint64 target = parser.value(pid).toLongLong();
    if (attach && (target <= 0 || !command.isEmpty())) {
        std::fprintf(stderr, "socketlab-cli watch: --pid takes a process number and no command, "
                             "e.g. socketlab-cli watch --pid 4242\n");
        return 2;
    }
    if (command.isEmpty() && !attach) {
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
    std::unique_ptr<ProgramTracer> tracer;
    if (attach) {
        tracer = std::make_unique<ProgramTracer>(target);
    } else {
        const QString program = command.takeFirst();
        tracer = std::make_unique<ProgramTracer>(program, command);
    }
    StopOnInterrupt interrupt(attach ? tracer.get() : nullptr);
    tracer->setOnAttached([target] {
        std::fprintf(stderr,
                     "socketlab-cli watch: watching process %lld; Ctrl+C stops watching and "
                     "leaves it running\n",
                     target);
    });
    const int code = tracer->run([&writer](const SocketEvent &e) {
        std::fprintf(stderr, "%s\n", EventText::line(e).toUtf8().constData());
        // Each call at once: a watched program stops at each, so there is no burst to wait for.
        if (writer) {
            writer->write(e);
            writer->flush();
        }
    });
    if (code == ProgramTracer::couldNotWatch && !tracer->error().isEmpty())
        std::fprintf(stderr, "socketlab-cli watch: %s\n", qPrintable(tracer->error()));
    if (writer && !writer->close())
        std::fprintf(stderr, "socketlab-cli watch: the trace is incomplete: %s\n",
                     qPrintable(writer->problem()));
    return code;
}
