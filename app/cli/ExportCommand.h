// SPDX-License-Identifier: MIT
#pragma once

#include <QStringList>

// socketlab-cli export: turn a saved trace into runnable programs, one per side found in it.
class ExportCommand
{
public:
    int run(const QStringList &arguments);
};
