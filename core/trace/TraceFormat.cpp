// SPDX-License-Identifier: MIT
#include "trace/TraceFormat.h"

#include "calls/SocketName.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>

#include <QLocale>

#include <cmath>
#include <cstdio>

QJsonObject TraceFormat::toJson(const SocketEvent &e, qint64 maxDataBytes)
{
    QJsonObject o;
    o.insert(QStringLiteral("v"), version);
    o.insert(QStringLiteral("seq"), e.seq);
    // Rounded as a double: a time read from a foreign trace may not fit an integer.
    o.insert(QStringLiteral("t_ms"), std::round(e.tMs * 1000.0) / 1000.0);
    o.insert(QStringLiteral("socket"), e.socketId);
    if (!e.socketName.isEmpty())
        o.insert(QStringLiteral("name"), e.socketName);
    o.insert(QStringLiteral("call"), socketCallName(e.call));
    o.insert(QStringLiteral("phase"), callPhaseName(e.phase));
    o.insert(QStringLiteral("args"), QJsonObject::fromVariantMap(e.args));
    o.insert(QStringLiteral("result"), QJsonValue::fromVariant(e.result));
    if (!e.kernelState.isEmpty())
        o.insert(QStringLiteral("kernel_state"), e.kernelState);
    if (e.pid > 0)
        o.insert(QStringLiteral("pid"), e.pid);
    if (e.tid > 0)
        o.insert(QStringLiteral("tid"), e.tid);
    if (e.source.isValid())
        o.insert(QStringLiteral("source"), QJsonObject{{QStringLiteral("file"), e.source.file},
                                                       {QStringLiteral("line"), e.source.line},
                                                       {QStringLiteral("text"), e.source.text}});
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
    if (e.movesData())
        o.insert(QStringLiteral("bytes"), e.byteCount);
    // A send's started event has bytes about to go out but no count yet: keep them too.
    if (e.movesData() || !e.data.isEmpty()) {
        const qint64 kept = qMax<qint64>(0, qMin<qint64>(e.data.size(), maxDataBytes));
        o.insert(QStringLiteral("data_hex"), QString::fromLatin1(e.data.left(int(kept)).toHex()));
        const qint64 notKept = e.bytesNotKept + (e.data.size() - kept);
        if (notKept > 0)
            o.insert(QStringLiteral("bytes_not_kept"), notKept);
    }
    return o;
}

namespace {
// A JSON string, escaped as QJsonDocument escapes one.
void appendString(QByteArray *out, const QString &text)
{
    out->append('"');
    for (const char c : text.toUtf8()) {
        switch (c) {
        case '"':
            out->append("\\\"");
            break;
        case '\\':
            out->append("\\\\");
            break;
        case '\b':
            out->append("\\b");
            break;
        case '\f':
            out->append("\\f");
            break;
        case '\n':
            out->append("\\n");
            break;
        case '\r':
            out->append("\\r");
            break;
        case '\t':
            out->append("\\t");
            break;
        default:
            if (uchar(c) < 0x20) {
                char escaped[8];
                std::snprintf(escaped, sizeof escaped, "\\u%04x", uchar(c));
                out->append(escaped);
            } else {
                out->append(c);
            }
        }
    }
    out->append('"');
}

// A value of the kinds the fast line writes: an integer, a string or nothing.
bool isPlain(const QVariant &v)
{
    switch (v.typeId()) {
    case QMetaType::Int:
    case QMetaType::LongLong:
    case QMetaType::UInt:
    case QMetaType::QString:
        return true;
    default:
        return v.isNull() && !v.isValid();
    }
}

void appendPlain(QByteArray *out, const QVariant &v)
{
    if (v.typeId() == QMetaType::QString)
        appendString(out, v.toString());
    else if (!v.isValid())
        out->append("null");
    else
        out->append(QByteArray::number(v.toLongLong()));
}

// The line of a data call in a flood (integers and strings only) written directly, in the key
// order QJsonDocument uses (sorted): building a QJsonObject per event cost most of serve
// --trace's time. Anything else goes the general way.
bool fastLine(const SocketEvent &e, qint64 maxDataBytes, QByteArray *out)
{
    if (e.error.isError() || e.source.isValid() || !isPlain(e.result))
        return false;
    for (auto it = e.args.cbegin(); it != e.args.cend(); ++it) {
        if (!isPlain(it.value()))
            return false;
    }
    out->reserve(160 + 2 * int(qMin<qint64>(e.data.size(), maxDataBytes)));
    out->append("{\"args\":{");
    for (auto it = e.args.cbegin(); it != e.args.cend(); ++it) { // QVariantMap is sorted too
        if (it != e.args.cbegin())
            out->append(',');
        appendString(out, it.key());
        out->append(':');
        appendPlain(out, it.value());
    }
    out->append('}');
    const bool data = e.movesData() || !e.data.isEmpty();
    const qint64 kept = qMax<qint64>(0, qMin<qint64>(e.data.size(), maxDataBytes));
    const qint64 notKept = e.bytesNotKept + (e.data.size() - kept);
    if (e.movesData())
        out->append(",\"bytes\":").append(QByteArray::number(e.byteCount));
    if (data && notKept > 0)
        out->append(",\"bytes_not_kept\":").append(QByteArray::number(notKept));
    out->append(",\"call\":");
    appendString(out, socketCallName(e.call));
    if (data)
        out->append(",\"data_hex\":\"").append(e.data.left(int(kept)).toHex()).append('"');
    if (!e.kernelState.isEmpty()) {
        out->append(",\"kernel_state\":");
        appendString(out, e.kernelState);
    }
    if (!e.socketName.isEmpty()) {
        out->append(",\"name\":");
        appendString(out, e.socketName);
    }
    out->append(",\"phase\":");
    appendString(out, callPhaseName(e.phase));
    if (e.pid > 0)
        out->append(",\"pid\":").append(QByteArray::number(e.pid));
    out->append(",\"result\":");
    appendPlain(out, e.result);
    out->append(",\"seq\":").append(QByteArray::number(e.seq));
    out->append(",\"socket\":");
    appendString(out, e.socketId);
    out->append(",\"t_ms\":")
        .append(QByteArray::number(std::round(e.tMs * 1000.0) / 1000.0, 'g',
                                   QLocale::FloatingPointShortest));
    if (e.tid > 0)
        out->append(",\"tid\":").append(QByteArray::number(e.tid));
    out->append(",\"v\":").append(QByteArray::number(TraceFormat::version));
    out->append("}\n");
    return true;
}
} // namespace

QByteArray TraceFormat::toLine(const SocketEvent &event, qint64 maxDataBytes)
{
    QByteArray line;
    if (fastLine(event, maxDataBytes, &line))
        return line;
    return QJsonDocument(toJson(event, maxDataBytes)).toJson(QJsonDocument::Compact) + '\n';
}

namespace {
bool callFromName(const QString &name, SocketCall *call)
{
    for (int c = int(SocketCall::Socket); c <= int(SocketCall::Close); ++c) {
        if (socketCallName(SocketCall(c)) == name) {
            *call = SocketCall(c);
            return true;
        }
    }
    return false;
}

bool phaseFromName(const QString &name, CallPhase *phase)
{
    for (CallPhase p :
         {CallPhase::Started, CallPhase::Blocked, CallPhase::Returned, CallPhase::Failed}) {
        if (callPhaseName(p) == name) {
            *phase = p;
            return true;
        }
    }
    return false;
}
} // namespace

bool TraceFormat::fromLine(const QByteArray &line, SocketEvent *e, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(line, &parseError);
    if (!doc.isObject()) {
        *error = parseError.error != QJsonParseError::NoError ? parseError.errorString()
                                                              : QStringLiteral("not a JSON object");
        return false;
    }
    const QJsonObject o = doc.object();
    *e = SocketEvent();
    const QJsonValue v = o.value(QStringLiteral("v"));
    if (!v.isUndefined() && (!v.isDouble() || v.toDouble() != std::floor(v.toDouble()) ||
                             v.toDouble() < 1 || v.toDouble() > version)) {
        *error = v.isDouble() && v.toDouble() > version
                     ? QStringLiteral("written by a newer SocketLab (trace format %1; this one "
                                      "reads up to %2)")
                           .arg(v.toDouble())
                           .arg(version)
                     : QStringLiteral("\"v\" is not a trace format version");
        return false;
    }
    e->socketId = o.value(QStringLiteral("socket")).toString();
    if (e->socketId.isEmpty()) {
        *error = QStringLiteral("no \"socket\"");
        return false;
    }
    if (!callFromName(o.value(QStringLiteral("call")).toString(), &e->call)) {
        *error =
            QStringLiteral("unknown call \"%1\"").arg(o.value(QStringLiteral("call")).toString());
        return false;
    }
    if (!phaseFromName(o.value(QStringLiteral("phase")).toString(), &e->phase)) {
        *error =
            QStringLiteral("unknown phase \"%1\"").arg(o.value(QStringLiteral("phase")).toString());
        return false;
    }
    e->role = socketRoleOf(e->socketId);
    e->seq = o.value(QStringLiteral("seq")).toInteger();
    e->tMs = o.value(QStringLiteral("t_ms")).toDouble();
    // Milliseconds since the session began: found by scripts/fuzz, a value like 6.8e19
    // cannot come from a session, so it is refused rather than carried along.
    if (!std::isfinite(e->tMs) || e->tMs < 0 || e->tMs > maxTimeMs) {
        *error = QStringLiteral("t_ms %1 is out of range (0 to %2)").arg(e->tMs).arg(maxTimeMs);
        return false;
    }
    // Names become identifiers in generated programs: one not of the course's shape is
    // dropped, and the socket is named by its id as in traces from before names.
    const QString name = o.value(QStringLiteral("name")).toString();
    if (SocketName::isValid(name))
        e->socketName = name;
    e->args = o.value(QStringLiteral("args")).toObject().toVariantMap();
    e->result = o.value(QStringLiteral("result")).toVariant();
    if (e->result.typeId() == QMetaType::QVariantMap) {
        QVariantMap result = e->result.toMap();
        if (result.contains(QStringLiteral("name")) &&
            !SocketName::isValid(result.value(QStringLiteral("name")).toString())) {
            result.remove(QStringLiteral("name"));
            e->result = result;
        }
    }
    e->kernelState = o.value(QStringLiteral("kernel_state")).toString();
    e->pid = qMax<qint64>(0, o.value(QStringLiteral("pid")).toInteger());
    e->tid = qMax<qint64>(0, o.value(QStringLiteral("tid")).toInteger());
    // Only shown, never run; cut to what a line of a program can be.
    const QJsonObject source = o.value(QStringLiteral("source")).toObject();
    const int sourceLine = source.value(QStringLiteral("line")).toInt();
    if (sourceLine > 0)
        e->source = {source.value(QStringLiteral("file")).toString().left(maxSourceText),
                     sourceLine,
                     source.value(QStringLiteral("text")).toString().left(maxSourceText)};
    if (o.contains(QStringLiteral("bytes")))
        e->byteCount = o.value(QStringLiteral("bytes")).toInteger();
    if (o.contains(QStringLiteral("data_hex"))) {
        const QString hex = o.value(QStringLiteral("data_hex")).toString();
        e->data = QByteArray::fromHex(hex.toLatin1());
        if (hex.size() % 2 != 0 || e->data.size() * 2 != hex.size()) {
            *error = QStringLiteral("data_hex is not hex");
            return false;
        }
        e->bytesNotKept = o.value(QStringLiteral("bytes_not_kept")).toInteger();
    }
    const QJsonObject err = o.value(QStringLiteral("error")).toObject();
    if (!err.isEmpty()) {
        const QString name = err.value(QStringLiteral("name")).toString();
        const QString message = err.value(QStringLiteral("message")).toString();
        const QString hint = err.value(QStringLiteral("hint")).toString();
        const int code = err.value(QStringLiteral("errno")).toInt();
        if (name == QLatin1String("cancelled"))
            e->error = CallError::cancelled(message);
        else if (name.startsWith(QLatin1String("EAI_")))
            e->error = CallError::fromResolver(code, message, hint);
        else if (err.value(QStringLiteral("errno")).isDouble())
            e->error = CallError::fromErrno(code, hint);
        else
            e->error = CallError::usage(name, message, hint);
    }
    return true;
}

bool TraceFormat::readFile(const QString &path, QVector<SocketEvent> *events, QString *error,
                           QString *warning)
{
    const QFileInfo info(path);
    if (!info.exists()) {
        *error = QStringLiteral("no such trace file");
        return false;
    }
    if (!info.isFile()) {
        *error = QStringLiteral("not a regular file (a folder, pipe or device is no trace)");
        return false;
    }
    if (info.size() > maxFileBytes) {
        *error =
            QStringLiteral("%1 bytes; a trace is at most %2").arg(info.size()).arg(maxFileBytes);
        return false;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return false;
    }
    // Read at most the size checked above: the file may grow while it is read.
    const QList<QByteArray> lines = file.read(maxFileBytes + 1).split('\n');
    int last = int(lines.size()) - 1;
    while (last >= 0 && lines.at(last).trimmed().isEmpty())
        --last;
    for (int i = 0; i <= last; ++i) {
        const QByteArray line = lines.at(i).trimmed();
        if (line.isEmpty())
            continue;
        SocketEvent e;
        QString why;
        if (!fromLine(line, &e, &why)) {
            if (i == last) {
                *warning = QStringLiteral("line %1 is damaged (%2) and was left out; the %3 "
                                          "events before it were read")
                               .arg(i + 1)
                               .arg(why)
                               .arg(events->size());
                return true;
            }
            *error = QStringLiteral("line %1: %2").arg(i + 1).arg(why);
            return false;
        }
        events->append(e);
    }
    return true;
}
