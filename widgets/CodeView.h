#pragma once

#include <QWidget>

class QPlainTextEdit;
struct SocketEvent;

// The code a student would write for the selected call, in Python (the course's style)
// and in C (POSIX, with error checks). Selectable and copyable.
class CodeView : public QWidget
{
    Q_OBJECT
public:
    explicit CodeView(QWidget *parent = nullptr);

    void showEvent(const SocketEvent &event);
    QString pythonText() const;
    QString cText() const;

private:
    QPlainTextEdit *m_python;
    QPlainTextEdit *m_c;
};
