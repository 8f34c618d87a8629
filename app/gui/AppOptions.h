// SPDX-License-Identifier: MIT
#pragma once

#include <QString>
#include <QStringList>

// The socketlab command line, parsed with QCommandLineParser.
class AppOptions
{
public:
    // False when the program should exit now with exitCode (help, version, bad options).
    bool parse(const QStringList &arguments);

    int exitCode = 0;
    QString screenshotPath;
    int demoSteps = -1; // -1: no demo; 0: every step
    bool allowInvalid = false;
    bool showLookups = false;
    QString serveAddress; // --serve HOST:PORT
    QString serveMode = QStringLiteral("echo");
    int serveBacklog = 0; // --backlog for --serve; 0: the pane's (at least 16)
    QString latencyReportPath;
    bool presenter = false;
    QString lesson;          // a built-in id or a .lesson file
    int lessonStep = 0;      // 1-based; 0: the lesson's title page
    QString theme;           // empty: as last time
    QString sessionFile;     // FILE given on the command line (a double-click): a trace to replay
    QString lessonFile;      // … or a .lesson file
    QStringList watchServer; // --watch-server: the program and its arguments
    QStringList watchClient;
};
