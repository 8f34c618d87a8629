// SPDX-License-Identifier: MIT
#pragma once

#include "calls/SocketRole.h"
#include "calls/SocketState.h"

#include <QColor>

// The app's fixed colours. Server and client use the Okabe-Ito blue and vermillion (light
// theme) or sky blue and orange (dark and high-contrast themes), which stay distinct for
// the common kinds of colour blindness; every colour also has a label. The scheme follows
// the theme (Theme::apply) so text stays readable on every background.
class RoleColors
{
public:
    enum class Scheme
    {
        Light,
        Dark,
        HighContrast,
    };
    static void setScheme(Scheme scheme);
    static Scheme scheme();
    static bool isDark() { return scheme() != Scheme::Light; }

    static QColor strong(SocketRole role);  // text, borders, arrows
    static QColor tint(SocketRole role);    // row backgrounds
    static QColor state(SocketState state); // badge backgrounds under white text
    static QColor errorText();
    static QColor warningText();
    static QColor mutedText();
    static QColor selectedBand(); // the selected event in the diagram
    static QColor newestBand();   // the newest event in the diagram
    static QColor blockedBar();
};
