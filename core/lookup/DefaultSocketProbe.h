#pragma once

#include "calls/CallError.h"

#include <QString>

// Answers the course's "what is the default family, type and protocol?" with a real call:
// socket() with Python's defaults, then asks the kernel what it made.
class DefaultSocketProbe
{
public:
    struct Answer
    {
        int family = 0;
        int type = 0;
        int protocol = 0;        // what was asked: 0
        int kernelProtocol = -1; // what the kernel chose (SO_PROTOCOL), -1 if unknown
        CallError error;
        // <socket.socket fd=…, family=AF_INET, type=SOCK_STREAM, proto=0>
        QString pythonRepr;
    };

    static Answer probe();
};
