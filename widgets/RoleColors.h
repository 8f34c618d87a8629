#pragma once

#include "SocketRole.h"
#include "SocketState.h"

#include <QColor>

// The app's fixed colours. Server and client use the Okabe-Ito blue and vermillion, which
// stay distinct for the common kinds of colour blindness; every colour also has a label.
class RoleColors
{
public:
    static QColor strong(SocketRole role); // text, borders
    static QColor tint(SocketRole role);   // row backgrounds
    static QColor state(SocketState state);
};
