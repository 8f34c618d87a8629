// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QToolButton;

// Where a message is typed before send/sendall. It shows, before anything is sent, exactly
// the bytes that will go out: Python literal, hex and length. A bad escape or a character
// the encoding cannot express is shown inline and the message is not valid.
class MessageEditor : public QWidget
{
    Q_OBJECT
public:
    explicit MessageEditor(QWidget *parent = nullptr);

    bool isValid() const { return m_valid; }
    QByteArray bytes() const { return m_bytes; }
    // "str (not encoded)" is chosen: the text goes as a Python str (bytes() is its UTF-8).
    bool isStr() const;
    void setText(const QString &text);
    QString text() const;
    // Presenter mode: the message and its bytes as Python shows them; the encoding, the
    // course's messages and the hex stay in the normal window.
    void setCompact(bool compact);
    static constexpr int maxCharacters = 16 * 1024 * 1024;

signals:
    void validityChanged(bool valid);

private:
    void reparse();

    QLineEdit *m_text;
    QComboBox *m_encoding;
    QToolButton *m_insert;
    QLabel *m_preview;
    QLabel *m_error;
    QByteArray m_bytes;
    bool m_valid = true;
    bool m_compact = false;
};
