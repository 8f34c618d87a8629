// SPDX-License-Identifier: MIT
#pragma once

#include "calls/SocketRole.h"

#include <QLabel>

#include <optional>

// A bold label scaled relative to the application font, so it grows with View → Zoom.
// Colours and frames go through setStyleRules: a plain style sheet would pin the font to
// the size it had when the sheet was applied.
class HeadingLabel : public QLabel
{
    Q_OBJECT
public:
    HeadingLabel(const QString &text, double scale, QWidget *parent = nullptr);

    // CSS declarations added to the label's own, e.g. "color: #0072b2;".
    void setStyleRules(const QString &rules);
    // Text in the side's colour, following the theme.
    void setRole(SocketRole role);

protected:
    bool event(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void applyScale();

    double m_scale;
    QString m_rules;
    std::optional<SocketRole> m_role;
};
