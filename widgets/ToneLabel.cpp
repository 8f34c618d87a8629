// SPDX-License-Identifier: MIT
#include "ToneLabel.h"

#include "RoleColors.h"

#include <QEvent>

ToneLabel::ToneLabel(Tone tone, QWidget *parent) : QLabel(parent), m_tone(tone)
{
    applyTone();
}

void ToneLabel::changeEvent(QEvent *event)
{
    QLabel::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        applyTone();
}

void ToneLabel::applyTone()
{
    QString style;
    switch (m_tone) {
    case Tone::Error:
        style = QStringLiteral("QLabel { color: %1; font-weight: bold; }")
                    .arg(RoleColors::errorText().name());
        break;
    case Tone::ErrorBox:
        style = QStringLiteral("QLabel { color: %1; border: 2px solid %1; border-radius: 4px; "
                               "padding: 4px; }")
                    .arg(RoleColors::errorText().name());
        break;
    case Tone::Warning:
        style = QStringLiteral("QLabel { color: %1; }").arg(RoleColors::warningText().name());
        break;
    }
    // Setting a style sheet sends palette changes of its own; only set a different one.
    if (styleSheet() != style)
        setStyleSheet(style);
}
