// SPDX-License-Identifier: MIT
#pragma once

#include "lookup/SocketConstant.h"

#include <QHash>
#include <QList>
#include <QStringList>

// Every socket constant this machine's headers define (generated at build time by
// cmake/GenerateConstants.cmake), grouped by prefix, with meanings and other systems'
// values from resources/constants/. Immutable once built, so any thread may read it.
class ConstantCatalog
{
public:
    static const ConstantCatalog &instance();

    // The groups the lookups panel offers: "AF_", "PF_", "SOCK_", …, "E".
    static QStringList groups();
    // The group a name belongs to (its longest known prefix), or empty.
    static QString groupOf(const QString &name);

    const QList<SocketConstant> &all() const { return m_all; }
    const SocketConstant *find(const QString &name) const;
    // Like the course's get_constants(prefix): every name starting with prefix, by value.
    QList<SocketConstant> withPrefix(const QString &prefix) const;
    // Every name with this value, in one group or (empty group) in all.
    QList<SocketConstant> withValue(qint64 value, const QString &group = QString()) const;
    // Sets of names in a group that share one value: what a {value: name} dict would hide.
    QList<QList<SocketConstant>> collisions(const QString &group) const;
    // Reads "AF_INET6", "af_inet6", "INET6" (with group "AF_") or a number; false if unknown.
    bool parseValue(const QString &text, const QString &group, qint64 *value) const;
    // Where the other systems' values come from.
    QString platformSources() const { return m_sources; }

private:
    ConstantCatalog();

    QList<SocketConstant> m_all;
    QHash<QString, int> m_index;
    QString m_sources;
};
