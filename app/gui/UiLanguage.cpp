// SPDX-License-Identifier: MIT
#include "UiLanguage.h"

#include "WindowSettings.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QTranslator>

namespace {
const QString systemChoice = WindowSettings::language.fallback();
} // namespace

QStringList UiLanguage::codes()
{
    return {QStringLiteral("en"), QStringLiteral("de")};
}

QString UiLanguage::nativeName(const QString &code)
{
    if (code == QLatin1String("de"))
        return QStringLiteral("Deutsch");
    return QStringLiteral("English");
}

QString UiLanguage::resolve(const QString &choice)
{
    if (codes().contains(choice))
        return choice;
    const QString language = QLocale::system().name().section(QLatin1Char('_'), 0, 0);
    return codes().contains(language) ? language : QStringLiteral("en");
}

bool UiLanguage::isValidChoice(const QString &choice)
{
    return choice == systemChoice || codes().contains(choice);
}

QString UiLanguage::savedChoice()
{
    const QString saved = WindowSettings::language.read(QSettings());
    return isValidChoice(saved) ? saved : systemChoice;
}

void UiLanguage::saveChoice(const QString &choice)
{
    QSettings settings;
    WindowSettings::language.write(settings, isValidChoice(choice) ? choice : systemChoice);
}

QString UiLanguage::choiceFrom(const QStringList &arguments)
{
    for (int i = 1; i < arguments.size(); ++i) {
        const QString &a = arguments.at(i);
        if (a == QLatin1String("--language") && i + 1 < arguments.size())
            return arguments.at(i + 1);
        if (a.startsWith(QLatin1String("--language=")))
            return a.mid(int(qstrlen("--language=")));
    }
    return savedChoice();
}

QString UiLanguage::install(const QString &choice)
{
    const QString code = resolve(choice);
    QLocale::setDefault(QLocale(code));
    if (code == QLatin1String("en"))
        return code; // the sources are English
    auto *own = new QTranslator(QCoreApplication::instance());
    if (own->load(QStringLiteral(":/i18n/socketlab_%1.qm").arg(code)))
        QCoreApplication::installTranslator(own);
    // Qt's own strings (the buttons of standard dialogs), where Debian's qt6-translations
    // package put them; without it those few buttons stay English.
    auto *qt = new QTranslator(QCoreApplication::instance());
    if (qt->load(QLocale(code), QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    return code;
}
