// SPDX-License-Identifier: MIT
// socketlab-cli: the console twin of the SocketLab window, on the same core.

#include "CheckCommand.h"
#include "ConnectCommand.h"
#include "ExportCommand.h"
#include "LessonCommand.h"
#include "LookupCommand.h"
#include "ServeCommand.h"
#include "WatchCommand.h"

#include <QCoreApplication>

#include <csignal>
#include <cstdio>
#include <unistd.h>

namespace {
const char usage[] = "Usage: socketlab-cli COMMAND [OPTIONS]\n"
                     "\n"
                     "Commands:\n"
                     "  serve      listen and serve clients (echo, http, reply, silent, chat)\n"
                     "  connect    connect, send, receive, print what came back\n"
                     "  lookup     constants, getaddrinfo, services, hosts, interfaces\n"
                     "  export     turn a trace into runnable Python or C programs\n"
                     "  lesson     list, print or run the guided lessons headless\n"
                     "  watch      run a program and show its socket calls\n"
                     "  check      run the course's echo tests against your server\n"
                     "\n"
                     "Run 'socketlab-cli COMMAND --help' for a command's options.\n"
                     "Options: --help, --version\n";
} // namespace

int main(int argc, char *argv[])
{
    // A peer that goes away must give EPIPE, not kill us (sends also use MSG_NOSIGNAL).
    std::signal(SIGPIPE, SIG_IGN);
    // Into a file or pipe, a flood of log lines goes out in 64 KiB writes, not 4 KiB ones
    // (lines are still flushed once per pass of the event loop); a terminal stays
    // line-buffered.
    static char stdoutBuffer[64 * 1024];
    if (!isatty(STDOUT_FILENO))
        std::setvbuf(stdout, stdoutBuffer, _IOFBF, sizeof stdoutBuffer);
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("socketlab-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(SOCKETLAB_VERSION));

    QStringList args = QCoreApplication::arguments().mid(1);
    if (args.isEmpty() || args.first() == QLatin1String("--help") ||
        args.first() == QLatin1String("-h")) {
        std::fputs(usage, args.isEmpty() ? stderr : stdout);
        return args.isEmpty() ? 2 : 0;
    }
    if (args.first() == QLatin1String("--version")) {
        std::printf("socketlab-cli %s\n", SOCKETLAB_VERSION);
        return 0;
    }
    const QString command = args.takeFirst();
    int code;
    ServeCommand serve;
    ConnectCommand connect;
    LessonCommand lesson;
    CheckCommand check;
    if (command == QLatin1String("serve"))
        code = serve.start(args);
    else if (command == QLatin1String("connect"))
        code = connect.start(args);
    else if (command == QLatin1String("export"))
        code = ExportCommand().run(args);
    else if (command == QLatin1String("lesson"))
        code = lesson.start(args);
    else if (command == QLatin1String("lookup"))
        code = LookupCommand().run(args);
    else if (command == QLatin1String("watch"))
        code = WatchCommand().run(args);
    else if (command == QLatin1String("check"))
        code = check.start(args);
    else {
        std::fprintf(stderr, "socketlab-cli: unknown command '%s'\n\n%s", qPrintable(command),
                     usage);
        return 2;
    }
    return code >= 0 ? code : app.exec();
}
