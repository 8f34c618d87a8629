#include "TraceFormat.h"

#include <QJsonDocument>

QJsonObject TraceFormat::toJson(const SocketEvent &e, qint64 maxDataBytes)
{
    QJsonObject o;
    o.insert(QStringLiteral("seq"), e.seq);
    o.insert(QStringLiteral("t_ms"), qRound64(e.tMs * 1000.0) / 1000.0);
    o.insert(QStringLiteral("socket"), e.socketId);
    o.insert(QStringLiteral("call"), socketCallName(e.call));
    o.insert(QStringLiteral("phase"), callPhaseName(e.phase));
    o.insert(QStringLiteral("args"), QJsonObject::fromVariantMap(e.args));
    o.insert(QStringLiteral("result"), QJsonValue::fromVariant(e.result));
    if (!e.kernelState.isEmpty())
        o.insert(QStringLiteral("kernel_state"), e.kernelState);
    if (e.error.isError()) {
        QJsonObject error{{QStringLiteral("name"), e.error.name()},
                          {QStringLiteral("message"), e.error.message()},
                          {QStringLiteral("hint"), e.error.hint()}};
        error.insert(QStringLiteral("errno"), e.error.kind() == CallError::Kind::Errno ||
                                                      e.error.kind() == CallError::Kind::Resolver
                                                  ? QJsonValue(e.error.code())
                                                  : QJsonValue());
        o.insert(QStringLiteral("error"), error);
    }
    if (e.movesData()) {
        o.insert(QStringLiteral("bytes"), e.byteCount);
        const qint64 kept = qMax<qint64>(0, qMin<qint64>(e.data.size(), maxDataBytes));
        o.insert(QStringLiteral("data_hex"), QString::fromLatin1(e.data.left(int(kept)).toHex()));
        const qint64 notKept = e.bytesNotKept + (e.data.size() - kept);
        if (notKept > 0)
            o.insert(QStringLiteral("bytes_not_kept"), notKept);
    }
    return o;
}

QByteArray TraceFormat::toLine(const SocketEvent &event, qint64 maxDataBytes)
{
    return QJsonDocument(toJson(event, maxDataBytes)).toJson(QJsonDocument::Compact) + '\n';
}
