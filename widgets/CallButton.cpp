// SPDX-License-Identifier: MIT
#include "CallButton.h"

#include "MonospaceFont.h"

CallButton::CallButton(const QString &label, const QString &whatItDoes,
                       const QKeySequence &shortcut, QWidget *parent)
    : QPushButton(label, parent), m_whatItDoes(whatItDoes)
{
    setShortcut(shortcut);
    setAccessibleDescription(whatItDoes);
    setFont(MonospaceFont::font(true));
    setAvailability(QString());
}

QString CallButton::readOnlyReason(const QString &sourceDescription)
{
    return tr("This pane shows %1, which takes no calls: they are off until it shows the live "
              "session again (for a replay: File → Close Replay).")
        .arg(sourceDescription);
}

void CallButton::setAvailability(const QString &whyNot)
{
    if (!whyNot.isEmpty() && hasFocus())
        passFocusOn();
    setEnabled(whyNot.isEmpty());
    // Panes ask again at every change of any socket (a thousand a second in a flood); the
    // tooltip is only rebuilt when the answer changes.
    if (m_tipSet && whyNot == m_whyNot)
        return;
    m_tipSet = true;
    m_whyNot = whyNot;
    QString tip =
        QStringLiteral("%1  (%2)").arg(m_whatItDoes, shortcut().toString(QKeySequence::NativeText));
    if (!whyNot.isEmpty())
        tip += QStringLiteral("\n\n") + tr("Not now: %1").arg(whyNot);
    setToolTip(tip);
}

void CallButton::passFocusOn()
{
    // Left to Qt, the focus of a button that goes grey (recv blocked) moves along the tab
    // chain to the next field, such as bufsize, with its text selected: the student's next
    // key would overwrite it. The next call that can be made now is a safe place.
    for (QWidget *w = nextInFocusChain(); w && w != this; w = w->nextInFocusChain()) {
        auto *call = qobject_cast<CallButton *>(w);
        if (call && call->isEnabled() && call->isVisible() && call->window() == window()) {
            call->setFocus(Qt::OtherFocusReason);
            return;
        }
    }
    clearFocus();
}
