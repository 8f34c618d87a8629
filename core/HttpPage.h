#pragma once

#include <QByteArray>

// The "lame web server" answer: an HTTP/1.0 response with a small HTML page that greets the
// browser and shows, escaped, the request it sent.
class HttpPage
{
public:
    static QByteArray response(const QByteArray &request);
    // True once the request head is complete (the blank line after the headers).
    static bool isCompleteRequest(const QByteArray &received);
};
