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
    QString tip =
        QStringLiteral("%1  (%2)").arg(m_whatItDoes, shortcut().toString(QKeySequence::NativeText));
    if (!whyNot.isEmpty())
        tip += QStringLiteral("\n\nNot now: ") + whyNot;
    setToolTip(tip);
}
