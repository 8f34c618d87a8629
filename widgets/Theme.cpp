// SPDX-License-Identifier: MIT
#include "Theme.h"

#include "RoleColors.h"

#include <QApplication>
#include <QStyle>
#include <QStyleFactory>

#include <cmath>
#include <memory>

namespace {
Theme::Kind currentKind = Theme::Kind::System;
bool applied = false;

// The desktop's palette, as the application had it before SocketLab set one of its own.
const QPalette &systemPalette()
{
    static const QPalette palette = QApplication::palette();
    return palette;
}

double luminance(const QColor &c)
{
    const auto channel = [](double v) {
        return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
}
} // namespace

QPalette Theme::palette(Kind kind)
{
    QPalette p;
    switch (kind) {
    case Kind::System:
        return systemPalette();
    case Kind::Light: {
        const std::unique_ptr<QStyle> fusion(QStyleFactory::create(QStringLiteral("Fusion")));
        return fusion->standardPalette();
    }
    case Kind::Dark: {
        const QColor window(0x2B, 0x2B, 0x2B), base(0x1E, 0x1E, 0x1E), text(0xEE, 0xEE, 0xEE);
        p.setColor(QPalette::Window, window);
        p.setColor(QPalette::WindowText, text);
        p.setColor(QPalette::Base, base);
        p.setColor(QPalette::AlternateBase, QColor(0x33, 0x33, 0x33));
        p.setColor(QPalette::Text, text);
        p.setColor(QPalette::Button, QColor(0x3A, 0x3A, 0x3A));
        p.setColor(QPalette::ButtonText, text);
        p.setColor(QPalette::Highlight, QColor(0x56, 0xB4, 0xE9));
        p.setColor(QPalette::HighlightedText, Qt::black);
        p.setColor(QPalette::ToolTipBase, QColor(0x3A, 0x3A, 0x3A));
        p.setColor(QPalette::ToolTipText, text);
        p.setColor(QPalette::PlaceholderText, QColor(0xA0, 0xA0, 0xA0));
        p.setColor(QPalette::Link, QColor(0x56, 0xB4, 0xE9));
        p.setColor(QPalette::Disabled, QPalette::Text, QColor(0x80, 0x80, 0x80));
        p.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(0x80, 0x80, 0x80));
        p.setColor(QPalette::Disabled, QPalette::WindowText, QColor(0x80, 0x80, 0x80));
        return p;
    }
    case Kind::HighContrast: {
        // Pure black and white (21:1); yellow marks focus and selection.
        p.setColor(QPalette::Window, Qt::black);
        p.setColor(QPalette::WindowText, Qt::white);
        p.setColor(QPalette::Base, Qt::black);
        p.setColor(QPalette::AlternateBase, QColor(0x1A, 0x1A, 0x1A));
        p.setColor(QPalette::Text, Qt::white);
        p.setColor(QPalette::Button, Qt::black);
        p.setColor(QPalette::ButtonText, Qt::white);
        p.setColor(QPalette::Light, Qt::white);
        p.setColor(QPalette::Midlight, Qt::white);
        p.setColor(QPalette::Mid, QColor(0xC0, 0xC0, 0xC0));
        p.setColor(QPalette::Dark, Qt::white);
        p.setColor(QPalette::Highlight, QColor(0xFF, 0xE0, 0x00));
        p.setColor(QPalette::HighlightedText, Qt::black);
        p.setColor(QPalette::ToolTipBase, Qt::black);
        p.setColor(QPalette::ToolTipText, Qt::white);
        p.setColor(QPalette::PlaceholderText, QColor(0xC8, 0xC8, 0xC8));
        p.setColor(QPalette::Link, QColor(0xFF, 0xE0, 0x00));
        p.setColor(QPalette::Disabled, QPalette::Text, QColor(0xA8, 0xA8, 0xA8));
        p.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(0xA8, 0xA8, 0xA8));
        p.setColor(QPalette::Disabled, QPalette::WindowText, QColor(0xA8, 0xA8, 0xA8));
        return p;
    }
    }
    return p;
}

void Theme::apply(Kind kind)
{
    // A new palette goes to every widget, and the window applies its theme at start-up
    // before building any: the same theme again changes nothing.
    if (applied && kind == currentKind)
        return;
    systemPalette(); // kept before the first palette of ours replaces it
    applied = true;
    currentKind = kind;
    static const bool fusion = [] {
        QApplication::setStyle(QStringLiteral("Fusion"));
        return true;
    }();
    Q_UNUSED(fusion)
    // The sockets' colours suit the background: a dark desktop gets the dark scheme's.
    const bool darkSystem =
        kind == Kind::System && luminance(systemPalette().color(QPalette::Window)) < 0.2;
    RoleColors::setScheme(kind == Kind::HighContrast         ? RoleColors::Scheme::HighContrast
                          : kind == Kind::Dark || darkSystem ? RoleColors::Scheme::Dark
                                                             : RoleColors::Scheme::Light);
    QApplication::setPalette(palette(kind));
}

Theme::Kind Theme::current()
{
    return currentKind;
}

QString Theme::name(Kind kind)
{
    switch (kind) {
    case Kind::System:
        return QStringLiteral("system");
    case Kind::Light:
        return QStringLiteral("light");
    case Kind::Dark:
        return QStringLiteral("dark");
    case Kind::HighContrast:
        return QStringLiteral("high-contrast");
    }
    return QString();
}

bool Theme::parse(const QString &text, Kind *kind)
{
    for (Kind k : all()) {
        if (text == name(k)) {
            *kind = k;
            return true;
        }
    }
    return false;
}

QList<Theme::Kind> Theme::all()
{
    return {Kind::System, Kind::Light, Kind::Dark, Kind::HighContrast};
}

QStringList Theme::names()
{
    QStringList list;
    for (Kind k : all())
        list << name(k);
    return list;
}

double Theme::contrast(const QColor &a, const QColor &b)
{
    const double la = luminance(a), lb = luminance(b);
    return (qMax(la, lb) + 0.05) / (qMin(la, lb) + 0.05);
}
