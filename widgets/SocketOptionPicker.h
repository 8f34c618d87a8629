// SPDX-License-Identifier: MIT
#pragma once

#include <QWidget>

class QComboBox;
class QSpinBox;

// Which option setsockopt sets, and to what: SO_REUSEADDR 1, TCP_NODELAY 1, SO_LINGER 0, …
// Each option's tooltip says what it does; the value box fits the option's kind.
class SocketOptionPicker : public QWidget
{
    Q_OBJECT
public:
    SocketOptionPicker(const QString &objectPrefix, QWidget *parent = nullptr);

    QString option() const;
    int value() const;
    void setOption(const QString &name, int value);

signals:
    void optionChanged(const QString &name);

private:
    void onOptionChanged();

    QComboBox *m_option;
    QSpinBox *m_value;
};
