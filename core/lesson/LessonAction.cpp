// SPDX-License-Identifier: MIT
#include "lesson/LessonAction.h"

#include "calls/SocketName.h"
#include "calls/SocketOption.h"
#include "lookup/SocketNames.h"
#include "present/BytesFormat.h"

namespace {
QString quoted(const QString &text)
{
    return QStringLiteral("'%1'").arg(text);
}

QString endpoint(const QString &host, int port)
{
    return QStringLiteral("(%1, %2)").arg(quoted(host)).arg(port);
}

QString lookupPython(const QString &lookup, const QStringList &args)
{
    const QString first = args.value(0);
    const QString proto = args.size() > 1 ? QStringLiteral(", ") + quoted(args.at(1)) : QString();
    if (lookup == QLatin1String("hostname"))
        return QStringLiteral("socket.gethostname()");
    if (lookup == QLatin1String("host"))
        return QStringLiteral("socket.gethostbyname_ex(%1)").arg(quoted(first));
    if (lookup == QLatin1String("service"))
        return QStringLiteral("socket.getservbyname(%1%2)").arg(quoted(first), proto);
    if (lookup == QLatin1String("port"))
        return QStringLiteral("socket.getservbyport(%1%2)").arg(first, proto);
    if (lookup == QLatin1String("addrinfo"))
        return QStringLiteral("socket.getaddrinfo(%1, %2)")
            .arg(quoted(first), quoted(args.value(1)));
    if (lookup == QLatin1String("constants"))
        return QStringLiteral("print('\\n'.join(f'{n} = {getattr(socket, n)}' for n in "
                              "dir(socket) if n.startswith(%1)))")
            .arg(quoted(first));
    if (lookup == QLatin1String("defaults"))
        return QStringLiteral("socket.socket()");
    return QStringLiteral("socket.if_nameindex()");
}
} // namespace

QString LessonAction::python() const
{
    switch (kind) {
    case Kind::None:
        return QString();
    case Kind::Serve:
        return QStringLiteral("# %1 serves every client it accepts (%2 mode)")
            .arg(courseName(target), serverModeName(mode));
    case Kind::Lookup:
        return lookupPython(lookup, args);
    case Kind::Browse:
        return QStringLiteral("webbrowser.open(server_url + %1)").arg(quoted(path));
    case Kind::Call:
        break;
    }
    const QString var = courseName(target);
    switch (call) {
    case SocketCall::Socket:
        return QStringLiteral("%1 = socket.socket(socket.%2, socket.%3)")
            .arg(var, SocketNames::family(family), SocketNames::type(type));
    case SocketCall::SetSockOpt: {
        const SocketOption *o = SocketOption::find(option);
        return QStringLiteral("%1.setsockopt(socket.%2, socket.%3, %4)")
            .arg(var, o ? o->levelName : QStringLiteral("SOL_SOCKET"), option)
            .arg(number);
    }
    case SocketCall::Bind:
        return QStringLiteral("%1.bind(%2)").arg(var, endpoint(host, port));
    case SocketCall::Listen:
        return QStringLiteral("%1.listen(%2)").arg(var).arg(number);
    case SocketCall::Accept:
        return QStringLiteral("conn, addr = %1.accept()").arg(var);
    case SocketCall::Connect:
        return QStringLiteral("%1.connect(%2)").arg(var, endpoint(host, port));
    case SocketCall::Send:
    case SocketCall::SendAll:
        return QStringLiteral("%1.%2(%3)")
            .arg(var, socketCallName(call), BytesFormat::pythonLiteral(data, 64));
    case SocketCall::Recv:
        return untilClosed ? QStringLiteral("while data := %1.recv(%2): ...").arg(var).arg(number)
                           : QStringLiteral("data = %1.recv(%2)").arg(var).arg(number);
    case SocketCall::SendTo:
        return QStringLiteral("%1.sendto(%2, %3)")
            .arg(var, BytesFormat::pythonLiteral(data, 64), endpoint(host, port));
    case SocketCall::RecvFrom:
        return QStringLiteral("data, addr = %1.recvfrom(%2)").arg(var).arg(number);
    case SocketCall::Shutdown:
        return QStringLiteral("%1.shutdown(socket.%2)").arg(var, SocketNames::shutdownHow(number));
    case SocketCall::Close:
        return QStringLiteral("%1.close()").arg(var);
    case SocketCall::None:
        break;
    }
    return QString();
}

QString LessonAction::courseName(const QString &target)
{
    qsizetype digits = target.size();
    while (digits > 0 && target.at(digits - 1).isDigit())
        --digits;
    const QString number = digits < target.size() ? target.mid(digits) : QStringLiteral("1");
    return SocketName::forId(target.left(digits) + QLatin1Char('#') + number);
}
