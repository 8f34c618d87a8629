#include "HttpPage.h"

#include <QString>

QByteArray HttpPage::response(const QByteArray &request)
{
    const QByteArray shown = QString::fromUtf8(request).toHtmlEscaped().toUtf8();
    const QByteArray body = "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">"
                            "<title>SocketLab</title></head><body>\n"
                            "<h1>Hello from SocketLab!</h1>\n"
                            "<p>This page came through a socket you can watch. "
                            "Your browser sent this request:</p>\n<pre>" +
                            shown + "</pre>\n</body></html>\n";
    return "HTTP/1.0 200 OK\r\n"
           "Content-Type: text/html; charset=utf-8\r\n"
           "Content-Length: " +
           QByteArray::number(body.size()) +
           "\r\n"
           "Connection: close\r\n\r\n" +
           body;
}

bool HttpPage::isCompleteRequest(const QByteArray &received)
{
    return received.contains("\r\n\r\n") || received.contains("\n\n");
}
