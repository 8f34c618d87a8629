#include "ConnectCommand.h"

#include "CallSequence.h"
#include "ConsoleLog.h"
#include "EscapeCodec.h"
#include "HostPortText.h"
#include "SocketSession.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QStandardPaths>

#include <cstdio>

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
    parser.addOptions({sendOption, recvOption, untilCloseOption, traceOption});
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
    bool recvOk = false;
    const int bufsize = parser.value(recvOption).toInt(&recvOk);
    if (!where.error.isEmpty() || !recvOk) {
        std::fprintf(stderr, "socketlab-cli connect: %s\n",
                     qPrintable(where.error.isEmpty() ? QStringLiteral("--recv needs a number")
                                                      : where.error));
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
    const auto receive = [this, session, bufsize](QString *id) {
        *id = m_clientId;
        return session->recv(m_clientId, bufsize);
    };
    m_calls->append(SocketCall::Recv, receive);
    const bool untilClose = parser.isSet(untilCloseOption);
    connect(m_calls.get(), &CallSequence::stepReturned, this,
            [this, receive, untilClose](const SocketEvent &e) {
                if (e.call != SocketCall::Recv)
                    return;
                std::fwrite(e.data.constData(), 1, size_t(e.data.size()), stdout);
                std::fflush(stdout);
                if (untilClose && e.byteCount > 0)
                    m_calls->append(SocketCall::Recv, receive);
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
            m_answerTimeout.start();
            return session->recvFrom(m_clientId, bufsize);
        });
    }
    m_answerTimeout.setSingleShot(true);
    m_answerTimeout.setInterval(datagramWaitMs);
    connect(&m_answerTimeout, &QTimer::timeout, this, [this] {
        std::fprintf(stderr,
                     "socketlab-cli connect: no datagram came back within %d s (UDP does not "
                     "say why: nobody listening, or it was lost)\n",
                     datagramWaitMs / 1000);
        finish(1);
    });
    connect(m_calls.get(), &CallSequence::stepReturned, this, [this](const SocketEvent &e) {
        if (e.call != SocketCall::RecvFrom)
            return;
        m_answerTimeout.stop();
        std::fwrite(e.data.constData(), 1, size_t(e.data.size()), stdout);
        std::fflush(stdout);
    });
    startCalls();
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
    m_session->close(m_clientId);
    m_session->closeAll();
    QCoreApplication::processEvents();
    QCoreApplication::exit(exitCode);
}
