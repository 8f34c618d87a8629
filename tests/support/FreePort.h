// SPDX-License-Identifier: MIT
#pragma once

#include <QtGlobal>

// A port on 127.0.0.1 that nothing listens on right now: the kernel picked it for a
// listener that is closed again before this returns. A connect to it is refused.
quint16 freePort();
