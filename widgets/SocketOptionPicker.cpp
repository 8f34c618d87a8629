// SPDX-License-Identifier: MIT
#include "SocketOptionPicker.h"

#include "calls/SocketOption.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QSpinBox>

SocketOptionPicker::SocketOptionPicker(const QString &objectPrefix, QWidget *parent)
    : QWidget(parent), m_option(new QComboBox(this)), m_value(new QSpinBox(this))
{
    m_option->setObjectName(objectPrefix + QStringLiteral(".option"));
    m_value->setObjectName(objectPrefix + QStringLiteral(".optionValue"));
    for (const SocketOption &o : SocketOption::all()) {
        m_option->addItem(o.name, o.name);
        m_option->setItemData(m_option->count() - 1,
                              QStringLiteral("%1: %2").arg(o.name, o.meaning), Qt::ToolTipRole);
    }
    m_option->setAccessibleName(tr("Socket option"));
    m_value->setAccessibleName(tr("Option value"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_option, 1);
    layout->addWidget(m_value);
    connect(m_option, &QComboBox::currentIndexChanged, this, &SocketOptionPicker::onOptionChanged);
    onOptionChanged();
}

QString SocketOptionPicker::option() const
{
    return m_option->currentData().toString();
}

int SocketOptionPicker::value() const
{
    return m_value->value();
}

void SocketOptionPicker::setOption(const QString &name, int value)
{
    const int index = m_option->findData(name);
    if (index >= 0)
        m_option->setCurrentIndex(index);
    m_value->setValue(value);
}

void SocketOptionPicker::onOptionChanged()
{
    const SocketOption *o = SocketOption::find(option());
    if (!o)
        return;
    switch (o->kind) {
    case SocketOption::Kind::Flag:
        m_value->setRange(0, 1);
        break;
    case SocketOption::Kind::Bytes:
        m_value->setRange(1, 64 * 1024 * 1024);
        break;
    case SocketOption::Kind::Seconds:
        m_value->setRange(-1, 3600);
        break;
    }
    m_value->setValue(o->defaultValue);
    m_option->setToolTip(o->meaning);
    m_value->setToolTip(o->kind == SocketOption::Kind::Seconds
                            ? tr("Seconds; -1 turns lingering off, 0 makes close send RST")
                        : o->kind == SocketOption::Kind::Bytes ? tr("Bytes")
                                                               : tr("1 on, 0 off"));
    emit optionChanged(o->name);
}
