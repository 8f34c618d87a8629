// SPDX-License-Identifier: MIT
// socketlab: the SocketLab window.

#include "AppIdentity.h"
#include "AppOptions.h"
#include "AppearanceController.h"
#include "EndpointForm.h"
#include "FirstFrameWatcher.h"
#include "FlowDemo.h"
#include "HeadlessStart.h"
#include "MainWindow.h"
#include "ServerPane.h"
#include "UiLanguage.h"
#include "WatchController.h"
#include "calls/HostPortText.h"
#include "calls/ServerMode.h"
#include "lesson/LessonRunner.h"
#include "session/HeartbeatMonitor.h"
#include "session/UnixSignalWatcher.h"
#include "sources/WatchSource.h"

#include <QAction>
#include <QApplication>
#include <QTimer>

#include <csignal>
#include <cstdio>
#include <memory>
#include <sys/socket.h>
#include <utility>

namespace {
bool saveScreenshot(MainWindow &window, const QString &path)
{
    QApplication::processEvents();
    if (!window.grab().save(path, "PNG")) {
        std::fprintf(stderr, "socketlab: could not write %s\n", qPrintable(path));
        return false;
    }
    std::printf("socketlab: wrote %s\n", qPrintable(path));
    return true;
}
} // namespace

int main(int argc, char *argv[])
{
    // A peer that goes away must give EPIPE, not kill the app (sends also use MSG_NOSIGNAL).
    std::signal(SIGPIPE, SIG_IGN);
    const std::unique_ptr<QCoreApplication> app(HeadlessStart::createApplication(argc, argv));
    AppIdentity::apply();
    // Before any widget or lesson exists: neither changes language afterwards.
    UiLanguage::install(UiLanguage::choiceFrom(QApplication::arguments()));

    AppOptions options;
    if (!options.parse(QApplication::arguments()))
        return options.exitCode;
    if (!qobject_cast<QApplication *>(app.get()))
        return HeadlessStart::explain();

    AppearanceController::applySaved();
    MainWindow window;
    if (options.allowInvalid)
        window.allowInvalidCalls()->setChecked(true);
    window.showLookups(options.showLookups);
    if (!options.theme.isEmpty()) {
        Theme::Kind kind = Theme::Kind::System;
        Theme::parse(options.theme, &kind);
        window.setTheme(kind);
    }
    // A picture taken headless has nobody to answer the question: refuse, as the console does.
    if (!options.screenshotPath.isEmpty())
        window.lessonRunner()->setReachPolicy(false);
    const QString lesson = options.lesson.isEmpty() ? options.lessonFile : options.lesson;
    if (!lesson.isEmpty()) {
        QString error;
        if (!window.openLesson(lesson, &error)) {
            std::fprintf(stderr, "socketlab: %s\n", qPrintable(error));
            return 1;
        }
    }
    if (!options.sessionFile.isEmpty()) {
        QString error;
        if (!window.openSession(options.sessionFile, &error)) {
            std::fprintf(stderr, "socketlab: %s\n", qPrintable(error));
            return 1;
        }
        if (!window.replayWarning().isEmpty())
            std::fprintf(stderr, "socketlab: %s: %s\n", qPrintable(options.sessionFile),
                         qPrintable(window.replayWarning()));
    }
    // A screenshot shows the window as a user of this screen sees it: full screen in presenter
    // mode, the first-start size otherwise. (A fixed large canvas once hid that the stage was
    // unusable on a 1024×768 projector.) scripts/screenshots picks the screen.
    const bool screenshot = !options.screenshotPath.isEmpty();
    if (options.presenter)
        window.setPresenterMode(true);
    window.show();

    const auto finishWithScreenshot = [&window, &options] {
        if (!options.screenshotPath.isEmpty())
            QApplication::exit(saveScreenshot(window, options.screenshotPath) ? 0 : 1);
    };
    if (!options.serveAddress.isEmpty()) {
        const HostPortText::Parts where = HostPortText::parse(options.serveAddress);
        ServerMode mode = ServerMode::Echo;
        parseServerMode(options.serveMode, &mode);
        QObject::connect(window.serverPane(), &ServerPane::serving, &window,
                         [mode, where](const QString &address) {
                             // Scripts and benchmarks read this line to learn the port.
                             std::printf("serving %s on %s\n", qPrintable(serverModeName(mode)),
                                         qPrintable(address));
                             // Given on the command line, so no question; but not unsaid.
                             if (where.family != AF_UNIX &&
                                 HostPortText::isEveryAddress(where.host))
                                 std::printf("socketlab: bound to every address: other machines "
                                             "on the network can connect too\n");
                             std::fflush(stdout);
                         });
        QObject::connect(
            window.serverPane(), &ServerPane::servingFailed, &window, [](const QString &reason) {
                std::fprintf(stderr, "socketlab: --serve failed: %s\n", qPrintable(reason));
            });
        window.serverPane()->listenAndServe(where, mode, options.serveBacklog);
    }
    for (auto [words, side] : {std::pair{options.watchServer, WatchController::Server},
                               std::pair{options.watchClient, WatchController::Client}}) {
        QString error;
        if (!words.isEmpty() && !window.watch()->watch(side, words, QString(), &error)) {
            std::fprintf(stderr, "socketlab: cannot watch %s: %s\n",
                         qPrintable(words.join(QLatin1Char(' '))), qPrintable(error));
            return 2;
        }
    }
    FlowDemo demo(&window);
    LessonRunner *runner = window.lessonRunner();
    if (options.lessonStep > 0) {
        const int target = qMin(options.lessonStep, runner->stepCount()) - 1;
        QObject::connect(
            runner, &LessonRunner::statusChanged, &window,
            [&, target](int step, LessonRunner::StepStatus status) {
                // The lesson stops at a failed step (its port taken, say), so the picture of a
                // later one would never come.
                if (screenshot && status == LessonRunner::StepStatus::Failed && step < target) {
                    std::fprintf(stderr,
                                 "socketlab: step %d of the lesson failed, so step %d is never "
                                 "reached: %s\n",
                                 step + 1, target + 1, qPrintable(runner->statusDetail(step)));
                    QApplication::exit(1);
                    return;
                }
                if (step != target || status == LessonRunner::StepStatus::Running)
                    return;
                // Long enough for the diagram's travelling bytes to arrive.
                if (screenshot)
                    QTimer::singleShot(1000, &window, finishWithScreenshot);
            });
        QTimer::singleShot(0, &window, [runner, target] { runner->runTo(target); });
    } else if (options.demoSteps >= 0) {
        QObject::connect(&demo, &FlowDemo::finished, &window, [&](bool ok, const QString &message) {
            std::fprintf(ok ? stdout : stderr, "socketlab: %s\n", qPrintable(message));
            // Let the last events reach the panes before the picture.
            QTimer::singleShot(200, &window, finishWithScreenshot);
        });
        QTimer::singleShot(0, &window, [&] { demo.start(options.demoSteps); });
    } else if (screenshot && !(options.watchServer.isEmpty() && options.watchClient.isEmpty())) {
        // The picture once a watched program has ended (the client's exchange is over, the
        // server waits for the next), or after ten seconds.
        auto once = std::make_shared<bool>(false);
        const auto take = [&window, once, finishWithScreenshot] {
            if (!std::exchange(*once, true))
                QTimer::singleShot(300, &window, finishWithScreenshot);
        };
        for (auto side : {WatchController::Server, WatchController::Client}) {
            if (WatchSource *program = window.watch()->program(side))
                QObject::connect(program, &WatchSource::finished, &window, take);
        }
        QTimer::singleShot(10000, &window, take);
    } else if (screenshot) {
        QTimer::singleShot(100, &window, finishWithScreenshot);
    }
    // SIGTERM or Ctrl+C closes the window properly, so reports get written and sockets closed.
    UnixSignalWatcher unixSignals;
    QObject::connect(&unixSignals, &UnixSignalWatcher::terminationRequested, &window,
                     &QWidget::close);
    HeartbeatMonitor heartbeat;
    FirstFrameWatcher firstFrame(&window);
    if (!options.latencyReportPath.isEmpty())
        QObject::connect(&firstFrame, &FirstFrameWatcher::settled, &heartbeat,
                         &HeartbeatMonitor::start);
    // Until the window is asked to close: shutting down is not answering the user.
    QObject::connect(&window, &MainWindow::closing, &heartbeat, &HeartbeatMonitor::stop);
    const int code = QApplication::exec();
    if (!options.latencyReportPath.isEmpty()) {
        QString error;
        if (!heartbeat.writeReport(options.latencyReportPath, &error))
            std::fprintf(stderr, "socketlab: could not write %s: %s\n",
                         qPrintable(options.latencyReportPath), qPrintable(error));
    }
    return code;
}
