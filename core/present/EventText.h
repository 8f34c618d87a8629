// SPDX-License-Identifier: MIT
#pragma once

#include "calls/SocketEvent.h"

#include <QString>

// The wording shared by the GUI log and socketlab-cli, so both say the same thing.
class EventText
{
public:
    // "1234.567"
    static QString time(double tMs);
    // The result column: "→ None", "… blocked", "✗ ConnectionRefusedError: …", plus a
    // "(N more bytes not kept)" note when the log dropped data.
    static QString outcome(const SocketEvent &event);
    // One line for a console: "  1234.567  server_socket.listen(1)  → None".
    // Failures add the hint on a second line.
    static QString line(const SocketEvent &event);
};
