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

QString CallButton::replayingReason()
{
    return tr("A recorded session is being replayed: calls are off until you close the "
              "replay (File → Close Replay).");
}

void CallButton::setAvailability(const QString &whyNot)
{
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
