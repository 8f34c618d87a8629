// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

// Text from a file someone else wrote, made safe to lay out: a label that wraps words is
// still as wide as its longest word, so one 200,000-character "word" in a lesson made the
// window that wide (and took gigabytes). A zero-width space after every maxRun characters
// of a run without spaces lets it wrap there; normal prose is left as it is.
class WrappableText
{
public:
    static QString of(const QString &text, int maxRun = defaultMaxRun);

    // Longer than the words and addresses of the course ("http://127.0.0.1:50000/" is 23),
    // and short enough that a run of wide bold letters fits a heading in the lesson dock.
    static constexpr int defaultMaxRun = 24;
};
