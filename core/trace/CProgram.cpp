// SPDX-License-Identifier: MIT
#include "trace/CProgram.h"

#include "calls/SocketName.h"
#include "calls/SocketOption.h"
#include "lookup/SocketNames.h"
#include "present/CodeLiteral.h"
#include "trace/CodeGenerator.h"

#include <algorithm>

namespace {
// Why a call failed, for a comment. An errno's name and text come from this system's own
// table; any other text came from the trace, so it goes in as a literal, never bare ("*/"
// would end the comment).
QString failure(const SocketEvent &e)
{
    if (e.error.kind() == CallError::Kind::Errno)
        return QStringLiteral("with ") + e.error.name() + QStringLiteral(" (") + e.error.message() +
               QLatin1Char(')');
    return QStringLiteral("with ") +
           CodeLiteral::c(e.error.name() + QStringLiteral(": ") + e.error.message());
}

QString addressSetup(const SocketEvent &e, const QString &portExpression)
{
    if (e.args.contains(QStringLiteral("path")))
        return QStringLiteral("struct sockaddr_un addr;\n"
                              "memset(&addr, 0, sizeof addr);\n"
                              "addr.sun_family = AF_UNIX;\n"
                              "strncpy(addr.sun_path, ") +
               CodeLiteral::c(e.args.value(QStringLiteral("path")).toString()) +
               QStringLiteral(", sizeof addr.sun_path - 1);");
    const bool v6 = CodeGenerator::hostOf(e).contains(QLatin1Char(':'));
    QStringList lines;
    if (v6) {
        lines << QStringLiteral("struct sockaddr_in6 addr;")
              << QStringLiteral("memset(&addr, 0, sizeof addr);")
              << QStringLiteral("addr.sin6_family = AF_INET6;")
              << QStringLiteral("addr.sin6_port = htons(") + portExpression + QStringLiteral(");")
              << QStringLiteral("inet_pton(AF_INET6, ") + CodeLiteral::c(CodeGenerator::hostOf(e)) +
                     QStringLiteral(", &addr.sin6_addr);");
    } else {
        lines << QStringLiteral("struct sockaddr_in addr;")
              << QStringLiteral("memset(&addr, 0, sizeof addr);")
              << QStringLiteral("addr.sin_family = AF_INET;")
              << QStringLiteral("addr.sin_port = htons(") + portExpression + QStringLiteral(");")
              << QStringLiteral("inet_pton(AF_INET, ") +
                     CodeLiteral::c(CodeGenerator::hostOf(e).isEmpty() ? QStringLiteral("0.0.0.0")
                                                                       : CodeGenerator::hostOf(e)) +
                     QStringLiteral(", &addr.sin_addr);");
    }
    return lines.join(QLatin1Char('\n'));
}

const char cPrelude[] = R"(#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/types.h>
#include <sys/un.h>
#include <unistd.h>
)";

// Each only in programs that call it: an unused static function is a warning in C.
const char cCheck[] = R"(
/* Stop with the system's message when a call fails, as an uncaught exception would. */
static void check(int rc, const char *what)
{
    if (rc < 0) {
        perror(what);
        exit(1);
    }
}
)";

const char cSendAll[] = R"(
/* What Python's sendall does: call send until every byte is taken. */
static void send_all(int fd, const char *data, size_t len)
{
    while (len > 0) {
        ssize_t n = send(fd, data, len, 0);
        check((int)n, "send");
        data += n;
        len -= (size_t)n;
    }
}
)";
} // namespace

QString CProgram::statement(const SocketEvent &e, int port, bool script)
{
    const QString var = SocketName::of(e);
    if (e.phase == CallPhase::Failed)
        return QStringLiteral("// ") + socketCallName(e.call) +
               QStringLiteral(": failed in the session ") + failure(e);
    const QString portExpression =
        script && CodeGenerator::usesMainPort(e, port)
            ? QStringLiteral("port")
            : QString::number(e.args.value(QStringLiteral("port")).toInt());
    const QVariantMap &a = e.args;
    switch (e.call) {
    case SocketCall::Socket:
        // A whole program declares its sockets at the top (a trace may start after socket()).
        return QStringLiteral("%5%1 = socket(%2, %3, %4);\ncheck(%1, \"socket\");")
            .arg(var, SocketNames::family(a.value(QStringLiteral("family")).toInt()),
                 SocketNames::type(a.value(QStringLiteral("type")).toInt()),
                 SocketNames::protocol(a.value(QStringLiteral("proto")).toInt()),
                 script ? QString() : QStringLiteral("int "));
    case SocketCall::SetSockOpt: {
        const SocketOption *known = SocketOption::find(
            a.value(QStringLiteral("option"), QStringLiteral("SO_REUSEADDR")).toString());
        if (!known)
            return QStringLiteral("// setsockopt: an option SocketLab does not know");
        const QString &option = known->name;
        const QString &level = known->levelName;
        const int value = a.value(QStringLiteral("value"), 1).toInt();
        if (option == QLatin1String("SO_LINGER"))
            return QStringLiteral("{\n    struct linger l = {%2, %3};\n    check(setsockopt(%1, "
                                  "SOL_SOCKET, SO_LINGER, &l, sizeof l), \"setsockopt\");\n}")
                .arg(var)
                .arg(value >= 0 ? 1 : 0)
                .arg(qMax(0, value));
        return QStringLiteral("{\n    int value = %2;\n    check(setsockopt(%1, %3, %4, &value, "
                              "sizeof value), \"setsockopt\");\n}")
            .arg(var)
            .arg(value)
            .arg(level, option);
    }
    case SocketCall::Bind:
    case SocketCall::Connect: {
        QString block = QStringLiteral("{\n");
        for (const QString &line : addressSetup(e, portExpression).split(QLatin1Char('\n')))
            block += QStringLiteral("    ") + line + QLatin1Char('\n');
        block +=
            QStringLiteral("    check(%1(%2, (struct sockaddr *)&addr, sizeof addr), \"%1\");\n")
                .arg(socketCallName(e.call), var);
        return block + QLatin1Char('}');
    }
    case SocketCall::Listen:
        // Printed once listening, so a client started on this line cannot be refused.
        return QStringLiteral("check(listen(%1, %2), \"listen\");\n"
                              "{\n"
                              "    struct sockaddr_storage bound;\n"
                              "    socklen_t len = sizeof bound;\n"
                              "    getsockname(%1, (struct sockaddr *)&bound, &len);\n"
                              "    if (bound.ss_family == AF_UNIX)\n"
                              "        printf(\"listening on %s\\n\", ((struct sockaddr_un "
                              "*)&bound)->sun_path);\n"
                              "    else\n"
                              "        printf(\"listening on port %d\\n\", ntohs(bound.ss_family "
                              "== AF_INET6 ? ((struct sockaddr_in6 *)&bound)->sin6_port : "
                              "((struct sockaddr_in *)&bound)->sin_port));\n"
                              "    fflush(stdout);\n"
                              "}")
            .arg(var)
            .arg(a.value(QStringLiteral("backlog")).toInt());
    case SocketCall::Accept: {
        const QString conn = SocketName::acceptedBy(e);
        return QStringLiteral("%3%1 = accept(%2, NULL, NULL);\ncheck(%1, \"accept\");")
            .arg(conn, var, script ? QString() : QStringLiteral("int "));
    }
    case SocketCall::Send:
    case SocketCall::SendAll: {
        const QByteArray bytes = script ? e.data : e.data.left(CodeGenerator::displayBytes);
        // Joined, not arg()'d: the payload may hold "%1" itself.
        QString text = e.call == SocketCall::Send
                           ? QStringLiteral("check(send(") + var + QStringLiteral(", ") +
                                 CodeLiteral::c(bytes) + QStringLiteral(", ") +
                                 QString::number(bytes.size()) + QStringLiteral(", 0), \"send\");")
                           : QStringLiteral("send_all(") + var + QStringLiteral(", ") +
                                 CodeLiteral::c(bytes) + QStringLiteral(", ") +
                                 QString::number(bytes.size()) + QStringLiteral(");");
        if (bytes.size() < e.data.size())
            text +=
                QStringLiteral(" /* first %1 of %2 bytes */").arg(bytes.size()).arg(e.data.size());
        return text;
    }
    case SocketCall::Recv:
        return QStringLiteral(
                   "n = recv(%1, buf, %2, 0);\ncheck((int)n, \"recv\");\n"
                   "fwrite(buf, 1, (size_t)n, stdout);\nputchar('\\n');\nfflush(stdout);")
            .arg(var)
            .arg(qBound(0, a.value(QStringLiteral("bufsize")).toInt(), 65536));
    case SocketCall::SendTo: {
        const QByteArray bytes = script ? e.data : e.data.left(CodeGenerator::displayBytes);
        QString block = QStringLiteral("{\n");
        for (const QString &line : addressSetup(e, portExpression).split(QLatin1Char('\n')))
            block += QStringLiteral("    ") + line + QLatin1Char('\n');
        block += QStringLiteral("    check((int)sendto(") + var + QStringLiteral(", ") +
                 CodeLiteral::c(bytes) + QStringLiteral(", ") + QString::number(bytes.size()) +
                 QStringLiteral(", 0, (struct sockaddr *)&addr, sizeof addr), \"sendto\");\n}");
        return block;
    }
    case SocketCall::RecvFrom:
        return QStringLiteral("n = recvfrom(%1, buf, %2, 0, NULL, NULL);\ncheck((int)n, "
                              "\"recvfrom\");\nfwrite(buf, 1, (size_t)n, stdout);\n"
                              "putchar('\\n');\nfflush(stdout);")
            .arg(var)
            .arg(qBound(0, a.value(QStringLiteral("bufsize")).toInt(), 65536));
    case SocketCall::Shutdown:
        return QStringLiteral("check(shutdown(%1, %2), \"shutdown\");")
            .arg(var, SocketNames::shutdownHow(a.value(QStringLiteral("how")).toInt()));
    case SocketCall::Close:
        return QStringLiteral("close(%1);").arg(var);
    case SocketCall::None:
        break;
    }
    return QString();
}

QString CProgram::program(const QVector<SocketEvent> &calls, const QString &name,
                          const QString &sideName, int port)
{
    QStringList out;
    out << QStringLiteral("/* %1: the %2 side of a SocketLab session, call by call.")
               .arg(name, sideName)
        << QStringLiteral(" * Build: cc -o %1 %2   Run: ./%1 [PORT]   (PORT defaults to %3) */")
               .arg(name.left(name.size() - 2), name)
               .arg(port)
        << QString::fromLatin1(cPrelude);
    const auto made = [&calls](auto which) {
        return std::any_of(calls.begin(), calls.end(), [which](const SocketEvent &e) {
            return e.phase == CallPhase::Returned && which(e.call);
        });
    };
    if (made([](SocketCall c) { return c != SocketCall::Close; })) // close() is not checked
        out << QString::fromLatin1(cCheck);
    if (made([](SocketCall c) { return c == SocketCall::SendAll; }))
        out << QString::fromLatin1(cSendAll);
    out << QStringLiteral("int main(int argc, char **argv)") << QStringLiteral("{")
        << QStringLiteral("    int port = argc > 1 ? atoi(argv[1]) : %1;").arg(port)
        << QStringLiteral("    char buf[65536];") << QStringLiteral("    ssize_t n;")
        << QStringLiteral("    (void)port;") << QStringLiteral("    (void)buf;")
        << QStringLiteral("    (void)n;") << QString();
    // Every socket the calls use, declared once: a trace may begin after a socket was made,
    // or make one twice, and C allows one declaration.
    QStringList sockets;
    for (const SocketEvent &e : calls) {
        if (e.phase != CallPhase::Returned)
            continue; // a failed call is only a comment
        QStringList names{SocketName::of(e)};
        if (e.call == SocketCall::Accept)
            names << SocketName::acceptedBy(e);
        for (const QString &name : names) {
            if (!sockets.contains(name))
                sockets << name;
        }
    }
    for (const QString &name : std::as_const(sockets))
        out << QStringLiteral("    int %1 = -1;").arg(name);
    if (!sockets.isEmpty())
        out << QString();
    for (const SocketEvent &e : calls) {
        for (const QString &line : statement(e, port, true).split(QLatin1Char('\n')))
            out << (line.isEmpty() ? line : QStringLiteral("    ") + line);
    }
    out << QStringLiteral("    return 0;") << QStringLiteral("}");
    return out.join(QLatin1Char('\n')) + QLatin1Char('\n');
}
