// SPDX-License-Identifier: MIT
#include "lookup/ConstantCatalog.h"

#include <QFile>
#include <QMap>

#include <algorithm>
#include <cerrno>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <sys/un.h>

namespace {
struct GeneratedConstant
{
    const char *name;
    qint64 value;
};

const GeneratedConstant generated[] = {
#include "SocketConstantsTable.inc"
};

QList<QStringList> readTable(const QString &path, QString *comments)
{
    QList<QStringList> rows;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return rows;
    while (!file.atEnd()) {
        const QString line = QString::fromUtf8(file.readLine()).trimmed();
        if (line.startsWith(QLatin1Char('#'))) {
            if (comments)
                *comments += line.mid(1).trimmed() + QLatin1Char('\n');
            continue;
        }
        if (!line.isEmpty())
            rows.append(line.split(QLatin1Char('\t')));
    }
    return rows;
}
} // namespace

QString SocketConstant::valueText() const
{
    if (!isFlag || value < 0)
        return QString::number(value);
    return QStringLiteral("%1 (0x%2)").arg(value).arg(value, 0, 16);
}

const ConstantCatalog &ConstantCatalog::instance()
{
    static const ConstantCatalog catalog;
    return catalog;
}

QStringList ConstantCatalog::groups()
{
    return {QStringLiteral("AF_"),      QStringLiteral("PF_"),   QStringLiteral("SOCK_"),
            QStringLiteral("IPPROTO_"), QStringLiteral("AI_"),   QStringLiteral("NI_"),
            QStringLiteral("EAI_"),     QStringLiteral("SOL_"),  QStringLiteral("SO_"),
            QStringLiteral("TCP_"),     QStringLiteral("IP_"),   QStringLiteral("IPV6_"),
            QStringLiteral("MSG_"),     QStringLiteral("SHUT_"), QStringLiteral("E")};
}

QString ConstantCatalog::groupOf(const QString &name)
{
    QString best;
    for (const QString &prefix : groups()) {
        if (name.startsWith(prefix) && prefix.size() > best.size())
            best = prefix;
    }
    return best;
}

ConstantCatalog::ConstantCatalog()
{
    QHash<QString, QString> meanings;
    for (const QStringList &row : readTable(QStringLiteral(":/constants/meanings.tsv"), nullptr)) {
        if (row.size() >= 2)
            meanings.insert(row.at(0), row.at(1));
    }
    QHash<QString, QStringList> platforms;
    for (const QStringList &row :
         readTable(QStringLiteral(":/constants/platforms.tsv"), &m_sources)) {
        if (row.size() >= 4)
            platforms.insert(row.at(0), row.mid(1, 3));
    }
    QHash<QString, QString> python;
    for (const QStringList &row : readTable(QStringLiteral(":/constants/python.tsv"), nullptr)) {
        if (row.size() >= 2)
            python.insert(row.at(0), row.at(1));
    }
    for (const GeneratedConstant &g : generated) {
        SocketConstant c;
        c.name = QString::fromLatin1(g.name);
        c.value = g.value;
        c.group = groupOf(c.name);
        c.meaning = meanings.value(c.name);
        c.pythonModule = python.value(c.name);
        c.isFlag = c.group == QLatin1String("AI_") || c.group == QLatin1String("NI_") ||
                   c.group == QLatin1String("MSG_");
        const QStringList other = platforms.value(c.name);
        if (other.size() == 3) {
            c.linuxValue = other.at(0);
            c.macosValue = other.at(1);
            c.windowsValue = other.at(2);
        }
        m_index.insert(c.name, m_all.size());
        m_all.append(c);
    }
}

const SocketConstant *ConstantCatalog::find(const QString &name) const
{
    auto it = m_index.constFind(name);
    return it == m_index.constEnd() ? nullptr : &m_all.at(*it);
}

QList<SocketConstant> ConstantCatalog::withPrefix(const QString &prefix) const
{
    QList<SocketConstant> found;
    for (const SocketConstant &c : m_all) {
        if (c.name.startsWith(prefix))
            found.append(c);
    }
    std::stable_sort(found.begin(), found.end(),
                     [](const SocketConstant &a, const SocketConstant &b) {
                         return a.value != b.value ? a.value < b.value : a.name < b.name;
                     });
    return found;
}

QList<SocketConstant> ConstantCatalog::withValue(qint64 value, const QString &group) const
{
    QList<SocketConstant> found;
    for (const SocketConstant &c : m_all) {
        if (c.value == value && (group.isEmpty() || c.group == group))
            found.append(c);
    }
    return found;
}

QList<QList<SocketConstant>> ConstantCatalog::collisions(const QString &group) const
{
    QMap<qint64, QList<SocketConstant>> byValue;
    for (const SocketConstant &c : m_all) {
        if (c.group == group)
            byValue[c.value].append(c);
    }
    QList<QList<SocketConstant>> shared;
    for (const QList<SocketConstant> &names : std::as_const(byValue)) {
        if (names.size() > 1)
            shared.append(names);
    }
    return shared;
}

bool ConstantCatalog::parseValue(const QString &text, const QString &group, qint64 *value) const
{
    bool numeric = false;
    const qint64 number = text.trimmed().toLongLong(&numeric, 0);
    if (numeric) {
        *value = number;
        return true;
    }
    QString name = text.trimmed().toUpper();
    if (!group.isEmpty() && !name.startsWith(group))
        name.prepend(group);
    for (const SocketConstant &c : m_all) {
        if (c.name.toUpper() == name) {
            *value = c.value;
            return true;
        }
    }
    return false;
}
