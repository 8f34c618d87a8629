// SPDX-License-Identifier: MIT
#pragma once

#include <QWidget>

class QPlainTextEdit;
#include "calls/SocketEvent.h"

#include <QVector>

// The code a student would write: the whole session so far in Python (the course's style),
// with the selected call marked, and that call in C (POSIX, with error checks). Selectable
// and copyable.
class CodeView : public QWidget
{
    Q_OBJECT
public:
    explicit CodeView(QWidget *parent = nullptr);

    // events[row] is the selected (or newest) call.
    void showSession(const QVector<SocketEvent> &events, int row);
    // How many calls the Python transcript shows at most, ending with the selected one.
    static constexpr int shownCalls = 100;
    QString pythonText() const;
    // The lines of the marked call in the Python transcript.
    QString markedPython() const;
    QString cText() const;

private:
    QPlainTextEdit *m_python;
    QPlainTextEdit *m_c;
};
