// SPDX-License-Identifier: MIT
#pragma once

#include "calls/SocketEvent.h"

#include <QHash>
#include <QSet>
#include <QString>
#include <QVector>

// What the sequence diagram draws, computed from events only (after Wireshark's flow graph:
// the view paints, the model decides). Time flows down in rows, one row per event that
// ended or blocked a call; each socket has a lifeline. What crossed the network is inferred
// from the calls: the handshake from connect, data from sends matched byte by byte to the
// recvs that read them (so one send read by two recvs fans out, and two sends read by one
// recv converge), FIN from close or shutdown, RST from a reset error.
class SequenceModel
{
public:
    struct Lifeline
    {
        QString socketId;
        QString name; // shown in the header: the socket's latest name (see SocketName)
        SocketRole role = SocketRole::Client;
        int firstRow = 0;
        int lastRow = -1; // -1 while open
    };
    enum class ArrowKind
    {
        Syn,
        SynAck,
        Ack,
        Data,
        Fin,
        Rst
    };
    struct Arrow
    {
        ArrowKind kind = ArrowKind::Data;
        int from = -1; // lifeline index
        int to = -1;
        int fromRow = 0;
        int toRow = 0;
        qint64 bytes = 0;
        QString label;
        qint64 seq = 0;       // the event this arrow belongs to (the send, connect, close…)
        bool pending = false; // data not read yet, or a FIN not yet seen by the peer
        int lane = 0;         // 0–2: the handshake's three arrows share one row
    };
    struct Bar // a call blocked on a lifeline
    {
        int lifeline = -1;
        int fromRow = 0;
        int toRow = -1; // -1 while still blocked
        QString call;
        qint64 seq = 0;
    };
    struct Mark // a call that sent nothing over the network: bind, listen, …
    {
        int lifeline = -1;
        int row = 0;
        QString label;
        qint64 seq = 0;
        bool failed = false;
    };

    void addEvent(const SocketEvent &event);
    void clear();

    int rowCount() const { return m_rowSeq.size(); }
    qint64 seqOfRow(int row) const { return m_rowSeq.value(row); }
    int rowOfSeq(qint64 seq) const { return m_seqRow.value(seq, -1); }
    const QVector<Lifeline> &lifelines() const { return m_lifelines; }
    const QVector<Arrow> &arrows() const { return m_arrows; }
    const QVector<Bar> &bars() const { return m_bars; }
    const QVector<Mark> &marks() const { return m_marks; }
    int lifelineOf(const QString &socketId) const { return m_lifelineIndex.value(socketId, -1); }

private:
    struct Segment // bytes one send put into a stream, waiting to be read
    {
        int arrow;    // index of its first arrow (the send)
        qint64 begin; // stream offsets
        qint64 end;
        int fromRow;
        qint64 seq;
        bool drawn; // its pending arrow has been replaced by read arrows
    };
    struct Stream // one direction of one connection
    {
        QVector<Segment> segments;
        int firstUnread = 0; // segments before it are read completely
        qint64 written = 0;
        qint64 read = 0;
    };

    int newRow(qint64 seq);
    int lifeline(const SocketEvent &event, int row);
    QString peerOf(const QString &socketId) const;
    void onAccepted(const SocketEvent &event, int row);
    void onConnected(const SocketEvent &event, int row);
    void onSent(const SocketEvent &event, int row);
    void onDatagramSent(const SocketEvent &event, int row);
    void onDatagramReceived(const SocketEvent &event, int row);
    void onReceived(const SocketEvent &event, int row);
    void onFin(const SocketEvent &event, int row);
    void endBar(int lifelineIndex, int row);
    void pair(const QString &a, const QString &b);

    QVector<Lifeline> m_lifelines;
    QHash<QString, int> m_lifelineIndex;
    QVector<Arrow> m_arrows;
    QVector<Bar> m_bars;
    QVector<Mark> m_marks;
    QVector<qint64> m_rowSeq;
    QHash<qint64, int> m_seqRow;
    QHash<QString, QString> m_peer;              // socket id → its connection's other end
    QHash<QString, QString> m_clientByLocal;     // "host:port" a client got → client id
    QHash<QString, QString> m_connByPeer;        // "host:port" accept reported → conn id
    QHash<QString, Stream> m_streams;            // "from>to" → bytes on the way
    QHash<QString, int> m_pendingFin;            // socket that will see a FIN → arrow index
    QHash<QString, QList<int>> m_datagramsFrom;  // sender's address → its unread datagrams
    QHash<QString, QString> m_listenerByAddress; // "host:port" a listener bound → its id
    QHash<QString, int> m_openBar;               // socket id → index of its open bar
    QSet<QString> m_finSent;                     // sockets that already sent their FIN
};
