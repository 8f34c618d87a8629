// SPDX-License-Identifier: MIT
#pragma once

#include <QKeySequence>
#include <QPushButton>

// A button for one socket call. It carries what the call does as a tooltip, a shortcut, and,
// while disabled, the rule that says why not now.
class CallButton : public QPushButton
{
    Q_OBJECT
public:
    CallButton(const QString &label, const QString &whatItDoes, const QKeySequence &shortcut,
               QWidget *parent = nullptr);
    // Enables the button when whyNot is empty; otherwise explains whyNot in the tooltip.
    void setAvailability(const QString &whyNot);
    bool isAvailable() const { return m_whyNot.isEmpty(); }
    // Why every call is off while a pane shows a source that takes no calls (a replay).
    static QString readOnlyReason(const QString &sourceDescription);

private:
    void passFocusOn();

    QString m_whatItDoes;
    QString m_whyNot;
    bool m_tipSet = false;
};
