// SPDX-License-Identifier: MIT
#pragma once

#include <QSettings>
#include <QVariant>

// One QSettings entry with its type and default, so a key's name and its default are each
// written once (WindowSettings) and every read of it agrees.
template <typename T> class SettingKey
{
public:
    SettingKey(const char *name, T fallback) : m_name(QLatin1String(name)), m_fallback(fallback) {}

    T read(const QSettings &settings) const
    {
        return settings.value(m_name, QVariant::fromValue(m_fallback)).template value<T>();
    }
    void write(QSettings &settings, const T &value) const { settings.setValue(m_name, value); }
    void remove(QSettings &settings) const { settings.remove(m_name); }
    const T &fallback() const { return m_fallback; }

private:
    QString m_name;
    T m_fallback;
};
