// SPDX-License-Identifier: MIT
#include "calls/OptionNumber.h"

bool OptionNumber::parse(const QString &text, int min, int max, int *value)
{
    if (text.isEmpty() || text.size() > 9)
        return false;
    qint64 n = 0;
    for (const QChar c : text) {
        if (c < QLatin1Char('0') || c > QLatin1Char('9'))
            return false;
        n = n * 10 + (c.unicode() - '0');
    }
    if (n < min || n > max)
        return false;
    *value = int(n);
    return true;
}
