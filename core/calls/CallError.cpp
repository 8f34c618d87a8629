// SPDX-License-Identifier: MIT
#include "calls/CallError.h"

#include "calls/ErrnoCatalog.h"

#include <cerrno>
#include <cstring>

CallError CallError::fromErrno(int error, const QString &hint)
{
    CallError e;
    e.m_kind = Kind::Errno;
    e.m_code = error;
    e.m_name = ErrnoCatalog::name(error);
    e.m_message = QString::fromLocal8Bit(std::strerror(error));
    e.m_hint = hint;
    return e;
}

CallError CallError::fromResolver(int code, const QString &message, const QString &hint)
{
    CallError e;
    e.m_kind = Kind::Resolver;
    e.m_code = code;
    e.m_name = ErrnoCatalog::resolverName(code);
    e.m_message = message;
    e.m_hint = hint;
    return e;
}

CallError CallError::usage(const QString &name, const QString &message, const QString &hint)
{
    CallError e;
    e.m_kind = Kind::Usage;
    e.m_name = name;
    e.m_message = message;
    e.m_hint = hint;
    return e;
}

CallError CallError::cancelled(const QString &message)
{
    CallError e;
    e.m_kind = Kind::Cancelled;
    e.m_name = QStringLiteral("cancelled");
    e.m_message = message;
    return e;
}

QString CallError::pythonException() const
{
    switch (m_kind) {
    case Kind::None:
        return QString();
    case Kind::Errno: {
        QString cls = QStringLiteral("OSError");
        switch (m_code) {
        case ECONNREFUSED:
            cls = QStringLiteral("ConnectionRefusedError");
            break;
        case ECONNRESET:
            cls = QStringLiteral("ConnectionResetError");
            break;
        case ECONNABORTED:
            cls = QStringLiteral("ConnectionAbortedError");
            break;
        case EPIPE:
        case ESHUTDOWN:
            cls = QStringLiteral("BrokenPipeError");
            break;
        case ETIMEDOUT:
            cls = QStringLiteral("TimeoutError");
            break;
        case EAGAIN:
        case EINPROGRESS:
            cls = QStringLiteral("BlockingIOError");
            break;
        }
        return QStringLiteral("%1: [Errno %2] %3").arg(cls).arg(m_code).arg(m_message);
    }
    case Kind::Resolver:
        return QStringLiteral("socket.gaierror: [Errno %1] %2").arg(m_code).arg(m_message);
    case Kind::Usage:
        return QStringLiteral("%1: %2").arg(m_name, m_message);
    case Kind::Cancelled:
        return QStringLiteral("(cancelled: %1)").arg(m_message);
    }
    return QString();
}
