// SPDX-License-Identifier: MIT
#pragma once

#include <QFont>

// The font for code, bytes and calls: only the family is set, so the size still follows
// View → Zoom (a full QFont would pin the size it had when it was made).
class MonospaceFont
{
public:
    static QFont font(bool bold = false)
    {
        QFont f;
        f.setFamily(QStringLiteral("monospace"));
        f.setStyleHint(QFont::Monospace);
        if (bold)
            f.setBold(true);
        return f;
    }
};
