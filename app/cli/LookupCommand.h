// SPDX-License-Identifier: MIT
#pragma once

#include <QHash>
#include <QJsonValue>
#include <QStringList>

// socketlab-cli lookup: the socket module tour on the console. Each subcommand answers
// with real calls on this machine, as text or (--json) as JSON.
class LookupCommand
{
public:
    // Returns the exit code: 0, 1 when the lookup failed (with its EAI/errno name on
    // stderr), 2 for bad arguments.
    int run(const QStringList &arguments);

private:
    int constants(const QStringList &args);
    int value(const QStringList &args);
    int addrinfo(const QStringList &args);
    int service(const QStringList &args, bool byPort);
    int host(const QStringList &args);
    int hostname();
    int interfaces();
    int defaults();
    int portOwner(const QStringList &args);

    int usageError(const QString &message);
    int lookupFailed(const QString &what, const QString &name, const QString &message,
                     const QString &hint);
    void print(const QString &text, const QJsonValue &json);

    bool m_json = false;
    QHash<QString, QString> m_options; // --family, --proto, …: their values ("" if not given)
};
