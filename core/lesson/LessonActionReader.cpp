// SPDX-License-Identifier: MIT
#include "lesson/LessonActionReader.h"

#include "calls/SocketOption.h"
#include "calls/SocketRole.h"
#include "lookup/ConstantCatalog.h"
#include "present/EscapeCodec.h"

#include <QRegularExpression>

namespace {
const QStringList &lookupNames()
{
    static const QStringList n{QStringLiteral("hostname"), QStringLiteral("host"),
                               QStringLiteral("service"),  QStringLiteral("port"),
                               QStringLiteral("addrinfo"), QStringLiteral("constants"),
                               QStringLiteral("defaults"), QStringLiteral("interfaces")};
    return n;
}

struct CallWord
{
    const char *word;
    SocketCall call;
};
const CallWord callWords[] = {
    {"socket", SocketCall::Socket}, {"setsockopt", SocketCall::SetSockOpt},
    {"bind", SocketCall::Bind},     {"listen", SocketCall::Listen},
    {"accept", SocketCall::Accept}, {"connect", SocketCall::Connect},
    {"send", SocketCall::Send},     {"sendall", SocketCall::SendAll},
    {"recv", SocketCall::Recv},     {"shutdown", SocketCall::Shutdown},
    {"sendto", SocketCall::SendTo}, {"recvfrom", SocketCall::RecvFrom},
    {"close", SocketCall::Close},
};

// server, server2, conn, conn3, client, client12, browser.
bool validSocketName(const QString &name)
{
    static const QRegularExpression re(QStringLiteral("^(server|conn|client)([2-9]|[1-9][0-9])?$"));
    return re.match(name).hasMatch();
}
} // namespace

bool LessonActionReader::readCall(LessonAction &a, const QString &value, bool byUser)
{
    m_error.clear();
    callLine(a, value, byUser);
    return m_error.isEmpty();
}

bool LessonActionReader::readLookup(LessonAction &a, const QString &value)
{
    m_error.clear();
    lookupLine(a, value);
    return m_error.isEmpty();
}

bool LessonActionReader::readBrowse(LessonAction &a, const QString &value)
{
    m_error.clear();
    browseLine(a, value);
    return m_error.isEmpty();
}

bool LessonActionReader::readExpect(LessonAction &a, const QString &value)
{
    m_error.clear();
    expectLine(a, value);
    return m_error.isEmpty();
}

bool LessonActionReader::fail(const QString &message)
{
    if (m_error.isEmpty()) // the first problem on a line is the one reported
        m_error = message;
    return false;
}

void LessonActionReader::expectLine(LessonAction &action, const QString &value)
{
    if (action.kind != LessonAction::Kind::Call) {
        fail(QStringLiteral("'expect:' follows a 'do:' or 'wait:' line in the same step"));
        return;
    }
    static const QRegularExpression bytesRe(QStringLiteral("^(\\d{1,9}) bytes?$"));
    static const QRegularExpression errnoRe(QStringLiteral("^E[A-Z0-9]+$"));
    const QRegularExpressionMatch bytes = bytesRe.match(value);
    if (value == QLatin1String("blocks")) {
        action.expectBlocks = true;
    } else if (value == QLatin1String("returns")) {
        action.expectReturn = true;
    } else if (value == QLatin1String("until-closed")) {
        if (action.call != SocketCall::Recv)
            fail(QStringLiteral("'expect: until-closed' is for recv"));
        action.untilClosed = true;
    } else if (bytes.hasMatch()) {
        if (action.call != SocketCall::Recv && action.call != SocketCall::RecvFrom)
            fail(QStringLiteral("'expect: N bytes' is for recv and recvfrom"));
        action.expectedBytes = bytes.captured(1).toLongLong();
    } else if (errnoRe.match(value).hasMatch()) {
        action.expectedError = value;
    } else {
        fail(QStringLiteral("'expect: %1': write an errno name (ECONNREFUSED), 'N bytes', "
                            "'blocks', 'returns' or 'until-closed'")
                 .arg(value));
    }
}

bool LessonActionReader::number(const QString &text, int low, int high, const QString &what,
                                int *out)
{
    bool ok = false;
    const qint64 n = text.toLongLong(&ok);
    if (!ok)
        return fail(QStringLiteral("%1 '%2' is not a number").arg(what, text));
    if (n < low || n > high)
        return fail(
            QStringLiteral("%1 %2 is out of range %3–%4").arg(what, text).arg(low).arg(high));
    *out = int(n);
    return true;
}

bool LessonActionReader::constant(const QString &text, const QString &group, int *out)
{
    qint64 v = 0;
    if (!ConstantCatalog::instance().parseValue(text, group, &v))
        return fail(QStringLiteral("'%1' is not a %2 constant on this system").arg(text, group));
    *out = int(v);
    return true;
}

void LessonActionReader::callLine(LessonAction &a, const QString &value, bool byUser)
{
    a.kind = LessonAction::Kind::Call;
    a.byUser = byUser;
    const QStringList words = value.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (words.size() < 2) {
        fail(QStringLiteral("'%1' needs a socket name and a call, e.g. 'server bind "
                            "127.0.0.1 50000'")
                 .arg(byUser ? QStringLiteral("wait:") : QStringLiteral("do:")));
        return;
    }
    a.target = words.at(0);
    if (!validSocketName(a.target)) {
        fail(QStringLiteral("'%1' is not a lesson socket name; use server, conn or client, "
                            "optionally numbered (client2)")
                 .arg(a.target));
        return;
    }
    const QString verb = words.at(1);
    QStringList args = words.mid(2);
    if (verb == QLatin1String("serve")) {
        serveWords(a, args);
        return;
    }
    for (const CallWord &w : callWords) {
        if (verb == QLatin1String(w.word))
            a.call = w.call;
    }
    if (a.call == SocketCall::None) {
        fail(QStringLiteral("'%1' is not a call a lesson can make").arg(verb));
        return;
    }
    a.args = args;
    const bool isConn = socketRoleOf(a.target) == SocketRole::Connection;
    const auto count = [&](int low, int high, const QString &usage) {
        if (args.size() < low || args.size() > high)
            return fail(QStringLiteral("%1 needs %2").arg(verb, usage));
        return true;
    };
    switch (a.call) {
    case SocketCall::Socket:
        if (isConn) {
            fail(QStringLiteral("conn sockets come from accept(), not socket()"));
            return;
        }
        if (!count(0, 2, QStringLiteral("at most FAMILY and TYPE")))
            return;
        if (args.size() >= 1 && !constant(args.at(0), QStringLiteral("AF_"), &a.family))
            return;
        if (args.size() >= 2)
            constant(args.at(1), QStringLiteral("SOCK_"), &a.type);
        return;
    case SocketCall::SetSockOpt:
        if (count(2, 2, QStringLiteral("an OPTION and a value, e.g. SO_REUSEADDR 1"))) {
            const SocketOption *o = SocketOption::find(args.at(0));
            if (!o) {
                QStringList names;
                for (const SocketOption &known : SocketOption::all())
                    names << known.name;
                fail(QStringLiteral("'%1' is not an option a lesson can set; choose one of %2")
                         .arg(args.at(0), names.join(QStringLiteral(", "))));
                return;
            }
            a.option = o->name;
            const int low = o->kind == SocketOption::Kind::Seconds ? -1
                            : o->kind == SocketOption::Kind::Bytes ? 1
                                                                   : 0;
            const int high = o->kind == SocketOption::Kind::Flag ? 1 : 64 * 1024 * 1024;
            number(args.at(1), low, high, QStringLiteral("the value"), &a.number);
        }
        return;
    case SocketCall::Bind:
    case SocketCall::Connect:
        if (count(2, 2, QStringLiteral("HOST PORT"))) {
            a.host = args.at(0);
            number(args.at(1), 0, 65535, QStringLiteral("port"), &a.port);
        }
        return;
    case SocketCall::Listen:
        if (count(0, 1, QStringLiteral("at most a BACKLOG"))) {
            a.number = 1;
            if (!args.isEmpty())
                number(args.at(0), 0, 4096, QStringLiteral("backlog"), &a.number);
        }
        return;
    case SocketCall::Recv:
    case SocketCall::RecvFrom:
        if (count(1, 1, QStringLiteral("a BUFSIZE")))
            number(args.at(0), 1, 1 << 20, QStringLiteral("bufsize"), &a.number);
        return;
    case SocketCall::SendTo: {
        // sendto HOST PORT DATA: the data is the rest of the line, as for sendall.
        static const QRegularExpression sendtoRe(
            QStringLiteral("^\\S+\\s+\\S+\\s+(\\S+)\\s+(\\S+)\\s+(.*)$"));
        const QRegularExpressionMatch m = sendtoRe.match(value);
        if (!m.hasMatch()) {
            fail(QStringLiteral("sendto needs HOST PORT DATA"));
            return;
        }
        a.host = m.captured(1);
        if (!number(m.captured(2), 0, 65535, QStringLiteral("port"), &a.port))
            return;
        QString text = m.captured(3).trimmed();
        if (text.size() >= 2 && text.startsWith(QLatin1Char('"')) &&
            text.endsWith(QLatin1Char('"')))
            text = text.mid(1, text.size() - 2);
        const EscapeCodec::Result r = EscapeCodec::fromText(text, EscapeCodec::Encoding::Utf8);
        if (!r.ok())
            fail(QStringLiteral("sendto data: %1").arg(r.error));
        a.data = r.bytes;
        a.args = QStringList{a.host, m.captured(2), text};
        return;
    }
    case SocketCall::Send:
    case SocketCall::SendAll: {
        // The data is the rest of the line, quoted when it has spaces at either end.
        static const QRegularExpression restRe(QStringLiteral("^\\S+\\s+\\S+\\s+(.*)$"));
        QString text = restRe.match(value).captured(1).trimmed();
        if (text.size() >= 2 && text.startsWith(QLatin1Char('"')) &&
            text.endsWith(QLatin1Char('"')))
            text = text.mid(1, text.size() - 2);
        if (text.isEmpty()) {
            fail(QStringLiteral("%1 needs the data to send").arg(verb));
            return;
        }
        const EscapeCodec::Result r = EscapeCodec::fromText(text, EscapeCodec::Encoding::Utf8);
        if (!r.ok())
            fail(QStringLiteral("%1 data: %2").arg(verb, r.error));
        a.data = r.bytes;
        a.args = QStringList{text};
        return;
    }
    case SocketCall::Shutdown: {
        if (!count(1, 1, QStringLiteral("SHUT_RD, SHUT_WR or SHUT_RDWR")))
            return;
        const QString how = args.at(0);
        if (how == QLatin1String("SHUT_RD"))
            a.number = SHUT_RD;
        else if (how == QLatin1String("SHUT_WR"))
            a.number = SHUT_WR;
        else if (how == QLatin1String("SHUT_RDWR"))
            a.number = SHUT_RDWR;
        else
            fail(QStringLiteral("shutdown needs SHUT_RD, SHUT_WR or SHUT_RDWR, not '%1'").arg(how));
        return;
    }
    case SocketCall::Accept:
    case SocketCall::Close:
        count(0, 0, QStringLiteral("no arguments"));
        return;
    case SocketCall::None:
        return;
    }
}

void LessonActionReader::serveWords(LessonAction &a, const QStringList &args)
{
    a.kind = LessonAction::Kind::Serve;
    a.args = args;
    if (socketRoleOf(a.target) != SocketRole::Server) {
        fail(QStringLiteral("only a server socket can serve"));
        return;
    }
    if (a.byUser) {
        fail(QStringLiteral("serve is done by the lesson, not waited for; use 'do:'"));
        return;
    }
    if (args.size() != 1 || !parseServerMode(args.at(0), &a.mode))
        fail(QStringLiteral("serve needs a mode: %1")
                 .arg(serverModeNames().join(QStringLiteral(", "))));
}

void LessonActionReader::lookupLine(LessonAction &a, const QString &value)
{
    a.kind = LessonAction::Kind::Lookup;
    const QStringList words = value.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (words.isEmpty() || !lookupNames().contains(words.first())) {
        fail(QStringLiteral("lookup needs one of: %1")
                 .arg(lookupNames().join(QStringLiteral(", "))));
        return;
    }
    a.lookup = words.first();
    a.args = words.mid(1);
    const int n = int(a.args.size());
    const QString &l = a.lookup;
    int ignored = 0;
    if ((l == QLatin1String("hostname") || l == QLatin1String("defaults") ||
         l == QLatin1String("interfaces")) &&
        n != 0)
        fail(QStringLiteral("lookup %1 takes no arguments").arg(l));
    else if ((l == QLatin1String("host") || l == QLatin1String("constants")) && n != 1)
        fail(QStringLiteral("lookup %1 needs one argument").arg(l));
    else if (l == QLatin1String("service") && (n < 1 || n > 2))
        fail(QStringLiteral("lookup service needs NAME and optionally tcp or udp"));
    else if (l == QLatin1String("port") && (n < 1 || n > 2))
        fail(QStringLiteral("lookup port needs a NUMBER and optionally tcp or udp"));
    else if (l == QLatin1String("port"))
        number(a.args.at(0), 0, 65535, QStringLiteral("port"), &ignored);
    else if (l == QLatin1String("addrinfo") && n != 2)
        fail(QStringLiteral("lookup addrinfo needs HOST and SERVICE"));
}

void LessonActionReader::browseLine(LessonAction &a, const QString &value)
{
    a.kind = LessonAction::Kind::Browse;
    a.path = value.isEmpty() ? QStringLiteral("/") : value;
    if (!a.path.startsWith(QLatin1Char('/')) || a.path.contains(QLatin1Char(' ')))
        fail(QStringLiteral("browse takes a path on the lesson's server, like /hello"));
}
