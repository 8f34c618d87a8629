// SPDX-License-Identifier: MIT
#include "CheckCommand.h"

#include "ConsoleLog.h"
#include "calls/OptionNumber.h"
#include "check/EchoCheck.h"
#include "session/SocketSession.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <cstdio>

CheckCommand::CheckCommand() = default;
CheckCommand::~CheckCommand() = default;

int CheckCommand::start(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Run the course's echo server tests against a server you run (watched "
                       "or not): one message, a long message, several messages on one "
                       "connection, a client that closes, two clients. Prints each test and "
                       "what failed; exits 0 only when all pass, 1 when one fails."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("KIND"), QStringLiteral("What to check: echo."));
    parser.addPositionalArgument(QStringLiteral("HOST:PORT"),
                                 QStringLiteral("The server: 127.0.0.1:50000, [::1]:50000."));
    const QCommandLineOption timeout(QStringLiteral("timeout"),
                                     QStringLiteral("Seconds to wait for each answer (default %1).")
                                         .arg(EchoCheck::defaultTimeoutMs / 1000),
                                     QStringLiteral("S"));
    const QCommandLineOption calls(QStringLiteral("calls"),
                                   QStringLiteral("Also print every call on stderr."));
    parser.addOptions({timeout, calls});
    if (!parser.parse(QStringList{QStringLiteral("socketlab-cli check")} + arguments)) {
        std::fprintf(stderr, "socketlab-cli check: %s\n", qPrintable(parser.errorText()));
        return 2;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        std::printf("%s", qPrintable(parser.helpText()));
        return 0;
    }
    const QStringList words = parser.positionalArguments();
    if (words.size() != 2 || words.first() != QLatin1String("echo")) {
        std::fprintf(stderr, "socketlab-cli check: give what to check and where, e.g. "
                             "socketlab-cli check echo 127.0.0.1:50000\n");
        return 2;
    }
    const HostPortText::Parts server = HostPortText::parse(words.at(1));
    if (!server.error.isEmpty() || server.type != SOCK_STREAM || server.family == AF_UNIX) {
        std::fprintf(stderr, "socketlab-cli check: %s\n",
                     server.error.isEmpty() ? "an echo server over TCP: HOST:PORT"
                                            : qPrintable(server.error));
        return 2;
    }
    int timeoutS = EchoCheck::defaultTimeoutMs / 1000;
    if (parser.isSet(timeout) && !OptionNumber::parse(parser.value(timeout), 1, 3600, &timeoutS)) {
        std::fprintf(stderr, "socketlab-cli check: --timeout needs whole seconds, 1 to 3600\n");
        return 2;
    }
    m_session = std::make_unique<SocketSession>();
    if (parser.isSet(calls))
        m_log = std::make_unique<ConsoleLog>(m_session.get(), stderr);
    m_check = std::make_unique<EchoCheck>(m_session.get(), server, timeoutS * 1000);
    connect(m_check.get(), &EchoCheck::testEnded, this, [](const EchoCheck::Result &r) {
        if (r.passed)
            std::printf("PASS  %s\n", qPrintable(r.test));
        else
            std::printf("FAIL  %s: %s\n", qPrintable(r.test), qPrintable(r.why));
        std::fflush(stdout);
    });
    connect(m_check.get(), &EchoCheck::finished, this, [this](bool all) {
        const int failed = int(std::count_if(m_check->results().cbegin(), m_check->results().cend(),
                                             [](const EchoCheck::Result &r) { return !r.passed; }));
        std::printf(all ? "All %d tests passed.\n" : "%d of %d tests failed.\n",
                    all ? int(m_check->results().size()) : failed, int(m_check->results().size()));
        const int code = all ? 0 : 1;
        if (m_log)
            QCoreApplication::exit(m_log->endSession(code));
        else {
            m_session->closeAllAndDrain();
            QCoreApplication::exit(code);
        }
    });
    m_check->start();
    return -1;
}
