#pragma once

#include <QByteArray>

// The "lame web server" answer: an HTTP/1.0 response with a small HTML page that greets the
// browser and shows, escaped, the request it sent.
class HttpPage
{
public:
    static QByteArray response(const QByteArray &request);
    // The answer to a request whose head is over maxHeadBytes.
    static QByteArray tooLarge();
    // Where the request head ends (just past the blank line after the headers), or -1 while
    // it has not ended. Only the bytes from newFrom on (and the three before, where the
    // blank line may have begun) are searched: a slow client's head is scanned once, not
    // once per chunk.
    static qsizetype headEnd(const QByteArray &received, qsizetype newFrom = 0);

    // Browsers send a few hundred bytes; 16 KiB is what common servers allow.
    static constexpr qsizetype maxHeadBytes = 16 * 1024;
    // A client must finish its request head this soon after it connects (slowloris clients
    // trickle a byte now and then to hold a connection for ever).
    static constexpr int headTimeoutMs = 10000;
};
