// SPDX-License-Identifier: MIT
#include "engine/HttpPage.h"

#include <QList>
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
    const bool keep = keepsAlive(request);
    return (keep ? "HTTP/1.1 200 OK\r\n" : "HTTP/1.0 200 OK\r\n") +
           QByteArray("Content-Type: text/html; charset=utf-8\r\nContent-Length: ") +
           QByteArray::number(body.size()) +
           (keep ? "\r\nConnection: keep-alive\r\n\r\n" : "\r\nConnection: close\r\n\r\n") + body;
}

bool HttpPage::keepsAlive(const QByteArray &request)
{
    const qsizetype lineEnd = request.indexOf('\n');
    const QByteArray requestLine = request.left(lineEnd < 0 ? request.size() : lineEnd).trimmed();
    if (!requestLine.endsWith(" HTTP/1.1"))
        return false;
    for (const QByteArray &line : request.split('\n')) {
        const QByteArray header = line.trimmed().toLower();
        if (header.startsWith("connection:") && header.contains("close"))
            return false;
    }
    return true;
}

QByteArray HttpPage::tooLarge()
{
    const QByteArray body = "The request head is over " + QByteArray::number(maxHeadBytes / 1024) +
                            " KiB; SocketLab's lame web server reads no more.\n";
    return "HTTP/1.0 431 Request Header Fields Too Large\r\n"
           "Content-Type: text/plain; charset=utf-8\r\n"
           "Content-Length: " +
           QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body;
}

qsizetype HttpPage::headEnd(const QByteArray &received, qsizetype newFrom)
{
    const qsizetype from = qMax<qsizetype>(0, newFrom - 3);
    const qsizetype crlf = received.indexOf("\r\n\r\n", from);
    const qsizetype lf = received.indexOf("\n\n", from);
    if (crlf < 0 && lf < 0)
        return -1;
    if (lf < 0 || (crlf >= 0 && crlf + 2 <= lf))
        return crlf + 4;
    return lf + 2;
}
