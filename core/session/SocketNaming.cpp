// SPDX-License-Identifier: MIT
#include "session/SocketNaming.h"

#include "calls/SocketName.h"

namespace {
// conn → 1, conn_7 → 7 (the course's first socket has no number).
int numberOf(const QString &name, const QString &base)
{
    return name.size() == base.size() ? 1 : QStringView(name).mid(base.size() + 1).toInt();
}

QString numbered(const QString &base, int number)
{
    return number == 1 ? base : base + QLatin1Char('_') + QString::number(number);
}
} // namespace

QString SocketNaming::nameFor(const QString &id, SocketRole role)
{
    const auto it = m_nameOf.constFind(id);
    if (it != m_nameOf.constEnd())
        return *it;
    const QString name = firstFree(SocketName::base(role));
    take(id, name);
    return name;
}

QString SocketNaming::claim(const QString &id, const QString &wanted)
{
    if (m_nameOf.value(id) == wanted)
        return QString();
    release(id);
    const QString holder = m_idOf.value(wanted);
    if (!holder.isEmpty()) {
        release(holder);
        take(id, wanted);
        take(holder, firstFree(SocketName::baseOf(wanted)));
        return holder;
    }
    take(id, wanted);
    return QString();
}

void SocketNaming::release(const QString &id)
{
    const QString name = m_nameOf.take(id);
    if (name.isEmpty())
        return;
    m_idOf.remove(name);
    const QString base = SocketName::baseOf(name);
    auto hint = m_lowestFree.find(base);
    if (hint != m_lowestFree.end())
        *hint = qMin(*hint, numberOf(name, base));
}

QString SocketNaming::firstFree(const QString &base)
{
    int number = m_lowestFree.value(base, 1);
    while (m_idOf.contains(numbered(base, number)))
        ++number;
    m_lowestFree.insert(base, number);
    return numbered(base, number);
}

void SocketNaming::take(const QString &id, const QString &name)
{
    m_nameOf.insert(id, name);
    m_idOf.insert(name, id);
}
