// SPDX-License-Identifier: MIT
#pragma once

#include <QMetaType>
#include <QString>

// How an automatic server is getting on, reported by the worker whenever it changes.
struct ServingStatus
{
    QString socketId;
    int served = 0;        // clients served to the end (over UDP: datagrams answered)
    int open = 0;          // connections being served now
    bool finished = false; // max clients were served and all of them closed
    QString note;          // what the server did on its own, e.g. waiting after EMFILE
};

Q_DECLARE_METATYPE(ServingStatus)
