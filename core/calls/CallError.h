// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

// Why a call failed, as a value that can cross threads: a kind, the system's code and name
// (ECONNREFUSED, EAI_NONAME), the system's text, and a hint for a student.
class CallError
{
public:
    enum class Kind
    {
        None,
        Errno,     // the kernel returned -1 and set errno
        Resolver,  // getaddrinfo failed with an EAI_* code
        Usage,     // SocketLab refused the arguments before any system call (bad port…)
        Cancelled, // a blocked call ended because its socket was closed or the app quit
    };

    CallError() = default;
    static CallError fromErrno(int error, const QString &hint);
    static CallError fromResolver(int code, const QString &message, const QString &hint);
    static CallError usage(const QString &name, const QString &message, const QString &hint);
    static CallError cancelled(const QString &message);

    bool isError() const { return m_kind != Kind::None; }
    Kind kind() const { return m_kind; }
    int code() const { return m_code; }
    QString name() const { return m_name; }
    QString message() const { return m_message; }
    QString hint() const { return m_hint; }

    // What Python would print, e.g. "ConnectionRefusedError: [Errno 111] Connection refused".
    QString pythonException() const;

private:
    Kind m_kind = Kind::None;
    int m_code = 0;
    QString m_name;
    QString m_message;
    QString m_hint;
};
