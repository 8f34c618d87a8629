// SPDX-License-Identifier: MIT
#pragma once

#include "present/ByteViewLayout.h"

#include <QWidget>

class QLabel;
class QPlainTextEdit;

// Shows the bytes of one event: offset | hex | ASCII rows, and the Python literal.
// Both are selectable and copyable. The row arithmetic lives in ByteViewLayout.
class ByteView : public QWidget
{
    Q_OBJECT
public:
    explicit ByteView(QWidget *parent = nullptr);

    // title says whose bytes these are; notKept counts bytes the log did not store.
    void setBytes(const QByteArray &bytes, const QString &title, qint64 notKept = 0);
    void clear();
    QString hexText() const;
    QString literalText() const;

    static constexpr int maxShownBytes = 4096;

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    // 16 bytes a row when they fit, else 8 or 4, so the ASCII column is never cut off.
    void fitRowWidth();
    void render();

    ByteViewLayout m_layout;
    QByteArray m_data;
    bool m_hasBytes = false;
    QLabel *m_title;
    QPlainTextEdit *m_rows;
    QPlainTextEdit *m_literal;
};
