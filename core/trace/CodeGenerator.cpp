// SPDX-License-Identifier: MIT
#include "trace/CodeGenerator.h"

#include "calls/SocketAddress.h"
#include "calls/SocketName.h"
#include "present/BytesFormat.h"
#include "present/CodeLiteral.h"
#include "present/PythonForm.h"
#include "trace/CProgram.h"

#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QSaveFile>
#include <QStringList>

namespace {
// Which side each socket is on. SocketLab's own ids say it (server#1, conn#2, client#1); a
// watched program's (pid4242#3) do not, and its socket is known as a listener only once it
// listens: a socket that listens or accepts is the server's, one an accept returned is a
// connection, any other a client's.
QHash<QString, SocketRole> rolesOf(const QVector<SocketEvent> &events)
{
    QHash<QString, SocketRole> roles;
    for (const SocketEvent &e : events) {
        if (!roles.contains(e.socketId))
            roles.insert(e.socketId, socketRoleOf(e.socketId));
        if (e.call == SocketCall::Listen || e.call == SocketCall::Accept)
            roles.insert(e.socketId, SocketRole::Server);
        if (e.call == SocketCall::Accept && e.phase == CallPhase::Returned) {
            const QString conn = e.result.toMap().value(QStringLiteral("socket")).toString();
            if (!conn.isEmpty())
                roles.insert(conn, SocketRole::Connection);
        }
    }
    return roles;
}

// The calls that happened, each once: the event that ended it.
QVector<SocketEvent> endedCalls(const QVector<SocketEvent> &events, CodeGenerator::Side side)
{
    const QHash<QString, SocketRole> roles = rolesOf(events);
    const auto onSide = [&roles, side](const SocketEvent &e) {
        const bool server = roles.value(e.socketId) != SocketRole::Client;
        return server == (side == CodeGenerator::Side::Server);
    };
    QVector<SocketEvent> calls;
    for (const SocketEvent &e : events) {
        if (onSide(e) && (e.phase == CallPhase::Returned || e.phase == CallPhase::Failed) &&
            e.call != SocketCall::None && e.error.kind() != CallError::Kind::Usage)
            calls.append(e);
    }
    return calls;
}

// The port the program takes as its argument: the first listener's or connection's port.
int mainPort(const QVector<SocketEvent> &calls)
{
    for (const SocketEvent &e : calls) {
        if (e.phase != CallPhase::Returned)
            continue;
        if (e.call == SocketCall::Bind)
            return SocketAddress::fromVariant(e.result.toMap()).port();
        // A UDP client may never connect: the port it sends to is the server's.
        if (e.call == SocketCall::Connect || e.call == SocketCall::SendTo)
            return e.args.value(QStringLiteral("port")).toInt();
    }
    return 50000;
}
} // namespace

QString CodeGenerator::hostOf(const SocketEvent &e)
{
    const QString resolved = e.args.value(QStringLiteral("resolved")).toString();
    return resolved.isEmpty() ? e.args.value(QStringLiteral("host")).toString() : resolved;
}

bool CodeGenerator::usesMainPort(const SocketEvent &e, int port)
{
    const int asked = e.args.value(QStringLiteral("port")).toInt();
    return asked == port || (e.call == SocketCall::Bind && asked == 0);
}

namespace {
// Why a call failed, for a comment. An errno's name and text come from this system's own
// table; any other text came from the trace, so it goes in as a literal, never bare (a
// newline would end a Python comment).
QString pythonFailure(const SocketEvent &e)
{
    if (e.error.kind() == CallError::Kind::Errno)
        return QStringLiteral("failed: ") + e.error.pythonException();
    if (e.error.kind() == CallError::Kind::Cancelled)
        return QStringLiteral("was cancelled: ") + CodeLiteral::python(e.error.message());
    return QStringLiteral("failed: ") + CodeLiteral::python(e.error.pythonException());
}

QString pythonLine(const SocketEvent &e, int port, bool script)
{
    const QString var = SocketName::of(e);
    if (e.phase == CallPhase::Failed)
        return QStringLiteral("# ") + PythonForm::statement(e) + QStringLiteral("  ") +
               pythonFailure(e);
    const QString address =
        e.args.contains(QStringLiteral("path"))
            ? CodeLiteral::python(e.args.value(QStringLiteral("path")).toString())
            : QStringLiteral("(") + CodeLiteral::python(CodeGenerator::hostOf(e)) +
                  QStringLiteral(", ") +
                  (script && CodeGenerator::usesMainPort(e, port)
                       ? QStringLiteral("PORT")
                       : QString::number(e.args.value(QStringLiteral("port")).toInt())) +
                  QLatin1Char(')');
    switch (e.call) {
    case SocketCall::Bind:
        return var + QStringLiteral(".bind(") + address + QLatin1Char(')');
    case SocketCall::Listen:
        // Printed once listening, so a client started on this line cannot be refused.
        return PythonForm::statement(e) +
               QStringLiteral("\nprint('listening on', %1.getsockname(), flush=True)").arg(var);
    case SocketCall::Connect:
        return var + QStringLiteral(".connect(") + address + QLatin1Char(')');
    case SocketCall::Accept:
        return PythonForm::statement(e) +
               QStringLiteral("\nprint('connection from', addr, flush=True)");
    case SocketCall::Send:
    case SocketCall::SendAll:
        // Scripts carry every byte; the code view shows a readable start.
        return var + QLatin1Char('.') + socketCallName(e.call) + QLatin1Char('(') +
               BytesFormat::pythonLiteral(e.data, script ? -1 : CodeGenerator::displayBytes) +
               QLatin1Char(')');
    case SocketCall::Recv: {
        const QString name =
            e.role == SocketRole::Client ? QStringLiteral("from_server") : QStringLiteral("msg");
        return PythonForm::statement(e) + QStringLiteral("\nprint(%1, flush=True)").arg(name);
    }
    case SocketCall::SendTo:
        return var + QStringLiteral(".sendto(") +
               BytesFormat::pythonLiteral(script ? e.data
                                                 : e.data.left(CodeGenerator::displayBytes)) +
               QStringLiteral(", ") + address + QLatin1Char(')');
    case SocketCall::RecvFrom:
        return PythonForm::statement(e) + QStringLiteral("\nprint(data, addr, flush=True)");
    default:
        return PythonForm::statement(e);
    }
}

} // namespace

QString CodeGenerator::pythonFor(const SocketEvent &event)
{
    return pythonLine(event, 0, false);
}

CodeGenerator::Transcript CodeGenerator::transcript(const QVector<SocketEvent> &events, int row,
                                                    int maxCalls)
{
    const auto ended = [&events](int i) {
        const SocketEvent &e = events.at(i);
        return (e.phase == CallPhase::Returned || e.phase == CallPhase::Failed) &&
               e.call != SocketCall::None;
    };
    const int last = qMin(row, int(events.size()) - 1);
    // Walk back to the first call shown, so only the shown ones are written.
    int first = last + 1;
    int shown = 0;
    while (first > 0 && shown < maxCalls) {
        --first;
        shown += ended(first) ? 1 : 0;
    }
    QStringList lines;
    if (first > 0)
        lines << QStringLiteral("# … earlier calls are in the log");
    Transcript t;
    for (int i = first; i <= last; ++i) {
        if (!ended(i))
            continue;
        const QStringList call = pythonFor(events.at(i)).split(QLatin1Char('\n'));
        if (i == row) {
            t.firstLine = int(lines.size());
            t.lineCount = int(call.size());
        }
        lines << call;
    }
    t.text = lines.join(QLatin1Char('\n'));
    return t;
}

QString CodeGenerator::cFor(const SocketEvent &event)
{
    return CProgram::statement(event, 0, false);
}

QString CodeGenerator::fileName(Side side, Language language)
{
    return QStringLiteral("%1.%2").arg(
        side == Side::Server ? QStringLiteral("server") : QStringLiteral("client"),
        language == Language::Python ? QStringLiteral("py") : QStringLiteral("c"));
}

bool CodeGenerator::hasSide(const QVector<SocketEvent> &events, Side side)
{
    return !endedCalls(events, side).isEmpty();
}

QString CodeGenerator::script(const QVector<SocketEvent> &events, Side side, Language language)
{
    const QVector<SocketEvent> calls = endedCalls(events, side);
    const int port = mainPort(calls);
    const QString name = fileName(side, language);
    QStringList out;
    if (language == Language::Python) {
        out << QStringLiteral("#!/usr/bin/env python3")
            << QStringLiteral("# %1: the %2 side of a SocketLab session, call by call.")
                   .arg(name,
                        side == Side::Server ? QStringLiteral("server") : QStringLiteral("client"))
            << QStringLiteral("# Run: python3 %1 [PORT]   (PORT defaults to the session's, %2)")
                   .arg(name)
                   .arg(port)
            << QStringLiteral("import socket") << QStringLiteral("import struct")
            << QStringLiteral("import sys") << QString()
            << QStringLiteral("PORT = int(sys.argv[1]) if len(sys.argv) > 1 else %1").arg(port)
            << QString();
        for (const SocketEvent &e : calls)
            out << pythonLine(e, port, true);
        return out.join(QLatin1Char('\n')) + QLatin1Char('\n');
    }
    return CProgram::program(
        calls, name, side == Side::Server ? QStringLiteral("server") : QStringLiteral("client"),
        port);
}

QStringList CodeGenerator::existingScripts(const QVector<SocketEvent> &events,
                                           const QString &directory,
                                           const QList<Language> &languages)
{
    QStringList existing;
    for (auto side : {Side::Server, Side::Client}) {
        if (!hasSide(events, side))
            continue;
        for (Language language : languages) {
            const QString path = QDir(directory).filePath(fileName(side, language));
            if (QFileInfo::exists(path) || QFileInfo(path).isSymLink())
                existing.append(path);
        }
    }
    return existing;
}

bool CodeGenerator::writeScripts(const QVector<SocketEvent> &events, const QString &directory,
                                 const QList<Language> &languages, Existing existing,
                                 QStringList *written, QString *error)
{
    if (existing == Existing::Keep) {
        const QStringList there = existingScripts(events, directory, languages);
        if (!there.isEmpty()) {
            *error = QStringLiteral("%1: exists already").arg(there.join(QStringLiteral(", ")));
            return false;
        }
    }
    for (auto side : {Side::Server, Side::Client}) {
        if (!hasSide(events, side))
            continue;
        for (Language language : languages) {
            QSaveFile file(QDir(directory).filePath(fileName(side, language)));
            if (!file.open(QIODevice::WriteOnly) ||
                file.write(script(events, side, language).toUtf8()) < 0 || !file.commit()) {
                *error = QStringLiteral("%1: %2").arg(file.fileName(), file.errorString());
                return false;
            }
            written->append(file.fileName());
        }
    }
    return true;
}
