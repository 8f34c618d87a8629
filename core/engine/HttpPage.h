// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>

// The "lame web server" answer: a small HTML page that greets the browser and shows, escaped,
// the request it sent. To HTTP/1.0 (and "Connection: close") it answers in HTTP/1.0 and
// closes; to HTTP/1.1 it keeps the connection open for the next request, as HTTP/1.1 does by
// default, with Content-Length saying where each answer ends.
class HttpPage
{
public:
    static QByteArray response(const QByteArray &request);
    // Whether the connection stays open after answering this request head.
    static bool keepsAlive(const QByteArray &request);
    // The answer to a request whose head is over maxHeadBytes.
    static QByteArray tooLarge();
    // Where the request head ends (just past the blank line after the headers), or -1 while
    // it has not ended. Only the bytes from newFrom on (and the three before, where the
    // blank line may have begun) are searched: a slow client's head is scanned once, not
    // once per chunk.
    static qsizetype headEnd(const QByteArray &received, qsizetype newFrom = 0);

    // Browsers send a few hundred bytes; 16 KiB is what common servers allow.
    static constexpr qsizetype maxHeadBytes = 16 * 1024;
    // A client must finish its request head this soon after it connects, or after the last
    // answer on a kept-alive connection (slowloris clients trickle a byte now and then to
    // hold a connection for ever).
    static constexpr int headTimeoutMs = 10000;
};
