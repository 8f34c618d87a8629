// SPDX-License-Identifier: MIT
#include "LessonCommand.h"

#include "ConsoleLog.h"
#include "calls/OptionNumber.h"
#include "lesson/LessonLibrary.h"
#include "lesson/LessonRunner.h"
#include "lookup/PortOwners.h"
#include "session/SocketSession.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <cstdio>

namespace {
void printText(const QString &text)
{
    std::fputs(text.toUtf8().constData(), stdout);
    std::fflush(stdout);
}

QString indented(const QString &text, const QString &prefix)
{
    QStringList lines = text.split(QLatin1Char('\n'));
    for (QString &line : lines)
        line.prepend(prefix);
    return lines.join(QLatin1Char('\n'));
}

void printLesson(const Lesson &lesson)
{
    QString text = QStringLiteral("%1  (%2)\n").arg(lesson.title, lesson.id);
    for (const QString &goal : lesson.goals)
        text += QStringLiteral("  goal: %1\n").arg(goal);
    for (int i = 0; i < lesson.steps.size(); ++i) {
        const LessonStep &s = lesson.steps.at(i);
        text += QStringLiteral("\n[%1/%2] %3\n").arg(i + 1).arg(lesson.steps.size()).arg(s.title);
        text += indented(s.narration, QStringLiteral("  ")) + QLatin1Char('\n');
        if (!s.question.isEmpty())
            text += QStringLiteral("  Q: %1\n  A: %2\n").arg(s.question, s.answer);
        if (s.action.kind != LessonAction::Kind::None)
            text += QStringLiteral("  %1 %2\n")
                        .arg(s.action.byUser ? QStringLiteral("your turn:") : QStringLiteral(">>>"),
                             s.action.python());
    }
    printText(text);
}

void printCheck(const Lesson &lesson)
{
    QString text = QStringLiteral("\nCheck what you learned\n");
    for (const LessonQuestion &q : lesson.check)
        text += QStringLiteral("  Q: %1\n  A: %2\n").arg(q.question, q.answer);
    printText(text);
}
} // namespace

LessonCommand::LessonCommand(QObject *parent) : QObject(parent) {}

LessonCommand::~LessonCommand() = default;

int LessonCommand::start(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("List, print or run SocketLab's guided lessons. LESSON is a built-in "
                       "lesson id (see --list) or a .lesson file (docs/lesson-format.md)."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("LESSON"), QStringLiteral("Lesson id or file."));
    const QCommandLineOption listOption(QStringLiteral("list"),
                                        QStringLiteral("Print the lessons, one a line, id first."));
    const QCommandLineOption runOption(
        QStringLiteral("run"), QStringLiteral("Run the lesson headless with real sockets, printing "
                                              "the narration and every call. Steps a student "
                                              "would do are done by the lesson."));
    const QCommandLineOption traceOption(QStringLiteral("trace"),
                                         QStringLiteral("With --run: also write every event to "
                                                        "FILE (JSON Lines)."),
                                         QStringLiteral("FILE"));
    const QCommandLineOption hostOption(QStringLiteral("host"),
                                        QStringLiteral("The address lessons use for {host} "
                                                       "(default 127.0.0.1)."),
                                        QStringLiteral("HOST"), QStringLiteral("127.0.0.1"));
    const QCommandLineOption portOption(QStringLiteral("port"),
                                        QStringLiteral("The port lessons use for {port} "
                                                       "(default 50000; with --run, the next "
                                                       "free one when 50000 is in use)."),
                                        QStringLiteral("PORT"), QStringLiteral("50000"));
    const QCommandLineOption delayOption(QStringLiteral("delay"),
                                         QStringLiteral("With --run: pause MS milliseconds "
                                                        "between steps (default 0)."),
                                         QStringLiteral("MS"), QStringLiteral("0"));
    const QCommandLineOption anyAddressOption(
        QStringLiteral("allow-any-address"),
        QStringLiteral("With --run: let the lesson connect and send to any address, not only "
                       "its own sockets and --host/--port (lesson files are shared: allow this "
                       "only for a lesson you trust)."));
    const QCommandLineOption stepTimeoutOption(
        QStringLiteral("step-timeout"),
        QStringLiteral("With --run: fail a step that is still running after S seconds "
                       "(default 60; 0 waits for ever)."),
        QStringLiteral("S"), QStringLiteral("60"));
    parser.addOptions({listOption, runOption, traceOption, hostOption, portOption, delayOption,
                       anyAddressOption, stepTimeoutOption});
    if (!parser.parse(QStringList{QStringLiteral("socketlab-cli lesson")} + arguments)) {
        std::fprintf(stderr, "socketlab-cli lesson: %s\n", qPrintable(parser.errorText()));
        return 2;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        printText(parser.helpText());
        return 0;
    }
    if (parser.isSet(listOption)) {
        for (const QString &id : LessonLibrary::builtInIds())
            printText(QStringLiteral("%1\t%2\n").arg(id, LessonLibrary::load(id).lesson.title));
        return 0;
    }
    if (parser.positionalArguments().size() != 1) {
        std::fprintf(stderr, "socketlab-cli lesson: give one LESSON (an id from --list, or a "
                             "file), or --list\n");
        return 2;
    }
    LessonParser::Settings settings;
    settings.host = parser.value(hostOption);
    int delay = 0;
    const bool portOk = OptionNumber::parse(parser.value(portOption), 1, 65535, &settings.port);
    const bool delayOk = OptionNumber::parse(parser.value(delayOption), 0, 60000, &delay);
    if (!portOk) {
        std::fprintf(stderr, "socketlab-cli lesson: --port needs a number from 1 to 65535\n");
        return 2;
    }
    int stepTimeoutS = 0;
    if (!OptionNumber::parse(parser.value(stepTimeoutOption), 0, 86400, &stepTimeoutS)) {
        std::fprintf(stderr, "socketlab-cli lesson: --step-timeout needs whole seconds, 0 to "
                             "86400\n");
        return 2;
    }
    if (!delayOk) {
        std::fprintf(stderr, "socketlab-cli lesson: --delay needs milliseconds, 0 to 60000\n");
        return 2;
    }
    // A run without --port takes 50000, or the next free port when something uses 50000 (a
    // server left running, its TIME_WAIT), and says so: the lesson would fail at bind.
    if (parser.isSet(runOption) && !parser.isSet(portOption)) {
        const QVector<PortOwners::Entry> users = PortOwners::of(quint16(settings.port));
        if (!users.isEmpty()) {
            const quint16 free = PortOwners::firstFreeFrom(quint16(settings.port + 1));
            std::fprintf(stderr,
                         "socketlab-cli lesson: port %d is in use (%s); using %d "
                         "(--port PORT chooses)\n",
                         settings.port, qPrintable(PortOwners::describe(users.first())), free);
            settings.port = free;
        }
    }
    const LessonParser::Result loaded =
        LessonLibrary::load(parser.positionalArguments().first(), settings);
    if (!loaded.ok()) {
        std::fprintf(stderr, "socketlab-cli lesson: %s\n", qPrintable(loaded.error));
        return 1;
    }
    if (!parser.isSet(runOption)) {
        printLesson(loaded.lesson);
        printCheck(loaded.lesson);
        return 0;
    }

    m_session = std::make_unique<SocketSession>();
    m_log = std::make_unique<ConsoleLog>(m_session.get(), stdout);
    if (parser.isSet(traceOption) && !m_log->openTrace(parser.value(traceOption)))
        return 1;
    m_runner = std::make_unique<LessonRunner>(m_session.get());
    m_runner->setActsForUser(true);
    m_runner->setReachPolicy(parser.isSet(anyAddressOption));
    m_runner->setPlayDelayMs(delay);
    m_runner->setLesson(loaded.lesson);
    connect(m_runner.get(), &LessonRunner::stepChanged, this, &LessonCommand::printStep);
    connect(m_runner.get(), &LessonRunner::output, this, [](int, const QString &text) {
        printText(indented(text, QStringLiteral("  ")) + QLatin1Char('\n'));
    });
    if (stepTimeoutS > 0) {
        m_stepTimer.setSingleShot(true);
        m_stepTimer.setInterval(stepTimeoutS * 1000);
        connect(&m_stepTimer, &QTimer::timeout, this, [this, stepTimeoutS] {
            const int step = m_runner->currentStep();
            std::fprintf(stderr,
                         "socketlab-cli lesson: step %d was still running after %d s (%s); "
                         "giving up (--step-timeout S changes this, 0 waits for ever)\n",
                         step + 1, stepTimeoutS, qPrintable(m_runner->statusDetail(step)));
            finish(1);
        });
    }
    connect(m_runner.get(), &LessonRunner::statusChanged, this,
            [this, stepTimeoutS](int step, LessonRunner::StepStatus status, const QString &detail) {
                // The clock runs from the moment a step starts, not from its last news.
                if (stepTimeoutS > 0 && status == LessonRunner::StepStatus::Running &&
                    !m_stepTimer.isActive())
                    m_stepTimer.start();
                else if (status != LessonRunner::StepStatus::Running)
                    m_stepTimer.stop();
                if (status == LessonRunner::StepStatus::Running)
                    return;
                printText(QStringLiteral("  -- %1%2\n")
                              .arg(LessonRunner::statusName(status),
                                   detail.isEmpty() ? QString() : QStringLiteral(": ") + detail));
                if (status == LessonRunner::StepStatus::Failed) {
                    std::fprintf(stderr, "socketlab-cli lesson: step %d failed: %s\n", step + 1,
                                 qPrintable(detail));
                    finish(1);
                }
            });
    connect(m_runner.get(), &LessonRunner::finished, this, [this](bool ok) {
        printCheck(m_runner->lesson());
        finish(ok ? 0 : 1);
    });
    const Lesson &lesson = loaded.lesson;
    QString intro = QStringLiteral("%1  (%2)\n").arg(lesson.title, lesson.id);
    for (const QString &goal : lesson.goals)
        intro += QStringLiteral("  goal: %1\n").arg(goal);
    printText(intro);
    m_runner->play();
    return -1;
}

void LessonCommand::printStep(int step)
{
    const Lesson &lesson = m_runner->lesson();
    if (step < 0 || step >= lesson.steps.size())
        return;
    const LessonStep &s = lesson.steps.at(step);
    QString text =
        QStringLiteral("\n[%1/%2] %3\n").arg(step + 1).arg(lesson.steps.size()).arg(s.title);
    text += indented(s.narration, QStringLiteral("  ")) + QLatin1Char('\n');
    // The lines this step adds to the lesson's program, marked off from the narration.
    for (const QString &code : s.code)
        text += QStringLiteral("  | %1\n").arg(code);
    if (!s.question.isEmpty())
        text += QStringLiteral("  Q: %1\n  A: %2\n").arg(s.question, s.answer);
    if (s.action.kind != LessonAction::Kind::None)
        text += QStringLiteral("  >>> %1\n").arg(s.action.python());
    printText(text);
}

void LessonCommand::finish(int exitCode)
{
    m_runner->pause();
    QCoreApplication::exit(m_log->endSession(exitCode));
}
