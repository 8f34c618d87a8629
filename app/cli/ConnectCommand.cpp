// SPDX-License-Identifier: MIT
#include "ConnectCommand.h"

#include "ConsoleLog.h"
#include "calls/HostPortText.h"
#include "calls/OptionNumber.h"
#include "present/EscapeCodec.h"
#include "session/CallSequence.h"
#include "session/SocketSession.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QStandardPaths>

#include <cerrno>
#include <cstdio>
#include <cstring>

ConnectCommand::ConnectCommand(QObject *parent) : QObject(parent) {}

ConnectCommand::~ConnectCommand() = default;

int ConnectCommand::start(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Connect to HOST:PORT, send, receive, and print what came back. The "
                       "received bytes go to stdout, the call log to stderr."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("HOST:PORT"),
                                 QStringLiteral("Where to connect, e.g. 127.0.0.1:50000 or "
                                                "[::1]:50000; unix:PATH for a Unix domain "
                                                "socket; udp://HOST:PORT (or unix-dgram:PATH) "
                                                "sends each --send as a datagram with sendto "
                                                "and waits up to 5 s for one datagram back."));
    const QCommandLineOption sendOption(QStringLiteral("send"),
                                        QStringLiteral("Send TEXT with sendall (repeatable; "
                                                       "escapes like \\r\\n and \\xNN work)."),
                                        QStringLiteral("TEXT"));
    const QCommandLineOption recvOption(QStringLiteral("recv"),
                                        QStringLiteral("recv() buffer size (default 4096)."),
                                        QStringLiteral("N"), QStringLiteral("4096"));
    const QCommandLineOption untilCloseOption(QStringLiteral("until-close"),
                                              QStringLiteral("Keep calling recv until the peer "
                                                             "closes (recv returns 0 bytes)."));
    const QCommandLineOption traceOption(QStringLiteral("trace"),
                                         QStringLiteral("Also write every event to FILE (JSON "
                                                        "Lines)."),
                                         QStringLiteral("FILE"));
    const QCommandLineOption timeoutOption(
        QStringLiteral("timeout"),
        QStringLiteral("Give up when the peer has done nothing for S seconds while a call "
                       "waits (connect, recv, a datagram back); 0 waits for ever (default 10, "
                       "5 over UDP)."),
        QStringLiteral("S"));
    parser.addOptions({sendOption, recvOption, untilCloseOption, timeoutOption, traceOption});
    if (!parser.parse(QStringList{QStringLiteral("socketlab-cli connect")} + arguments)) {
        std::fprintf(stderr, "socketlab-cli connect: %s\n", qPrintable(parser.errorText()));
        return 2;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        std::printf("%s", qPrintable(parser.helpText()));
        return 0;
    }
    if (parser.positionalArguments().size() != 1) {
        std::fprintf(stderr, "socketlab-cli connect: give exactly one HOST:PORT\n");
        return 2;
    }
    const HostPortText::Parts where = HostPortText::parse(parser.positionalArguments().first());
    int bufsize = 0;
    const bool recvOk =
        OptionNumber::parse(parser.value(recvOption), 1, 16 * 1024 * 1024, &bufsize);
    int timeoutS = where.type == SOCK_DGRAM ? datagramWaitS : streamWaitS;
    const bool timeoutOk = !parser.isSet(timeoutOption) ||
                           OptionNumber::parse(parser.value(timeoutOption), 0, 86400, &timeoutS);
    if (!where.error.isEmpty() || !recvOk || !timeoutOk) {
        std::fprintf(stderr, "socketlab-cli connect: %s\n",
                     qPrintable(!where.error.isEmpty() ? where.error
                                : !recvOk ? QStringLiteral("--recv needs a number from 1 to "
                                                           "16777216")
                                          : QStringLiteral("--timeout needs whole seconds, 0 "
                                                           "to 86400")));
        return 2;
    }
    QList<QByteArray> messages;
    for (const QString &text : parser.values(sendOption)) {
        const EscapeCodec::Result r = EscapeCodec::fromText(text, EscapeCodec::Encoding::Utf8);
        if (!r.ok()) {
            std::fprintf(stderr, "socketlab-cli connect: --send %s: %s\n", qPrintable(text),
                         qPrintable(r.error));
            return 2;
        }
        messages.append(r.bytes);
    }

    if (where.type == SOCK_DGRAM && messages.isEmpty()) {
        std::fprintf(stderr, "socketlab-cli connect: over UDP, give at least one --send\n");
        return 2;
    }

    m_session = std::make_unique<SocketSession>();
    m_log = std::make_unique<ConsoleLog>(m_session.get(), stderr);
    watchForSilence(timeoutS);
    if (parser.isSet(traceOption) && !m_log->openTrace(parser.value(traceOption)))
        return 1;
    SocketSession *session = m_session.get();
    m_calls = std::make_unique<CallSequence>(session);
    m_calls->append(SocketCall::Socket, [this, session, where](QString *id) {
        const QString refusal =
            session->createSocket(SocketRole::Client, where.family, where.type, 0, &m_clientId);
        *id = m_clientId;
        return refusal;
    });
    if (where.type == SOCK_DGRAM) {
        connectDatagrams(where, messages, bufsize);
        return -1;
    }
    m_calls->append(SocketCall::Connect, [this, session, where](QString *id) {
        *id = m_clientId;
        return session->connectTo(m_clientId, where.host, where.port);
    });
    for (const QByteArray &message : messages) {
        m_calls->append(SocketCall::SendAll, [this, session, message](QString *id) {
            *id = m_clientId;
            return session->sendAll(m_clientId, message);
        });
    }
    const bool untilClose = parser.isSet(untilCloseOption);
    m_calls->append(
        SocketCall::Recv,
        [this, session, bufsize](QString *id) {
            *id = m_clientId;
            return session->recv(m_clientId, bufsize);
        },
        [untilClose](const SocketEvent &e) {
            if (untilClose && e.phase == CallPhase::Returned && e.byteCount > 0)
                return CallSequence::Outcome::Again;
            return CallSequence::returns()(e);
        });
    connect(m_calls.get(), &CallSequence::stepEnded, this, [this](const SocketEvent &e) {
        if (e.call == SocketCall::Recv && e.phase == CallPhase::Returned)
            writeOut(e.data);
    });
    startCalls();
    return -1;
}

void ConnectCommand::connectDatagrams(const HostPortText::Parts &where,
                                      const QList<QByteArray> &messages, int bufsize)
{
    // No connection: each message is one datagram, and the answer is the next datagram.
    SocketSession *session = m_session.get();
    const QString host = where.host;
    const int port = where.port;
    if (where.family == AF_UNIX) {
        // An answer needs an address to come back to: a Unix datagram socket has none until
        // it binds a path of its own (removed again when it closes).
        const QString own = QDir(QStandardPaths::writableLocation(QStandardPaths::TempLocation))
                                .filePath(QStringLiteral("socketlab-cli-%1.sock")
                                              .arg(QCoreApplication::applicationPid()));
        m_calls->append(SocketCall::Bind, [this, session, own](QString *id) {
            *id = m_clientId;
            return session->bind(m_clientId, own, 0);
        });
    }
    for (const QByteArray &message : messages) {
        m_calls->append(SocketCall::SendTo, [this, session, message, host, port](QString *id) {
            *id = m_clientId;
            return session->sendTo(m_clientId, message, host, port);
        });
        m_calls->append(SocketCall::RecvFrom, [this, session, bufsize](QString *id) {
            *id = m_clientId;
            return session->recvFrom(m_clientId, bufsize);
        });
    }
    connect(m_calls.get(), &CallSequence::stepEnded, this, [this](const SocketEvent &e) {
        if (e.call == SocketCall::RecvFrom && e.phase == CallPhase::Returned)
            writeOut(e.data);
    });
    startCalls();
}

void ConnectCommand::watchForSilence(int seconds)
{
    if (seconds == 0)
        return;
    m_silence.setSingleShot(true);
    m_silence.setInterval(seconds * 1000);
    // Any sign of life from the socket starts the wait again; only a call that has waited
    // the whole time with nothing happening ends the run.
    connect(m_session.get(), &SocketSession::eventOccurred, this, [this](const SocketEvent &e) {
        if (e.phase == CallPhase::Blocked || e.phase == CallPhase::Started)
            m_silence.start();
        else
            m_silence.stop();
    });
    connect(&m_silence, &QTimer::timeout, this, [this, seconds] {
        const SocketInfo client = m_session->socket(m_clientId);
        const bool datagram = client.type == SOCK_DGRAM;
        std::fprintf(stderr,
                     "socketlab-cli connect: %s waited %d s with nothing from the peer; giving "
                     "up%s (--timeout S changes this, 0 waits for ever)\n",
                     qPrintable(socketCallName(client.callInProgress)), seconds,
                     datagram ? " (UDP does not say why: nobody listening, or it was lost)" : "");
        finish(1);
    });
}

bool ConnectCommand::writeOut(const QByteArray &data)
{
    std::fwrite(data.constData(), 1, size_t(data.size()), stdout);
    if (std::fflush(stdout) == 0 && !std::ferror(stdout))
        return true;
    // Whoever read our output has gone (a closed pipe: EPIPE): receiving more is pointless.
    std::fprintf(stderr,
                 "socketlab-cli connect: cannot write what was received to stdout (%s); "
                 "stopping\n",
                 std::strerror(errno));
    finish(1);
    return false;
}

void ConnectCommand::startCalls()
{
    connect(m_calls.get(), &CallSequence::finished, this, [this] { finish(0); });
    connect(m_calls.get(), &CallSequence::stepFailed, this, [this](const SocketEvent &e) {
        std::fprintf(stderr, "socketlab-cli connect: %s failed: %s (%s)\n",
                     qPrintable(socketCallName(e.call)), qPrintable(e.error.name()),
                     qPrintable(e.error.message()));
        finish(1);
    });
    connect(m_calls.get(), &CallSequence::refused, this, [this](const QString &reason) {
        std::fprintf(stderr, "socketlab-cli connect: %s\n", qPrintable(reason));
        finish(1);
    });
    m_calls->start();
}

void ConnectCommand::finish(int exitCode)
{
    // Closing cancels a blocked call, whose failure would finish a second time.
    if (m_finishing)
        return;
    m_finishing = true;
    m_calls->cancel();
    m_session->close(m_clientId);
    QCoreApplication::exit(m_log->endSession(exitCode));
}
