// SPDX-License-Identifier: MIT
#include "AppOptions.h"

#include "FlowDemo.h"
#include "Theme.h"
#include "UiLanguage.h"
#include "calls/HostPortText.h"
#include "calls/OptionNumber.h"
#include "calls/ServerMode.h"
#include "lesson/LessonLibrary.h"
#include "session/AutoServer.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFileInfo>
#include <QProcess>

#include <cstdio>

bool AppOptions::parse(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("AppOptions", "SocketLab: click through socket calls "
                                                  "and watch each one happen for real."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption screenshot(
        QStringLiteral("screenshot"),
        QCoreApplication::translate("AppOptions", "Render the main window to a PNG file and exit "
                                                  "(works with -platform offscreen)."),
        QStringLiteral("FILE"));
    const QCommandLineOption demo(
        QStringLiteral("demo-flow"),
        QCoreApplication::translate("AppOptions", "Play the first N of the %1 steps of the "
                                                  "course's getting-the-flow exercise by pressing "
                                                  "the buttons (0: all).")
            .arg(FlowDemo::stepCount()),
        QStringLiteral("N"));
    const QCommandLineOption allow(
        QStringLiteral("allow-invalid-calls"),
        QCoreApplication::translate("AppOptions", "Start with invalid calls allowed, so the "
                                                  "kernel answers them."));
    const QCommandLineOption lookups(
        QStringLiteral("lookups"),
        QCoreApplication::translate("AppOptions", "Open the lookups panel (constants, getaddrinfo, "
                                                  "services, hosts) at start."));
    const QCommandLineOption serve(
        QStringLiteral("serve"),
        QCoreApplication::translate("AppOptions",
                                    "Open with the server pane already serving automatically "
                                    "on HOST:PORT, [::1]:PORT, udp://HOST:PORT, unix:PATH or "
                                    "unix-dgram:PATH."),
        QStringLiteral("HOST:PORT"));
    const QCommandLineOption mode(
        QStringLiteral("mode"),
        QCoreApplication::translate("AppOptions", "The mode for --serve: %1 (default echo).")
            .arg(serverModeNames().join(QStringLiteral(", "))),
        QStringLiteral("MODE"), QStringLiteral("echo"));
    const QCommandLineOption backlogOption(
        QStringLiteral("backlog"),
        QCoreApplication::translate("AppOptions", "The listen() backlog for --serve (default: "
                                                  "the server pane's, at least 16)."),
        QStringLiteral("N"));
    const QCommandLineOption latency(
        QStringLiteral("latency-report"),
        QCoreApplication::translate("AppOptions", "Measure how late the UI thread answers a 10 ms "
                                                  "timer and write p50/p99/max as JSON to FILE on "
                                                  "exit."),
        QStringLiteral("FILE"));
    const QCommandLineOption presenterOption(
        QStringLiteral("presenter"),
        QCoreApplication::translate("AppOptions", "Start in presenter mode (F5): full screen, big "
                                                  "text, panes and diagram only."));
    const QCommandLineOption lessonOption(
        QStringLiteral("lesson"),
        QCoreApplication::translate("AppOptions", "Open a lesson: a built-in id (%1) or a "
                                                  ".lesson file.")
            .arg(LessonLibrary::builtInIds().join(QStringLiteral(", "))),
        QStringLiteral("NAME"));
    const QCommandLineOption stepOption(
        QStringLiteral("step"),
        QCoreApplication::translate("AppOptions", "With --lesson: play the lesson up to step N "
                                                  "(making its calls) and stop there."),
        QStringLiteral("N"));
    const QCommandLineOption themeOption(QStringLiteral("theme"),
                                         QCoreApplication::translate("AppOptions", "The look: %1.")
                                             .arg(Theme::names().join(QStringLiteral(", "))),
                                         QStringLiteral("THEME"));
    const QCommandLineOption languageOption(
        QStringLiteral("language"),
        QCoreApplication::translate("AppOptions", "The window's language for this run: system, "
                                                  "%1 (View → Language keeps a choice).")
            .arg(UiLanguage::codes().join(QStringLiteral(", "))),
        QStringLiteral("LANG"));
    const QCommandLineOption watchServerOption(
        QStringLiteral("watch-server"),
        QCoreApplication::translate("AppOptions", "Run COMMAND (\"python3 server.py\", split into "
                                                  "arguments without a shell) and watch its "
                                                  "socket calls in the server pane."),
        QStringLiteral("COMMAND"));
    const QCommandLineOption watchClientOption(
        QStringLiteral("watch-client"),
        QCoreApplication::translate("AppOptions", "Run COMMAND and watch its socket calls in the "
                                                  "client pane."),
        QStringLiteral("COMMAND"));
    parser.addOptions({screenshot, demo, allow, lookups, serve, mode, backlogOption, latency,
                       presenterOption, lessonOption, stepOption, themeOption, languageOption,
                       watchServerOption, watchClientOption});
    parser.addPositionalArgument(
        QStringLiteral("FILE"),
        QCoreApplication::translate("AppOptions", "A saved session to replay, or a .lesson file "
                                                  "to open."),
        QStringLiteral("[FILE]"));
    if (!parser.parse(arguments)) {
        std::fprintf(stderr, "socketlab: %s\n", qPrintable(parser.errorText()));
        exitCode = 2;
        return false;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        std::printf("%s", qPrintable(parser.helpText()));
        return false;
    }
    if (parser.isSet(QStringLiteral("version"))) {
        std::printf("socketlab %s\n", qPrintable(QCoreApplication::applicationVersion()));
        return false;
    }
    if (parser.positionalArguments().size() > 1) {
        std::fprintf(stderr, "socketlab: give at most one FILE; '%s' is one too many\n",
                     qPrintable(parser.positionalArguments().at(1)));
        exitCode = 2;
        return false;
    }
    if (!parser.positionalArguments().isEmpty()) {
        const QString file = parser.positionalArguments().first();
        if (!QFileInfo(file).isFile()) {
            std::fprintf(stderr, "socketlab: %s: no such file\n", qPrintable(file));
            exitCode = 2;
            return false;
        }
        if (file.endsWith(QLatin1String(".lesson")))
            lessonFile = file;
        else
            sessionFile = file;
    }
    screenshotPath = parser.value(screenshot);
    allowInvalid = parser.isSet(allow);
    showLookups = parser.isSet(lookups);
    serveAddress = parser.value(serve);
    latencyReportPath = parser.value(latency);
    serveMode = parser.value(mode);
    ServerMode parsed;
    if (!parseServerMode(serveMode, &parsed)) {
        std::fprintf(stderr, "socketlab: unknown mode '%s'; choose one of %s\n",
                     qPrintable(serveMode),
                     qPrintable(serverModeNames().join(QStringLiteral(", "))));
        exitCode = 2;
        return false;
    }
    if (!serveAddress.isEmpty()) {
        const HostPortText::Parts where = HostPortText::parse(serveAddress);
        const QString problem =
            where.error.isEmpty() ? AutoServer::whyUnsupported(where.type, parsed) : where.error;
        if (!problem.isEmpty()) {
            std::fprintf(stderr, "socketlab: --serve: %s\n", qPrintable(problem));
            exitCode = 2;
            return false;
        }
    }
    if (parser.isSet(languageOption) && !UiLanguage::isValidChoice(parser.value(languageOption))) {
        std::fprintf(stderr, "socketlab: unknown language '%s'; choose system or one of %s\n",
                     qPrintable(parser.value(languageOption)),
                     qPrintable(UiLanguage::codes().join(QStringLiteral(", "))));
        exitCode = 2;
        return false;
    }
    if (parser.isSet(backlogOption)) {
        if (!OptionNumber::parse(parser.value(backlogOption), 1, 4096, &serveBacklog)) {
            std::fprintf(stderr, "socketlab: --backlog needs a number from 1 to 4096\n");
            exitCode = 2;
            return false;
        }
    }
    for (auto [option, words] : {std::pair{&watchServerOption, &watchServer},
                                 std::pair{&watchClientOption, &watchClient}}) {
        if (!parser.isSet(*option))
            continue;
        *words = QProcess::splitCommand(parser.value(*option));
        if (words->isEmpty()) {
            std::fprintf(stderr, "socketlab: --%s needs a command, e.g. \"python3 server.py\"\n",
                         qPrintable(option->names().constFirst()));
            exitCode = 2;
            return false;
        }
    }
    presenter = parser.isSet(presenterOption);
    lesson = parser.value(lessonOption);
    theme = parser.value(themeOption);
    Theme::Kind kind;
    if (!theme.isEmpty() && !Theme::parse(theme, &kind)) {
        std::fprintf(stderr, "socketlab: unknown theme '%s'; choose one of %s\n", qPrintable(theme),
                     qPrintable(Theme::names().join(QStringLiteral(", "))));
        exitCode = 2;
        return false;
    }
    if (parser.isSet(stepOption)) {
        if (!OptionNumber::parse(parser.value(stepOption), 0, 9999, &lessonStep) ||
            lesson.isEmpty()) {
            std::fprintf(stderr, "socketlab: --step needs --lesson and a step number (0 for the "
                                 "title page)\n");
            exitCode = 2;
            return false;
        }
    }
    if (parser.isSet(demo)) {
        if (!OptionNumber::parse(parser.value(demo), 0, 9999, &demoSteps)) {
            std::fprintf(stderr, "socketlab: --demo-flow needs a number of steps (0 for all)\n");
            exitCode = 2;
            return false;
        }
    }
    return true;
}
