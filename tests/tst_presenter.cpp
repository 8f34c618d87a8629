// SPDX-License-Identifier: MIT
// The lesson in the window and the stage for a projector: keyboard navigation, presenter
// mode's sizes at 1920×1080, themes and their contrast, settings that persist. (Every lesson
// step on the stage at each projector size: tst_stage.)

#include "AppearanceController.h"
#include "ClientPane.h"
#include "EndpointForm.h"
#include "FreePort.h"
#include "LessonCaption.h"
#include "LessonPanel.h"
#include "MainWindow.h"
#include "RoleColors.h"
#include "SequenceDiagramView.h"
#include "ServerPane.h"
#include "ShownWhole.h"
#include "StateBadge.h"
#include "Theme.h"
#include "calls/HostPortText.h"
#include "lesson/LessonRunner.h"
#include "session/SocketSession.h"

#include <QAbstractScrollArea>
#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>

#include <memory>

namespace {
int pixelSize(const QWidget *w)
{
    return QFontInfo(w->font()).pixelSize();
}
} // namespace

class TestPresenter : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void keyboardNavigatesALesson();
    void lessonDockLeavesThePanesTheirWidth_data();
    void lessonDockLeavesThePanesTheirWidth();
    void aLessonOfLongWordsDoesNotWidenTheWindow();
    void studentsTurnIsDoneInThePane();
    void presenterModeIsReadableFromTheBackRow();
    void leavingPresenterModeRestoresTheWindow();
    void highContrastThemeMeetsSevenToOne();
    void themeZoomAndLessonPersist();
    void aLessonThatFailsToLoadIsNotReopened();
    void aStepThatNeverEndsSaysHowToStopWaiting();
    void aServeAddressFromTheCommandLineIsNotSaved();

private:
    void openLesson(const QString &id);

    std::unique_ptr<MainWindow> m_window;
};

void TestPresenter::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestPresenter::init()
{
    QSettings().clear();
    m_window = std::make_unique<MainWindow>();
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    m_window->findChild<QSpinBox *>(QStringLiteral("server.port"))->setValue(freePort());
}

void TestPresenter::cleanup()
{
    m_window.reset();
    Theme::apply(Theme::Kind::Light);
}

void TestPresenter::openLesson(const QString &id)
{
    QString error;
    QVERIFY2(m_window->openLesson(id, &error), qPrintable(error));
}

void TestPresenter::keyboardNavigatesALesson()
{
    openLesson(QStringLiteral("getting-the-flow"));
    LessonRunner *runner = m_window->lessonRunner();
    QVERIFY(m_window->lessonDock()->isVisible());
    QCOMPARE(runner->currentStep(), -1);
    QWidget *focus = m_window->lessonPanel();
    QTest::keyClick(focus, Qt::Key_Space);
    QCOMPARE(runner->currentStep(), 0);
    QVERIFY(m_window->lessonPanel()->narrationText().contains(QStringLiteral("two programs")));
    QVERIFY(!m_window->lessonPanel()->answerShown());
    QTest::keyClick(focus, Qt::Key_A);
    QVERIFY(m_window->lessonPanel()->answerShown());
    QTest::keyClick(focus, Qt::Key_Right);
    QCOMPARE(runner->currentStep(), 1);
    // Step 2 creates the server socket, and the server pane shows it.
    QTRY_COMPARE(runner->status(1), LessonRunner::StepStatus::Done);
    const QString server = runner->socketIdFor(QStringLiteral("server"));
    QCOMPARE(m_window->serverPane()->listenerId(), server);
    QTest::keyClick(focus, Qt::Key_Left);
    QCOMPARE(runner->currentStep(), 0);
    QTest::keyClick(focus, Qt::Key_Right);
    QCOMPARE(runner->currentStep(), 1);
    QCOMPARE(m_window->session()->socketIds().size(), 1); // nothing was called twice

    // Typing a space into a text field types a space; it does not move the lesson.
    auto *host = m_window->findChild<QLineEdit *>(QStringLiteral("client.host"));
    QVERIFY(host);
    host->setFocus();
    QTest::keyClick(host, Qt::Key_Space);
    QCOMPARE(runner->currentStep(), 1);
    QVERIFY(host->text().endsWith(QLatin1Char(' ')));

    QTest::keyClick(focus, Qt::Key_P);
    QVERIFY(runner->isPlaying());
    QTest::keyClick(focus, Qt::Key_P);
    QVERIFY(!runner->isPlaying());

    QTest::keyClick(focus, Qt::Key_R, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(runner->currentStep(), -1);
    QTRY_COMPARE(m_window->session()->socket(server).state, SocketState::Closed);
}

void TestPresenter::lessonDockLeavesThePanesTheirWidth_data()
{
    QTest::addColumn<QSize>("size");
    QTest::addColumn<int>("step"); // played up to it: -1, the title page
    QTest::newRow("first start, title page") << MainWindow::preferredSize << -1;
    // Beside the dock at 1024 px a pane is about 300 px wide: its fixed rows (setsockopt and
    // the option, the client picker and "connect N clients", a wide encoding box) and a
    // heading that did not wrap gave both panes a horizontal scroll bar.
    QTest::newRow("1024-pixel projector, both sockets connected") << QSize(1024, 740) << 9;
}

void TestPresenter::lessonDockLeavesThePanesTheirWidth()
{
    // With a lesson open beside them, the panes still show all their calls without scrolling
    // sideways.
    QFETCH(QSize, size);
    QFETCH(int, step);
    m_window->resize(size);
    openLesson(QStringLiteral("getting-the-flow"));
    QTRY_VERIFY(m_window->lessonDock()->isVisible() && m_window->lessonDock()->width() > 0);
    if (step >= 0) {
        LessonRunner *runner = m_window->lessonRunner();
        runner->runTo(step);
        QTRY_COMPARE_WITH_TIMEOUT(runner->status(step), LessonRunner::StepStatus::Done, 10000);
    }
    QCoreApplication::processEvents();
    for (QWidget *pane : {static_cast<QWidget *>(m_window->serverPane()),
                          static_cast<QWidget *>(m_window->clientPane())}) {
        auto *scroll = qobject_cast<QAbstractScrollArea *>(pane->parentWidget()->parentWidget());
        QVERIFY(scroll);
        QVERIFY2(scroll->viewport()->width() >= pane->minimumSizeHint().width(),
                 qPrintable(QStringLiteral("%1: %2 px for %3")
                                .arg(QString::fromLatin1(pane->metaObject()->className()))
                                .arg(scroll->viewport()->width())
                                .arg(pane->minimumSizeHint().width())));
    }
}

void TestPresenter::aLessonOfLongWordsDoesNotWidenTheWindow()
{
    // A shared lesson may hold words as long as a line may be: they wrap, in the dock and on
    // the stage, instead of setting the window's width (one such word took 14.9 GB).
    openLesson(QStringLiteral("getting-the-flow"));
    QTest::keyClick(m_window->lessonPanel(), Qt::Key_Space);
    QCoreApplication::processEvents();
    const int usual = m_window->minimumSizeHint().width();
    QTemporaryDir dir;
    const QByteArray word(1990, 'w');
    QFile file(dir.filePath(QStringLiteral("words.lesson")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("lesson: words\ntitle: " + word + "\ngoal: " + word + "\nstep: " + word +
               "\nsay: " + word + "\nask: " + word + "\nanswer: " + word + "\n");
    file.close();
    openLesson(file.fileName());
    QTest::keyClick(m_window->lessonPanel(), Qt::Key_Space);
    QTest::keyClick(m_window->lessonPanel(), Qt::Key_A);
    QCoreApplication::processEvents();
    // No wider than with a lesson of the course, give or take a heading's word.
    QVERIFY2(m_window->minimumSizeHint().width() <= usual + 100,
             qPrintable(QStringLiteral("%1 px, %2 with getting-the-flow")
                            .arg(m_window->minimumSizeHint().width())
                            .arg(usual)));
    m_window->setPresenterMode(true, false);
    QCoreApplication::processEvents();
    QVERIFY2(m_window->minimumSizeHint().width() <= 1024,
             qPrintable(QString::number(m_window->minimumSizeHint().width())));
    m_window->setPresenterMode(false, false);
}

void TestPresenter::studentsTurnIsDoneInThePane()
{
    openLesson(QStringLiteral("getting-the-flow"));
    LessonRunner *runner = m_window->lessonRunner();
    runner->setPlayDelayMs(0);
    runner->play();
    // Step 7 is the student's: press socket() in the client pane.
    QTRY_COMPARE_WITH_TIMEOUT(runner->status(6), LessonRunner::StepStatus::WaitingForUser, 5000);
    QCOMPARE(runner->status(5), LessonRunner::StepStatus::Done); // accept is blocked: done
    auto *socketButton = m_window->findChild<QPushButton *>(QStringLiteral("client.socket"));
    QVERIFY(socketButton);
    QTest::mouseClick(socketButton, Qt::LeftButton);
    QTRY_COMPARE(runner->status(6), LessonRunner::StepStatus::Done);
    QCOMPARE(runner->socketIdFor(QStringLiteral("client")), m_window->clientPane()->clientId());
    // Then connect: the student's again; the pane's host and port are the lesson's.
    QTRY_COMPARE(runner->status(7), LessonRunner::StepStatus::WaitingForUser);
    m_window->clientPane()->endpoint()->setEndpoint(QStringLiteral("127.0.0.1"),
                                                    m_window->serverPane()->endpoint()->port());
    QTest::mouseClick(m_window->findChild<QPushButton *>(QStringLiteral("client.connect")),
                      Qt::LeftButton);
    QTRY_COMPARE(runner->status(7), LessonRunner::StepStatus::Done);
    QTRY_VERIFY(!runner->socketIdFor(QStringLiteral("conn")).isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(runner->currentStep(), runner->stepCount(), 10000);
}

void TestPresenter::presenterModeIsReadableFromTheBackRow()
{
    openLesson(QStringLiteral("getting-the-flow"));
    LessonRunner *runner = m_window->lessonRunner();
    runner->runTo(8); // server listening, client connected
    QTRY_COMPARE_WITH_TIMEOUT(runner->status(8), LessonRunner::StepStatus::Done, 5000);
    m_window->setPresenterMode(true, false);
    m_window->resize(1920, 1080);
    QTest::qWait(50);
    QVERIFY(m_window->isPresenterMode());
    QVERIFY(m_window->lessonCaption()->isVisible());
    QVERIFY(!m_window->lessonDock()->isVisible());
    QVERIFY(!m_window->menuBar()->isVisible());
    QVERIFY(m_window->diagram()->isVisible());
    QCOMPARE(m_window->diagram()->lineScale(), 2.0);
    QVERIFY(m_window->diagram()->animationMs() > 0);

    // Body text at least 24 px: the caption, the panes' labels and fields.
    const auto *narration = m_window->findChild<QLabel *>(QStringLiteral("captionNarration"));
    QVERIFY(narration && narration->isVisible());
    QVERIFY2(pixelSize(narration) >= 24, qPrintable(QString::number(pixelSize(narration))));
    int bodyLabels = 0;
    for (QWidget *pane : {static_cast<QWidget *>(m_window->serverPane()),
                          static_cast<QWidget *>(m_window->clientPane())}) {
        for (const QWidget *w : pane->findChildren<QWidget *>()) {
            if (!w->isVisible() ||
                !(qobject_cast<const QLabel *>(w) || qobject_cast<const QAbstractButton *>(w) ||
                  qobject_cast<const QLineEdit *>(w)))
                continue;
            QVERIFY2(pixelSize(w) >= 24,
                     qPrintable(QStringLiteral("%1 '%2' is %3 px")
                                    .arg(QString::fromLatin1(w->metaObject()->className()))
                                    .arg(w->objectName())
                                    .arg(pixelSize(w))));
            ++bodyLabels;
        }
    }
    QVERIFY(bodyLabels > 20);
    // State badges at least 40 px, and wide enough for their text.
    const QList<StateBadge *> badges = m_window->findChildren<StateBadge *>();
    int shown = 0;
    for (const StateBadge *b : badges) {
        if (!b->isVisible())
            continue;
        ++shown;
        QVERIFY2(pixelSize(b) >= 40, qPrintable(QString::number(pixelSize(b))));
        QVERIFY2(b->width() >= QFontMetrics(b->font()).horizontalAdvance(b->text()),
                 qPrintable(b->text()));
    }
    QVERIFY(shown >= 2);
    // On the stage a pane is shorter than its contents, so each follows the flow: the
    // server's shows the accepted connection, which the lesson's next step reads from; the
    // client's shows its socket. The badge of that socket and the pane's title are in view,
    // not scrolled past the pane's edge.
    const QList<const QWidget *> inView = {
        m_window->serverPane()->title(),
        m_window->findChild<QWidget *>(QStringLiteral("server.connectionStatus"))
            ->findChild<StateBadge *>(),
        m_window->clientPane()->title(),
        m_window->findChild<QWidget *>(QStringLiteral("client.status"))->findChild<StateBadge *>(),
    };
    for (const QWidget *w : inView) {
        QVERIFY(w && w->isVisible());
        QTRY_VERIFY2(shownWhole(w), w->metaObject()->className());
    }
}

void TestPresenter::leavingPresenterModeRestoresTheWindow()
{
    m_window->setZoomPercent(125);
    QTest::keyClick(m_window.get(), Qt::Key_F5);
    QVERIFY(m_window->isPresenterMode());
    QCOMPARE(m_window->zoomPercent(), AppearanceController::presenterZoomPercent);
    QTest::keyClick(m_window.get(), Qt::Key_Plus, Qt::ControlModifier);
    QCOMPARE(m_window->zoomPercent(), AppearanceController::presenterZoomPercent + 25);
    QTest::keyClick(m_window.get(), Qt::Key_Escape);
    QVERIFY(!m_window->isPresenterMode());
    QCOMPARE(m_window->zoomPercent(), 125);
    QVERIFY(m_window->menuBar()->isVisible());
    QCOMPARE(m_window->diagram()->lineScale(), 1.0);
    QCOMPARE(m_window->diagram()->animationMs(), 0);
    // The stage remembers its own zoom.
    QTest::keyClick(m_window.get(), Qt::Key_F5);
    QCOMPARE(m_window->zoomPercent(), AppearanceController::presenterZoomPercent + 25);
    m_window->appearance()->setAnimationMs(1500);
    QCOMPARE(m_window->diagram()->animationMs(), 1500);
    m_window->setReducedMotion(true);
    QCOMPARE(m_window->diagram()->animationMs(), 0);
    m_window->setReducedMotion(false);
    QCOMPARE(m_window->diagram()->animationMs(), 1500);
    m_window->setPresenterMode(false);
    m_window->setZoomPercent(1000);
    QCOMPARE(m_window->zoomPercent(), AppearanceController::maxZoomPercent);
    m_window->setZoomPercent(10);
    QCOMPARE(m_window->zoomPercent(), AppearanceController::minZoomPercent);
}

void TestPresenter::highContrastThemeMeetsSevenToOne()
{
    m_window->setTheme(Theme::Kind::HighContrast);
    const QPalette p = QApplication::palette();
    const QList<QPair<QPalette::ColorRole, QPalette::ColorRole>> pairs{
        {QPalette::WindowText, QPalette::Window},
        {QPalette::Text, QPalette::Base},
        {QPalette::ButtonText, QPalette::Button},
        {QPalette::HighlightedText, QPalette::Highlight},
        {QPalette::ToolTipText, QPalette::ToolTipBase},
        {QPalette::PlaceholderText, QPalette::Base}};
    for (const auto &pair : pairs)
        QVERIFY2(Theme::contrast(p.color(pair.first), p.color(pair.second)) >= 7.0,
                 qPrintable(
                     QString::number(Theme::contrast(p.color(pair.first), p.color(pair.second)))));
    QVERIFY(Theme::contrast(p.color(QPalette::Disabled, QPalette::ButtonText),
                            p.color(QPalette::Button)) >= 7.0);
    for (const QColor &c :
         {RoleColors::strong(SocketRole::Server), RoleColors::strong(SocketRole::Client),
          RoleColors::errorText(), RoleColors::warningText(), RoleColors::mutedText()}) {
        QVERIFY2(Theme::contrast(c, p.color(QPalette::Base)) >= 7.0, qPrintable(c.name()));
        QVERIFY2(Theme::contrast(c, RoleColors::newestBand()) >= 7.0, qPrintable(c.name()));
    }
    // Server and client stay different colours in every theme.
    for (Theme::Kind kind : Theme::all()) {
        m_window->setTheme(kind);
        QVERIFY(RoleColors::strong(SocketRole::Server) != RoleColors::strong(SocketRole::Client));
        QVERIFY(Theme::contrast(QApplication::palette().color(QPalette::Text),
                                QApplication::palette().color(QPalette::Base)) >= 4.5);
    }
    QCOMPARE(Theme::contrast(Qt::black, Qt::white), 21.0);
}

void TestPresenter::themeZoomAndLessonPersist()
{
    m_window->setTheme(Theme::Kind::Dark);
    m_window->setZoomPercent(150);
    openLesson(QStringLiteral("backlog"));
    m_window->lessonRunner()->runTo(3);
    QTRY_COMPARE(m_window->lessonRunner()->status(3), LessonRunner::StepStatus::Done);
    m_window->close();
    m_window = std::make_unique<MainWindow>();
    QCOMPARE(Theme::current(), Theme::Kind::Dark);
    QCOMPARE(m_window->zoomPercent(), 150);
    QVERIFY(m_window->lessonRunner()->hasLesson());
    QCOMPARE(m_window->lessonRunner()->lesson().id, QStringLiteral("backlog"));
    QCOMPARE(m_window->lessonRunner()->currentStep(), -1); // nothing runs by itself
    QVERIFY(m_window->lessonPanel()->findChildren<QPushButton *>().size() >= 2);
    bool offered = false;
    for (const QPushButton *b : m_window->lessonPanel()->findChildren<QPushButton *>())
        offered = offered || b->text().contains(QStringLiteral("step 4"));
    QVERIFY(offered);
}

void TestPresenter::aLessonThatFailsToLoadIsNotReopened()
{
    // A lesson that loaded once and is refused now (changed, gone, or too big for the new
    // limits) was reopened at every start; a huge one made each start slow.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("huge.lesson"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("lesson: huge\ntitle: Huge\ngoal: " + QByteArray(50000, 'g') + "\n");
    file.close();
    m_window->close();
    m_window.reset();
    QSettings().setValue(QStringLiteral("lesson/id"), path);
    m_window = std::make_unique<MainWindow>();
    QVERIFY(!m_window->lessonRunner()->hasLesson());
    QVERIFY(!QSettings().contains(QStringLiteral("lesson/id")));
}

void TestPresenter::aStepThatNeverEndsSaysHowToStopWaiting()
{
    QTemporaryDir dir;
    QFile file(dir.filePath(QStringLiteral("forever.lesson")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("lesson: forever\ntitle: Nobody comes\n"
               "step: A server\nsay: One.\ndo: server socket\n"
               "step: Bound\nsay: Two.\ndo: server bind {host} {port}\n"
               "step: Listening\nsay: Three.\ndo: server listen 1\n"
               "step: Waiting\nsay: Nobody connects.\ndo: server accept\nexpect: returns\n");
    file.close();
    openLesson(file.fileName());
    m_window->lessonPanel()->setStillWaitingAfterMs(1000);
    m_window->lessonRunner()->runTo(3);
    QTRY_COMPARE(m_window->lessonRunner()->status(3), LessonRunner::StepStatus::Running);
    QTRY_VERIFY_WITH_TIMEOUT(
        m_window->lessonPanel()->statusText().startsWith(QStringLiteral("Still waiting after 1 s")),
        5000);
    QVERIFY(m_window->lessonPanel()->statusText().contains(QStringLiteral("restart the lesson")));
}

void TestPresenter::aServeAddressFromTheCommandLineIsNotSaved()
{
    // --serve HOST:PORT is for this run, not the pane's address from now on (0.0.0.0 in
    // particular; 127.0.0.2 here, so the test binds nothing beyond loopback).
    auto *port = m_window->findChild<QSpinBox *>(QStringLiteral("server.port"));
    const int chosen = port->value();
    m_window->close(); // saves the pane's own address
    m_window = std::make_unique<MainWindow>();
    m_window->serverPane()->listenAndServe(HostPortText::parse(QStringLiteral("127.0.0.2:0")),
                                           ServerMode::Echo, 16);
    QTRY_COMPARE(m_window->serverPane()->endpoint()->host(), QStringLiteral("127.0.0.2"));
    m_window->close();
    m_window = std::make_unique<MainWindow>();
    QCOMPARE(m_window->serverPane()->endpoint()->host(), QStringLiteral("127.0.0.1"));
    QCOMPARE(m_window->findChild<QSpinBox *>(QStringLiteral("server.port"))->value(), chosen);
}

QTEST_MAIN(TestPresenter)
#include "tst_presenter.moc"
