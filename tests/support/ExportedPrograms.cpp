// SPDX-License-Identifier: MIT
#include "ExportedPrograms.h"

#include "EventRecorder.h"
#include "session/SocketSession.h"

#include <QFile>
#include <QProcess>
#include <QStandardPaths>

#include <sys/socket.h>

namespace ExportedPrograms {
QString python3()
{
    return QFile::exists(QStringLiteral("/usr/bin/python3"))
               ? QStringLiteral("/usr/bin/python3")
               : QStandardPaths::findExecutable(QStringLiteral("python3"));
}

QByteArray run(const QString &program, const QStringList &arguments, int *exitCode,
               const QString &workingDirectory, QByteArray *errors)
{
    QProcess p;
    if (!workingDirectory.isEmpty())
        p.setWorkingDirectory(workingDirectory);
    p.start(program, arguments);
    if (!p.waitForFinished(60000))
        p.kill();
    p.waitForFinished(1000);
    *exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    if (errors)
        *errors = p.readAllStandardError();
    return p.readAllStandardOutput();
}

bool writeFile(const QString &path, const QByteArray &content)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(content) == content.size();
}

QString compileC(const QString &source, QByteArray *errors)
{
    const QString binary = source.left(source.size() - 2);
    int code = 0;
    run(QStringLiteral("cc"),
        {QStringLiteral("-std=c11"), QStringLiteral("-D_POSIX_C_SOURCE=200809L"),
         QStringLiteral("-Wall"), QStringLiteral("-Werror"), QStringLiteral("-o"), binary, source},
        &code, QString(), errors);
    return code == 0 ? binary : QString();
}

QVector<SocketEvent> streamSession(const QByteArray &payload, int family, const QString &unixPath)
{
    SocketSession s;
    EventRecorder ev(&s);
    QString server, client;
    s.createSocket(SocketRole::Server, family, SOCK_STREAM, 0, &server);
    ev.waitForEnd(server, SocketCall::Socket);
    s.bind(server, family == AF_UNIX ? unixPath : QStringLiteral("127.0.0.1"), 0);
    const SocketEvent bound = ev.waitForEnd(server, SocketCall::Bind);
    if (bound.phase != CallPhase::Returned)
        return {};
    const int port = SocketAddress::fromVariant(bound.result.toMap()).port();
    s.listen(server, 1);
    ev.waitForEnd(server, SocketCall::Listen);
    s.createSocket(SocketRole::Client, family, SOCK_STREAM, 0, &client);
    ev.waitForEnd(client, SocketCall::Socket);
    s.connectTo(client, family == AF_UNIX ? unixPath : QStringLiteral("127.0.0.1"), port);
    ev.waitForEnd(client, SocketCall::Connect);
    s.accept(server);
    const QString conn = ev.waitForEnd(server, SocketCall::Accept)
                             .result.toMap()
                             .value(QStringLiteral("socket"))
                             .toString();
    s.sendAll(client, payload);
    ev.waitForEnd(client, SocketCall::SendAll);
    s.recv(conn, 4096);
    ev.waitForEnd(conn, SocketCall::Recv);
    s.sendAll(conn, payload);
    ev.waitForEnd(conn, SocketCall::SendAll);
    s.recv(client, 4096);
    ev.waitForEnd(client, SocketCall::Recv);
    for (const QString &id : {conn, client, server}) {
        s.close(id);
        ev.waitForEnd(id, SocketCall::Close);
    }
    return ev.events();
}

QVector<SocketEvent> datagramSession(const QByteArray &payload)
{
    SocketSession s;
    EventRecorder ev(&s);
    QString server, client;
    s.createSocket(SocketRole::Server, AF_INET, SOCK_DGRAM, 0, &server);
    ev.waitForEnd(server, SocketCall::Socket);
    s.bind(server, QStringLiteral("127.0.0.1"), 0);
    const int port =
        SocketAddress::fromVariant(ev.waitForEnd(server, SocketCall::Bind).result.toMap()).port();
    s.createSocket(SocketRole::Client, AF_INET, SOCK_DGRAM, 0, &client);
    ev.waitForEnd(client, SocketCall::Socket);
    s.sendTo(client, payload, QStringLiteral("127.0.0.1"), port);
    ev.waitForEnd(client, SocketCall::SendTo);
    s.recvFrom(server, 4096);
    ev.waitForEnd(server, SocketCall::RecvFrom);
    for (const QString &id : {client, server}) {
        s.close(id);
        ev.waitForEnd(id, SocketCall::Close);
    }
    return ev.events();
}
} // namespace ExportedPrograms
