// SPDX-License-Identifier: MIT
#pragma once

#include <QColor>
#include <QList>
#include <QPalette>
#include <QString>
#include <QStringList>

// The app's looks: the desktop's own colours (the default), light, dark and high contrast
// (black, white and yellow, for a washed-out projector). Applying one sets the application
// palette and RoleColors' scheme.
class Theme
{
public:
    enum class Kind
    {
        System, // the palette the desktop gave the application when it started
        Light,
        Dark,
        HighContrast,
    };

    static QList<Kind> all();
    static void apply(Kind kind);
    static Kind current();
    static QPalette palette(Kind kind);
    static QString name(Kind kind); // "system", "light", "dark", "high-contrast"
    static bool parse(const QString &name, Kind *kind);
    static QStringList names();
    // WCAG contrast ratio between two colours, 1 to 21.
    static double contrast(const QColor &a, const QColor &b);
};
