// SPDX-License-Identifier: MIT
#include "ServeCommand.h"

#include "ConsoleLog.h"
#include "calls/HostPortText.h"
#include "calls/OptionNumber.h"
#include "calls/ServerMode.h"
#include "present/EscapeCodec.h"
#include "session/AutoServer.h"
#include "session/SocketSession.h"
#include "session/UnixSignalWatcher.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <cstdio>

ServeCommand::ServeCommand(QObject *parent) : QObject(parent) {}

ServeCommand::~ServeCommand() = default;

int ServeCommand::start(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Listen on an address and serve every client that connects, printing "
                       "each socket call as it happens."));
    parser.addHelpOption();
    const QCommandLineOption bindOption(QStringLiteral("bind"),
                                        QStringLiteral("Address to listen on (default "
                                                       "127.0.0.1:50000; [::1]:50000 for IPv6; "
                                                       "udp://HOST:PORT for UDP; unix:PATH or "
                                                       "unix-dgram:PATH for a Unix domain "
                                                       "socket)."),
                                        QStringLiteral("HOST:PORT"),
                                        QStringLiteral("127.0.0.1:50000"));
    const QCommandLineOption backlogOption(QStringLiteral("backlog"),
                                           QStringLiteral("listen() backlog (default 16)."),
                                           QStringLiteral("N"), QStringLiteral("16"));
    const QCommandLineOption modeOption(
        QStringLiteral("mode"),
        QStringLiteral("What to do with each client: %1 (default echo).")
            .arg(serverModeNames().join(QStringLiteral(", "))),
        QStringLiteral("MODE"), QStringLiteral("echo"));
    const QCommandLineOption replyOption(QStringLiteral("reply"),
                                         QStringLiteral("Text sent per received chunk in reply "
                                                        "mode; escapes like \\r\\n work."),
                                         QStringLiteral("TEXT"), QStringLiteral("OK\\n"));
    const QCommandLineOption maxOption(QStringLiteral("max-clients"),
                                       QStringLiteral("Exit after serving N clients (over UDP: N "
                                                      "datagrams; default: serve until "
                                                      "interrupted)."),
                                       QStringLiteral("N"), QStringLiteral("0"));
    const QCommandLineOption noReuseOption(QStringLiteral("no-reuse-address"),
                                           QStringLiteral("Do not set SO_REUSEADDR before "
                                                          "bind."));
    const QCommandLineOption traceOption(QStringLiteral("trace"),
                                         QStringLiteral("Also write every event to FILE (JSON "
                                                        "Lines, see docs/trace-format.md)."),
                                         QStringLiteral("FILE"));
    parser.addOptions({bindOption, backlogOption, modeOption, replyOption, maxOption, noReuseOption,
                       traceOption});
    parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsOptions);
    if (!parser.parse(QStringList{QStringLiteral("socketlab-cli serve")} + arguments)) {
        std::fprintf(stderr, "socketlab-cli serve: %s\n", qPrintable(parser.errorText()));
        return 2;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        std::printf("%s", qPrintable(parser.helpText()));
        return 0;
    }
    if (!parser.positionalArguments().isEmpty()) {
        std::fprintf(stderr,
                     "socketlab-cli serve: unexpected argument '%s' (serve takes only options; "
                     "see --help)\n",
                     qPrintable(parser.positionalArguments().first()));
        return 2;
    }
    const HostPortText::Parts where = HostPortText::parse(parser.value(bindOption));
    ServerMode mode = ServerMode::Echo;
    int backlog = 0, maxClients = 0;
    const bool backlogOk = OptionNumber::parse(parser.value(backlogOption), 0, 65535, &backlog);
    const bool maxOk = OptionNumber::parse(parser.value(maxOption), 0, 999999999, &maxClients);
    const EscapeCodec::Result reply =
        EscapeCodec::fromText(parser.value(replyOption), EscapeCodec::Encoding::Utf8);
    QString problem;
    if (!where.error.isEmpty())
        problem = where.error;
    else if (!parseServerMode(parser.value(modeOption), &mode))
        problem = QStringLiteral("unknown mode '%1'; choose one of %2")
                      .arg(parser.value(modeOption), serverModeNames().join(QStringLiteral(", ")));
    else if (!backlogOk)
        problem = QStringLiteral("--backlog needs a number from 0 to 65535");
    else if (!maxOk)
        problem = QStringLiteral("--max-clients needs a number of 0 or more");
    else if (!reply.ok())
        problem = QStringLiteral("--reply: %1").arg(reply.error);
    else if (const QString unsupported = AutoServer::whyUnsupported(where.type, mode);
             !unsupported.isEmpty())
        problem = QStringLiteral("--mode ") + unsupported;
    if (!problem.isEmpty()) {
        std::fprintf(stderr, "socketlab-cli serve: %s\n", qPrintable(problem));
        return 2;
    }

    m_session = std::make_unique<SocketSession>();
    m_log = std::make_unique<ConsoleLog>(m_session.get(), stdout);
    if (parser.isSet(traceOption) && !m_log->openTrace(parser.value(traceOption)))
        return 1;
    m_session->setEventDataLimit(m_log->dataReadPerEvent());
    m_server = std::make_unique<AutoServer>(m_session.get());
    m_server->setReply(reply.bytes);
    m_server->setMaxClients(maxClients);
    connect(m_server.get(), &AutoServer::finished, this, [this] { finish(0); });
    // What the server decided on its own (waiting after EMFILE, accepting again).
    connect(m_server.get(), &AutoServer::changed, this, [this] {
        const QString &note = m_server->status().note;
        if (note == m_lastNote)
            return;
        m_lastNote = note;
        std::fprintf(stdout, "# %s\n", qPrintable(note));
        std::fflush(stdout);
    });
    m_signals = std::make_unique<UnixSignalWatcher>();
    connect(m_signals.get(), &UnixSignalWatcher::terminationRequested, this, [this] { finish(0); });

    const bool everyAddress = where.family != AF_UNIX && HostPortText::isEveryAddress(where.host);
    connect(m_server.get(), &AutoServer::serving, this,
            [mode, everyAddress](const QString &address) {
                // Scripts and tests read this line to learn the port when they asked for 0.
                std::fprintf(stdout, "serving %s on %s\n", qPrintable(serverModeName(mode)),
                             qPrintable(address));
                if (everyAddress)
                    std::fprintf(stdout, "# bound to every address: other machines on the "
                                         "network can connect too, not only this one\n");
                std::fflush(stdout);
            });
    connect(m_server.get(), &AutoServer::setupFailed, this, [this](const SocketEvent &e) {
        std::fprintf(stderr, "socketlab-cli serve: %s failed: %s (%s)\n",
                     qPrintable(socketCallName(e.call)), qPrintable(e.error.name()),
                     qPrintable(e.error.message()));
        finish(1);
    });
    connect(m_server.get(), &AutoServer::refused, this, [this](const QString &reason) {
        std::fprintf(stderr, "socketlab-cli serve: %s\n", qPrintable(reason));
        finish(1);
    });
    m_server->listenAndServe(where, mode, backlog, !parser.isSet(noReuseOption));
    return -1;
}

void ServeCommand::finish(int exitCode)
{
    QCoreApplication::exit(m_log->endSession(exitCode));
}
