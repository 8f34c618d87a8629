// SPDX-License-Identifier: MIT
#pragma once

#include <QLabel>

// A label whose text colour says what it is (an error, a warning) and follows the theme:
// it restyles itself when the application palette changes.
class ToneLabel : public QLabel
{
    Q_OBJECT
public:
    enum class Tone
    {
        Error,    // red text
        ErrorBox, // red text in a framed box
        Warning,  // amber text
    };
    explicit ToneLabel(Tone tone, QWidget *parent = nullptr);

protected:
    void changeEvent(QEvent *event) override;

private:
    void applyTone();

    Tone m_tone;
};
