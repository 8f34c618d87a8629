// SPDX-License-Identifier: MIT
// Built only by tests/engine_stays_private.sh, which expects this to fail to compile: the
// widgets and the apps see the core without engine/.
#include "engine/SocketEngine.h"

int main()
{
    return 0;
}
