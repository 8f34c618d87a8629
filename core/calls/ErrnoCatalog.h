// SPDX-License-Identifier: MIT
#pragma once

#include "calls/SocketCall.h"

#include <QCoreApplication>
#include <QString>

// errno and EAI_* names from this system's headers, and a one-sentence hint per error
// that tells a student what probably happened and what to try.
class ErrnoCatalog
{
    Q_DECLARE_TR_FUNCTIONS(ErrnoCatalog)

public:
    static QString name(int error);
    static QString resolverName(int code);
    // address is the address the call used, in the form the user typed it (may be empty).
    static QString hint(int error, SocketCall call, const QString &address);
    static QString resolverHint(int code, const QString &host);
};
