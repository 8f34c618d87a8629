// SPDX-License-Identifier: MIT
#include "present/SequenceModel.h"

#include "calls/SocketAddress.h"
#include "calls/SocketName.h"
#include "present/BytesFormat.h"

#include <QCoreApplication>

namespace {
QString keyOf(const SocketAddress &a)
{
    return a.host() + QLatin1Char(':') + QString::number(a.port());
}

QString streamKey(const QString &from, const QString &to)
{
    return from + QLatin1Char('>') + to;
}
} // namespace

void SequenceModel::clear()
{
    *this = SequenceModel();
}

int SequenceModel::newRow(qint64 seq)
{
    m_seqRow.insert(seq, m_rowSeq.size());
    m_rowSeq.append(seq);
    return m_rowSeq.size() - 1;
}

int SequenceModel::lifeline(const SocketEvent &event, int row)
{
    auto it = m_lifelineIndex.constFind(event.socketId);
    if (it != m_lifelineIndex.constEnd()) {
        if (!event.socketName.isEmpty() && m_lifelines.at(*it).name != event.socketName)
            m_lifelines[*it].name = event.socketName; // a lesson took the socket over
        return *it;
    }
    Lifeline l;
    l.socketId = event.socketId;
    l.name = SocketName::of(event);
    l.role = event.role;
    l.firstRow = row;
    m_lifelines.append(l);
    m_lifelineIndex.insert(event.socketId, m_lifelines.size() - 1);
    return m_lifelines.size() - 1;
}

QString SequenceModel::peerOf(const QString &socketId) const
{
    return m_peer.value(socketId);
}

void SequenceModel::endBar(int lifelineIndex, int row)
{
    const QString id = m_lifelines.at(lifelineIndex).socketId;
    auto it = m_openBar.find(id);
    if (it == m_openBar.end())
        return;
    m_bars[*it].toRow = row;
    m_openBar.erase(it);
}

void SequenceModel::addEvent(const SocketEvent &e)
{
    if (e.phase == CallPhase::Started || e.call == SocketCall::None)
        return;
    const int row = newRow(e.seq);
    const int li = lifeline(e, row);
    if (e.phase == CallPhase::Blocked) {
        m_bars.append({li, row, -1, socketCallName(e.call), e.seq});
        m_openBar.insert(e.socketId, m_bars.size() - 1);
        return;
    }
    endBar(li, row);

    if (e.phase == CallPhase::Failed) {
        const QString name = e.error.name();
        const QString peer = peerOf(e.socketId);
        if ((name == QLatin1String("ECONNRESET") || name == QLatin1String("EPIPE")) &&
            m_lifelineIndex.contains(peer)) {
            Arrow rst;
            rst.kind = ArrowKind::Rst;
            rst.from = m_lifelineIndex.value(peer);
            rst.to = li;
            rst.fromRow = row;
            rst.toRow = row;
            rst.label = QStringLiteral("RST");
            rst.seq = e.seq;
            m_arrows.append(rst);
        }
        m_marks.append(
            {li, row, QStringLiteral("%1 ✗ %2").arg(socketCallName(e.call), name), e.seq, true});
        if (e.call == SocketCall::Close)
            m_lifelines[li].lastRow = row;
        return;
    }

    switch (e.call) {
    case SocketCall::Bind:
        m_listenerByAddress.insert(keyOf(SocketAddress::fromVariant(e.result.toMap())), e.socketId);
        m_marks.append(
            {li, row,
             QStringLiteral("bind %1").arg(SocketAddress::fromVariant(e.result.toMap()).display()),
             e.seq, false});
        break;
    case SocketCall::Accept:
        onAccepted(e, row);
        break;
    case SocketCall::Connect:
        onConnected(e, row);
        break;
    case SocketCall::Send:
    case SocketCall::SendAll:
        onSent(e, row);
        break;
    case SocketCall::Recv:
        onReceived(e, row);
        break;
    case SocketCall::SendTo:
        onDatagramSent(e, row);
        break;
    case SocketCall::RecvFrom:
        onDatagramReceived(e, row);
        break;
    case SocketCall::Shutdown:
        if (e.args.value(QStringLiteral("how")).toInt() != SHUT_RD)
            onFin(e, row);
        else
            m_marks.append({li, row, QStringLiteral("shutdown(SHUT_RD)"), e.seq, false});
        break;
    case SocketCall::Close:
        onFin(e, row);
        m_lifelines[li].lastRow = row;
        break;
    case SocketCall::Listen:
        m_marks.append(
            {li, row,
             QStringLiteral("listen(%1)").arg(e.args.value(QStringLiteral("backlog")).toInt()),
             e.seq, false});
        break;
    default:
        m_marks.append({li, row, socketCallName(e.call) + QStringLiteral("()"), e.seq, false});
        break;
    }
}

void SequenceModel::onAccepted(const SocketEvent &e, int row)
{
    const QVariantMap result = e.result.toMap();
    const QString conn = result.value(QStringLiteral("socket")).toString();
    const SocketAddress peer =
        SocketAddress::fromVariant(result.value(QStringLiteral("address")).toMap());
    SocketEvent born;
    born.socketId = conn;
    born.socketName = SocketName::acceptedBy(e);
    born.role = SocketRole::Connection;
    lifeline(born, row);
    m_marks.append({m_lifelineIndex.value(e.socketId), row,
                    QStringLiteral("accept → %1").arg(born.socketName), e.seq, false});
    m_connByPeer.insert(keyOf(peer), conn);
    const QString client = m_clientByLocal.value(keyOf(peer));
    if (!client.isEmpty())
        pair(client, conn);
}

void SequenceModel::onConnected(const SocketEvent &e, int row)
{
    const int li = m_lifelineIndex.value(e.socketId);
    const SocketAddress local =
        SocketAddress::fromVariant(e.result.toMap().value(QStringLiteral("local")).toMap());
    m_clientByLocal.insert(keyOf(local), e.socketId);
    // The listener this client reached: by the address it connected to, or by port alone
    // when the listener is bound to every address (0.0.0.0, ::).
    const SocketAddress target =
        SocketAddress::fromVariant(e.args.value(QStringLiteral("address")).toMap());
    QString listener = m_listenerByAddress.value(keyOf(target));
    for (auto it = m_listenerByAddress.constBegin();
         listener.isEmpty() && it != m_listenerByAddress.constEnd(); ++it) {
        if (it.key().endsWith(QLatin1Char(':') + QString::number(target.port())))
            listener = it.value();
    }
    const int server = m_lifelineIndex.value(listener, -1);
    const struct
    {
        ArrowKind kind;
        const char *label;
        bool toServer;
    } handshake[] = {{ArrowKind::Syn, "SYN", true},
                     {ArrowKind::SynAck, "SYN-ACK", false},
                     {ArrowKind::Ack, "ACK", true}};
    for (int lane = 0; lane < 3; ++lane) {
        Arrow a;
        a.kind = handshake[lane].kind;
        a.from = handshake[lane].toServer ? li : server;
        a.to = handshake[lane].toServer ? server : li;
        a.fromRow = row;
        a.toRow = row;
        a.lane = lane;
        // What the kernel sends is named as on the wire; that it was inferred is said in the
        // window's language.
        a.label = QCoreApplication::translate("SequenceModel", "%1 (inferred)")
                      .arg(QLatin1String(handshake[lane].label));
        a.seq = e.seq;
        m_arrows.append(a);
    }
    const QString conn = m_connByPeer.value(keyOf(local));
    if (!conn.isEmpty())
        pair(e.socketId, conn);
}

void SequenceModel::pair(const QString &a, const QString &b)
{
    m_peer.insert(a, b);
    m_peer.insert(b, a);
    // Data or a FIN sent before the other end existed in the diagram now has somewhere to go.
    const int la = m_lifelineIndex.value(a), lb = m_lifelineIndex.value(b);
    for (Arrow &arrow : m_arrows) {
        if (arrow.to == -1 && arrow.from == la &&
            (arrow.kind == ArrowKind::Data || arrow.kind == ArrowKind::Fin))
            arrow.to = lb;
        else if (arrow.to == -1 && arrow.from == lb &&
                 (arrow.kind == ArrowKind::Data || arrow.kind == ArrowKind::Fin))
            arrow.to = la;
    }
}

void SequenceModel::onSent(const SocketEvent &e, int row)
{
    const qint64 n = e.byteCount > 0 ? e.byteCount : 0;
    if (n == 0)
        return;
    const QString peer = peerOf(e.socketId);
    Arrow a;
    a.kind = ArrowKind::Data;
    a.from = m_lifelineIndex.value(e.socketId);
    a.to = m_lifelineIndex.value(peer, -1);
    a.fromRow = row;
    a.toRow = row;
    a.bytes = n;
    a.label = QStringLiteral("%1  %2").arg(BytesFormat::byteCount(n),
                                           BytesFormat::pythonLiteral(e.data, 16));
    a.seq = e.seq;
    a.pending = true;
    m_arrows.append(a);
    // The stream is keyed by the sender alone until the receiver is known: only one
    // connection per socket, so "from>" is unambiguous.
    Stream &stream = m_streams[streamKey(e.socketId, QString())];
    stream.segments.append(
        {int(m_arrows.size() - 1), stream.written, stream.written + n, row, e.seq, false});
    stream.written += n;
}

void SequenceModel::onReceived(const SocketEvent &e, int row)
{
    const int li = m_lifelineIndex.value(e.socketId);
    const QString peer = peerOf(e.socketId);
    if (e.byteCount == 0) {
        auto fin = m_pendingFin.find(e.socketId);
        if (fin != m_pendingFin.end()) {
            m_arrows[*fin].toRow = row;
            m_arrows[*fin].pending = false;
            m_pendingFin.erase(fin);
        } else {
            m_marks.append({li, row, QStringLiteral("recv → b'' (peer closed)"), e.seq, false});
        }
        return;
    }
    Stream &stream = m_streams[streamKey(peer, QString())];
    const qint64 begin = stream.read;
    const qint64 end = begin + e.byteCount;
    stream.read = end;
    bool drawn = false;
    // Only segments not yet read completely can overlap: a long flood stays linear.
    for (int i = stream.firstUnread; i < stream.segments.size(); ++i) {
        Segment &segment = stream.segments[i];
        if (segment.begin >= end)
            break;
        const qint64 from = qMax(begin, segment.begin);
        const qint64 to = qMin(end, segment.end);
        if (from >= to)
            continue;
        drawn = true;
        const qint64 total = segment.end - segment.begin;
        const QString label = to - from == total
                                  ? m_arrows.at(segment.arrow).label
                                  : QStringLiteral("%1 of %2 bytes").arg(to - from).arg(total);
        if (!segment.drawn) {
            // The send's own arrow now ends at its first read.
            Arrow &first = m_arrows[segment.arrow];
            first.to = li;
            first.toRow = row;
            first.pending = false;
            first.label = label;
            segment.drawn = true;
        } else {
            Arrow more = m_arrows.at(segment.arrow);
            more.toRow = row;
            more.label = label;
            m_arrows.append(more);
        }
        if (segment.end <= end)
            stream.firstUnread = i + 1;
    }
    if (!drawn)
        m_marks.append({li, row, QStringLiteral("recv %1").arg(BytesFormat::byteCount(e.byteCount)),
                        e.seq, false});
}

void SequenceModel::onDatagramSent(const SocketEvent &e, int row)
{
    // Each datagram is its own arrow, from the sender to whoever bound the address it was
    // sent to; it stays dashed until a recvfrom takes it.
    const SocketAddress target =
        SocketAddress::fromVariant(e.args.value(QStringLiteral("address")).toMap());
    const SocketAddress local =
        SocketAddress::fromVariant(e.args.value(QStringLiteral("local")).toMap());
    Arrow a;
    a.kind = ArrowKind::Data;
    a.from = m_lifelineIndex.value(e.socketId);
    a.to = m_lifelineIndex.value(m_listenerByAddress.value(keyOf(target)), -1);
    a.fromRow = row;
    a.toRow = row;
    a.bytes = qMax<qint64>(0, e.byteCount);
    a.label = QStringLiteral("datagram %1  %2")
                  .arg(BytesFormat::byteCount(a.bytes), BytesFormat::pythonLiteral(e.data, 16));
    a.seq = e.seq;
    a.pending = true;
    m_arrows.append(a);
    // A socket that never called bind sends from the wildcard address: its datagrams arrive
    // from 127.0.0.1 (or whichever address routed them), so it is known by its port alone.
    const bool wildcard =
        local.host() == QLatin1String("0.0.0.0") || local.host() == QLatin1String("::");
    m_datagramsFrom[wildcard ? QStringLiteral("*:%1").arg(local.port()) : keyOf(local)].append(
        int(m_arrows.size() - 1));
}

void SequenceModel::onDatagramReceived(const SocketEvent &e, int row)
{
    const int li = m_lifelineIndex.value(e.socketId);
    const QVariantMap result = e.result.toMap();
    const SocketAddress from =
        SocketAddress::fromVariant(result.value(QStringLiteral("address")).toMap());
    const bool truncated = result.value(QStringLiteral("truncated")).toBool();
    const QString exact = keyOf(from);
    const QString byPort = QStringLiteral("*:%1").arg(from.port());
    QList<int> &queue = m_datagramsFrom[m_datagramsFrom.value(exact).isEmpty() ? byPort : exact];
    if (queue.isEmpty()) {
        // From a program outside this session: no arrow to draw, only what arrived.
        m_marks.append({li, row,
                        QStringLiteral("recvfrom %1 from %2")
                            .arg(BytesFormat::byteCount(e.byteCount), from.display()),
                        e.seq, false});
        return;
    }
    Arrow &a = m_arrows[queue.takeFirst()];
    a.to = li;
    a.toRow = row;
    a.pending = false;
    if (truncated)
        a.label += QStringLiteral("  (cut to %1)").arg(BytesFormat::byteCount(e.byteCount));
}

void SequenceModel::onFin(const SocketEvent &e, int row)
{
    const int li = m_lifelineIndex.value(e.socketId);
    const QString peer = peerOf(e.socketId);
    const bool connected = !peer.isEmpty() || m_clientByLocal.values().contains(e.socketId);
    const bool alreadySent = m_finSent.contains(e.socketId);
    if (!connected || alreadySent) {
        m_marks.append({li, row, socketCallName(e.call) + QStringLiteral("()"), e.seq, false});
        return;
    }
    m_finSent.insert(e.socketId);
    Arrow fin;
    fin.kind = ArrowKind::Fin;
    fin.from = li;
    fin.to = m_lifelineIndex.value(peer, -1);
    fin.fromRow = row;
    fin.toRow = row;
    fin.label = QStringLiteral("FIN");
    fin.seq = e.seq;
    fin.pending = true;
    m_arrows.append(fin);
    if (!peer.isEmpty())
        m_pendingFin.insert(peer, m_arrows.size() - 1);
}
