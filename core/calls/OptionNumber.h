// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

// A whole number given on a command line, read strictly: digits only. QString::toInt also
// takes " 7", "+5" and "7 ", which a person reading the command line would not call a
// number, so "--backlog ' 7'" is refused instead of quietly meaning 7.
class OptionNumber
{
public:
    // True, with *value, for 1 to 9 ASCII digits forming a number from min to max.
    static bool parse(const QString &text, int min, int max, int *value);
};
