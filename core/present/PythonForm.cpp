// SPDX-License-Identifier: MIT
#include "present/PythonForm.h"

#include "calls/SocketAddress.h"
#include "calls/SocketName.h"
#include "calls/SocketOption.h"
#include "lookup/SocketNames.h"
#include "present/BytesFormat.h"
#include "present/CodeLiteral.h"

namespace {
QString addressLiteral(const QVariantMap &args)
{
    if (args.contains(QStringLiteral("path")))
        return CodeLiteral::python(args.value(QStringLiteral("path")).toString());
    const QString host = args.value(QStringLiteral("host")).toString();
    return QStringLiteral("(") + CodeLiteral::python(host) + QStringLiteral(", ") +
           QString::number(args.value(QStringLiteral("port")).toInt()) + QLatin1Char(')');
}

QString module(const QString &name)
{
    return QStringLiteral("socket.") + name;
}
// A socket the program had before it was attached to: no call made it here, so a comment.
QString existingSocket(const QString &var, const QVariantMap &a)
{
    QString text =
        QStringLiteral("# %1 was open before watching began: %2, %3")
            .arg(var, module(SocketNames::family(a.value(QStringLiteral("family")).toInt())),
                 module(SocketNames::type(a.value(QStringLiteral("type")).toInt())));
    const SocketAddress local =
        SocketAddress::fromVariant(a.value(QStringLiteral("local")).toMap());
    const SocketAddress peer = SocketAddress::fromVariant(a.value(QStringLiteral("peer")).toMap());
    const QString state = a.value(QStringLiteral("state")).toString();
    if (!state.isEmpty())
        text += QStringLiteral(", ") + state;
    if (local.isValid())
        text += QStringLiteral(" at ") + local.pythonTuple();
    if (peer.isValid())
        text += QStringLiteral(" ↔ ") + peer.pythonTuple();
    return text;
}
} // namespace

QString PythonForm::statement(const SocketEvent &e)
{
    const QString var = SocketName::of(e);
    const QVariantMap &a = e.args;
    switch (e.call) {
    case SocketCall::None:
        return QString();
    case SocketCall::Socket:
        if (a.value(QStringLiteral("existing")).toBool())
            return existingSocket(var, a);
        return QStringLiteral("%1 = socket.socket(%2, %3, %4)")
            .arg(var, module(SocketNames::family(a.value(QStringLiteral("family")).toInt())),
                 module(SocketNames::type(a.value(QStringLiteral("type")).toInt())),
                 module(SocketNames::protocol(a.value(QStringLiteral("proto")).toInt())));
    case SocketCall::SetSockOpt: {
        const SocketOption *known = SocketOption::find(
            a.value(QStringLiteral("option"), QStringLiteral("SO_REUSEADDR")).toString());
        const int value = a.value(QStringLiteral("value"), 1).toInt();
        // Only names SocketLab offers become code; a trace may hold any text here.
        if (!known)
            return QStringLiteral("%1.setsockopt(...)  # an option SocketLab does not know")
                .arg(var);
        const QString &option = known->name;
        const QString &level = known->levelName;
        // SO_LINGER takes a struct linger: (on, seconds).
        const QString valueText = option == QLatin1String("SO_LINGER")
                                      ? QStringLiteral("struct.pack('ii', %1, %2)")
                                            .arg(value >= 0 ? 1 : 0)
                                            .arg(qMax(0, value))
                                      : QString::number(value);
        return QStringLiteral("%1.setsockopt(%2, %3, %4)")
            .arg(var, module(level), module(option), valueText);
    }
    case SocketCall::Bind:
        return QStringLiteral("%1.bind(%2)").arg(var, addressLiteral(a));
    case SocketCall::Listen:
        return QStringLiteral("%1.listen(%2)")
            .arg(var)
            .arg(a.value(QStringLiteral("backlog")).toInt());
    case SocketCall::Accept: {
        return QStringLiteral("%1, addr = %2.accept()").arg(SocketName::acceptedBy(e), var);
    }
    case SocketCall::Connect:
        return QStringLiteral("%1.connect(%2)").arg(var, addressLiteral(a));
    case SocketCall::Send:
    case SocketCall::SendAll: {
        const qint64 size = a.value(QStringLiteral("size")).toLongLong();
        QString data;
        if (a.contains(QStringLiteral("str"))) {
            data =
                CodeLiteral::python(a.value(QStringLiteral("str")).toString().left(previewBytes));
        } else if (e.data.isEmpty() && size > 0) {
            data = QStringLiteral("<%1>").arg(BytesFormat::byteCount(size));
        } else {
            data = BytesFormat::pythonLiteral(e.data, previewBytes);
            if (e.data.size() < size && e.data.size() <= previewBytes)
                data += QChar(0x2026); // the log kept only the preview
        }
        return QStringLiteral("%1.%2(%3)").arg(var, socketCallName(e.call), data);
    }
    case SocketCall::Recv:
        return QStringLiteral("%1 = %2.recv(%3)")
            .arg(e.role == SocketRole::Client ? QStringLiteral("from_server")
                                              : QStringLiteral("msg"),
                 var)
            .arg(a.value(QStringLiteral("bufsize")).toInt());
    case SocketCall::SendTo: {
        const qint64 size = a.value(QStringLiteral("size")).toLongLong();
        QString data = e.data.isEmpty() && size > 0
                           ? QStringLiteral("<%1>").arg(BytesFormat::byteCount(size))
                           : BytesFormat::pythonLiteral(e.data, previewBytes);
        return QStringLiteral("%1.sendto(%2, %3)").arg(var, data, addressLiteral(a));
    }
    case SocketCall::RecvFrom:
        return QStringLiteral("data, addr = %1.recvfrom(%2)")
            .arg(var)
            .arg(a.value(QStringLiteral("bufsize")).toInt());
    case SocketCall::Shutdown:
        return QStringLiteral("%1.shutdown(%2)")
            .arg(var, module(SocketNames::shutdownHow(a.value(QStringLiteral("how")).toInt())));
    case SocketCall::Close:
        return QStringLiteral("%1.close()").arg(var);
    }
    return QString();
}

QString PythonForm::outcome(const SocketEvent &e)
{
    switch (e.phase) {
    case CallPhase::Started:
        return QString();
    case CallPhase::Blocked:
        return QStringLiteral("BLOCKED (waiting for the kernel)");
    case CallPhase::Failed:
        return e.error.pythonException();
    case CallPhase::Returned:
        break;
    }
    switch (e.call) {
    case SocketCall::Socket:
        return QStringLiteral("<socket fd=%1>").arg(e.result.toInt());
    case SocketCall::Bind: {
        const SocketAddress bound = SocketAddress::fromVariant(e.result.toMap());
        if (bound.isValid() && (bound.port() != e.args.value(QStringLiteral("port")).toInt() ||
                                e.args.contains(QStringLiteral("resolved"))))
            return QStringLiteral("None  (bound to %1)").arg(bound.pythonTuple());
        return QStringLiteral("None");
    }
    case SocketCall::Connect:
        if (e.args.contains(QStringLiteral("resolved")))
            return QStringLiteral("None  (%1 → %2)")
                .arg(e.args.value(QStringLiteral("host")).toString(),
                     e.args.value(QStringLiteral("resolved")).toString());
        return QStringLiteral("None");
    case SocketCall::Accept: {
        const SocketAddress peer =
            SocketAddress::fromVariant(e.result.toMap().value(QStringLiteral("address")).toMap());
        // A watched C program may pass no room for the peer's address (accept(s, NULL, NULL)).
        if (!peer.isValid())
            return QStringLiteral("<socket fd=%1>")
                .arg(e.result.toMap().value(QStringLiteral("fd")).toLongLong());
        // A dual-stack listener sees IPv4 clients through IPv6 glasses.
        if (peer.host().startsWith(QLatin1String("::ffff:")) &&
            peer.host().contains(QLatin1Char('.')))
            return QStringLiteral("%1  (an IPv4 client, %2, seen by an IPv6 socket as an "
                                  "IPv4-mapped address)")
                .arg(peer.pythonTuple(), peer.host().mid(7));
        return peer.pythonTuple();
    }
    case SocketCall::Send:
        return QString::number(e.result.toLongLong());
    case SocketCall::SendAll:
        return QStringLiteral("None  (%1 sent)").arg(BytesFormat::byteCount(e.byteCount));
    case SocketCall::Recv: {
        if (e.byteCount == 0 && e.args.value(QStringLiteral("bufsize")).toInt() > 0)
            return QStringLiteral("b''  (0 bytes: the peer closed its side)");
        const QString literal = e.data.size() < e.byteCount && e.data.isEmpty()
                                    ? QStringLiteral("<not kept>")
                                    : BytesFormat::pythonLiteral(e.data, previewBytes);
        return QStringLiteral("%1  (%2)").arg(literal, BytesFormat::byteCount(e.byteCount));
    }
    case SocketCall::SendTo:
        return QString::number(e.byteCount);
    case SocketCall::SetSockOpt: {
        const QVariantMap r = e.result.toMap();
        if (!r.contains(QStringLiteral("getsockopt")))
            return QStringLiteral("None");
        return QStringLiteral("None  (getsockopt now says %1)")
            .arg(r.value(QStringLiteral("getsockopt")).toInt());
    }
    case SocketCall::Close: {
        const QString removed = e.result.toMap().value(QStringLiteral("removed")).toString();
        return removed.isEmpty()
                   ? QStringLiteral("None")
                   : QStringLiteral("None  (and os.unlink('%1'): the socket file is gone)")
                         .arg(removed);
    }
    case SocketCall::RecvFrom: {
        const QVariantMap r = e.result.toMap();
        const QString from =
            SocketAddress::fromVariant(r.value(QStringLiteral("address")).toMap()).pythonTuple();
        const QString literal = BytesFormat::pythonLiteral(e.data, previewBytes);
        const qint64 length = r.value(QStringLiteral("datagram_length")).toLongLong();
        if (r.value(QStringLiteral("truncated")).toBool())
            return QStringLiteral("(%1, %2)  (TRUNCATED: the datagram had %3, only %4 fit the "
                                  "buffer; the rest is lost)")
                .arg(literal, from, BytesFormat::byteCount(length),
                     BytesFormat::byteCount(e.byteCount));
        return QStringLiteral("(%1, %2)  (%3)")
            .arg(literal, from, BytesFormat::byteCount(e.byteCount));
    }
    default:
        return QStringLiteral("None");
    }
}

QString PythonForm::repr(const SocketInfo &s)
{
    const bool closed = s.state == SocketState::Closed;
    QString text = QStringLiteral("<socket.socket %1fd=%2, family=%3, type=%4, proto=%5")
                       .arg(closed ? QStringLiteral("[closed] ") : QString())
                       .arg(closed ? -1 : s.fd)
                       .arg(s.family)
                       .arg(s.type)
                       .arg(s.protocol);
    if (closed)
        return text + QLatin1Char('>');
    // Python formats a Unix path bare (laddr=/run/x.sock), an internet address as a tuple.
    const auto address = [](const SocketAddress &a) {
        return a.family() == AF_UNIX ? a.host() : a.pythonTuple();
    };
    // Python asks getsockname(): an unbound internet socket answers the wildcard and port
    // 0, an unbound Unix socket an empty name, which Python leaves out.
    SocketAddress local = s.local;
    if (!local.isValid() && s.family == AF_INET)
        local = SocketAddress(AF_INET, QStringLiteral("0.0.0.0"), 0);
    else if (!local.isValid() && s.family == AF_INET6)
        local = SocketAddress(AF_INET6, QStringLiteral("::"), 0);
    if (local.isValid() && !(local.family() == AF_UNIX && local.host().isEmpty()))
        text += QStringLiteral(", laddr=") + address(local);
    if (s.peer.isValid() && !(s.peer.family() == AF_UNIX && s.peer.host().isEmpty()))
        text += QStringLiteral(", raddr=") + address(s.peer);
    return text + QLatin1Char('>');
}
