// SPDX-License-Identifier: MIT
#pragma once

#include <QString>
#include <QStringList>

// Which language the window speaks: "system" follows the desktop's locale, or a code from
// codes(). Chosen in View → Language or with --language; it takes effect at start, before
// any widget exists, because Qt widgets do not re-translate themselves.
class UiLanguage
{
public:
    // "en", "de": the languages SocketLab ships.
    static QStringList codes();
    // "English", "Deutsch": each language named in itself.
    static QString nativeName(const QString &code);
    // The language a choice means now: a shipped code; "system" picks the locale's language
    // when SocketLab has it, else English.
    static QString resolve(const QString &choice);
    static bool isValidChoice(const QString &choice);

    // The choice saved in the settings ("system" when none).
    static QString savedChoice();
    static void saveChoice(const QString &choice);
    // --language X (or --language=X) from the command line, else the saved choice.
    static QString choiceFrom(const QStringList &arguments);

    // Loads the translation for choice into the application and makes its locale the
    // default (lesson titles follow it). Returns the code in use.
    static QString install(const QString &choice);
};
