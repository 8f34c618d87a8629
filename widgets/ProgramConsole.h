// SPDX-License-Identifier: MIT
#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

// A watched program's terminal under its pane: what it prints, a line to type its input,
// and Stop (which ends it) or, once it has ended, Close (the pane shows the live session
// again). It owns no program; it says what the window's watch does.
class ProgramConsole : public QWidget
{
    Q_OBJECT
public:
    // Lines of output kept; a program printing for hours keeps its newest.
    static constexpr int keptLines = 5000;

    explicit ProgramConsole(QWidget *parent = nullptr);

    void startWatching(const QString &description);
    void appendOutput(const QString &text);
    // status: what ended and how ("watched python3 server.py: exited with status 1").
    void ended(const QString &status);
    // Why the program or its peer is stuck (StuckDiagnosis), shown above its output; none
    // hides it.
    void setDiagnosis(const QStringList &lines);
    QString diagnosis() const;
    QString output() const;
    QString status() const;
    bool isRunning() const { return m_running; }

signals:
    void inputEntered(const QByteArray &line);
    void stopRequested();
    void closeRequested();

private:
    QLabel *m_status;
    QLabel *m_diagnosis;
    QPlainTextEdit *m_output;
    QLineEdit *m_input;
    QPushButton *m_stop;
    bool m_running = false;
};
