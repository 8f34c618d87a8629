// SPDX-License-Identifier: MIT
#include "present/WrappableText.h"

QString WrappableText::of(const QString &text, int maxRun)
{
    QString out;
    int run = 0;
    for (const QChar c : text) {
        if (c.isSpace() || c == QChar(0x200B)) {
            run = 0;
        } else if (++run > maxRun && !c.isLowSurrogate()) {
            out += QChar(0x200B);
            run = 1;
        }
        out += c;
    }
    return out;
}
