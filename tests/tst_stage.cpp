// SPDX-License-Identifier: MIT
// The stage on the screens classes use: every step of every built-in lesson, in presenter mode,
// on a screen of the size CTest gives this run (1024×768, 1280×720, 1366×768, 1920×1080: the
// offscreen platform with a screen of that size), with the themes switched in place. What the
// class must see is checked by geometry, not by looking: the caption, the button of the call
// the step makes, the state badges of the sockets it acts on, the newest arrow of the diagram.

#include "FreePort.h"
#include "GuideWindow.h"
#include "HeadingLabel.h"
#include "LessonCaption.h"
#include "MainWindow.h"
#include "SequenceDiagramView.h"
#include "ShownWhole.h"
#include "SocketStatusView.h"
#include "StateBadge.h"
#include "Theme.h"
#include "lesson/LessonLibrary.h"
#include "lesson/LessonRunner.h"
#include "present/SequenceLayout.h"
#include "session/SocketSession.h"

#include <QDesktopServices>
#include <QLabel>
#include <QPushButton>
#include <QScreen>
#include <QSettings>
#include <QSpinBox>
#include <QSplitter>
#include <QStandardPaths>
#include <QTcpSocket>
#include <QTest>

#include <memory>

namespace {
// Whether the widget is shown whole and lies inside the screen's available area.
QString whyNotInView(const QWidget *w)
{
    if (!w)
        return QStringLiteral("missing");
    if (!shownWhole(w))
        return w->isVisible() ? QStringLiteral("clipped or scrolled away")
                              : QStringLiteral("hidden");
    const QRect global(w->mapToGlobal(QPoint(0, 0)), w->size());
    const QRect screen = w->screen()->availableGeometry();
    if (!screen.contains(global))
        return QStringLiteral("at %1,%2 %3×%4, off the %5×%6 screen")
            .arg(global.x())
            .arg(global.y())
            .arg(global.width())
            .arg(global.height())
            .arg(screen.width())
            .arg(screen.height());
    return QString();
}

// The button a pane offers for this call on this kind of socket.
QString buttonName(SocketCall call, SocketRole role)
{
    const QString name = socketCallName(call).toLower();
    switch (call) {
    case SocketCall::Send:
    case SocketCall::SendAll:
    case SocketCall::Recv:
    case SocketCall::SendTo:
    case SocketCall::RecvFrom:
    case SocketCall::Shutdown:
        return (role == SocketRole::Client ? QStringLiteral("client.") : QStringLiteral("conn.")) +
               name;
    case SocketCall::Close:
        return (role == SocketRole::Client       ? QStringLiteral("client.")
                : role == SocketRole::Connection ? QStringLiteral("conn.")
                                                 : QStringLiteral("server.")) +
               name;
    default:
        return (role == SocketRole::Client ? QStringLiteral("client.")
                                           : QStringLiteral("server.")) +
               name;
    }
}
} // namespace

class TestStage : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void everyStepOfEveryLessonIsInView_data();
    void everyStepOfEveryLessonIsInView();
    void withoutALessonEveryCallOfTheFlowIsInView();
    void theWindowAndItsDialogsFitTheScreen();
    void aThemeSwitchedBackLooksAsAfterAStart();
    void cleanupTestCase();

public slots:
    // Stands in for the system browser of the browser lesson: a real request to the URL.
    void visit(const QUrl &url);

private:
    // What the class cannot see at this step; empty when it all is in view.
    QString checkStep(MainWindow *window, int step, const QString &where);

    QTcpSocket m_browser;
};

void TestStage::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
    QDesktopServices::setUrlHandler(QStringLiteral("http"), this, "visit");
    qInfo("screen %dx%d", QGuiApplication::primaryScreen()->geometry().width(),
          QGuiApplication::primaryScreen()->geometry().height());
}

void TestStage::cleanupTestCase()
{
    QDesktopServices::unsetUrlHandler(QStringLiteral("http"));
}

void TestStage::visit(const QUrl &url)
{
    m_browser.abort();
    m_browser.connectToHost(url.host(), quint16(url.port()));
    m_browser.write("GET " + url.path().toUtf8() + " HTTP/1.1\r\nHost: " +
                    url.authority().toUtf8() + "\r\nConnection: close\r\n\r\n");
}

QString TestStage::checkStep(MainWindow *window, int step, const QString &where)
{
    LessonRunner *runner = window->lessonRunner();
    const QString at = QStringLiteral("%1, step %2 (%3)")
                           .arg(where)
                           .arg(step + 1)
                           .arg(runner->lesson().steps.value(step).title);
    const auto *narration = window->findChild<QLabel *>(QStringLiteral("captionNarration"));
    const QString caption = whyNotInView(narration);
    if (!caption.isEmpty())
        return at + QStringLiteral(": caption ") + caption;

    const LessonAction &action = runner->lesson().steps.value(step).action;
    if (action.kind == LessonAction::Kind::Call) {
        const QString id = runner->socketIdFor(action.target);
        if (id.isEmpty())
            return at + QStringLiteral(": no socket ") + action.target;
        const SocketInfo info = window->session()->socket(id);
        const QString name = buttonName(action.call, info.role);
        const auto *button = window->findChild<QPushButton *>(name);
        const QString why = whyNotInView(button);
        if (!why.isEmpty())
            return at + QStringLiteral(": button ") + name + QStringLiteral(" ") + why;
        // The badge of the socket the step acted on.
        const SocketStatusView *status = nullptr;
        for (const SocketStatusView *v : window->findChildren<SocketStatusView *>()) {
            if (v->socketId() == id && v->isVisible())
                status = v;
        }
        if (!status)
            return at + QStringLiteral(": no pane shows ") + id;
        const QString badge = whyNotInView(status->findChild<StateBadge *>());
        if (!badge.isEmpty())
            return at + QStringLiteral(": badge of ") + id + QStringLiteral(" ") + badge;
    }

    // The diagram follows the flow: its newest row is in view, below the sockets' names, and
    // so is the end of its newest arrow, unless more rows came since than the view can hold.
    const SequenceDiagramView *diagram = window->diagram();
    if (!whyNotInView(diagram).isEmpty())
        return at + QStringLiteral(": diagram");
    const SequenceLayout &layout = diagram->layout();
    const int rows = diagram->model().rowCount();
    const auto inView = [&layout](int y) {
        return y >= layout.headerHeight() && y <= layout.height();
    };
    if (rows > 0 && !inView(layout.rowY(rows - 1, 1)))
        return QStringLiteral("%1: newest row at y %2, view %3 to %4")
            .arg(at)
            .arg(layout.rowY(rows - 1, 1))
            .arg(layout.headerHeight())
            .arg(layout.height());
    const QVector<SequenceModel::Arrow> &arrows = diagram->model().arrows();
    if (!arrows.isEmpty()) {
        const SequenceModel::Arrow &newest = arrows.last();
        const QLineF line = layout.arrowLine(newest);
        // From above the arrow's end (its label's line) to the bottom of the newest row.
        const int lineHeight = layout.lineHeight();
        const bool fits =
            layout.rowY(rows - 1, 1) + layout.rowHeight() / 2 - (int(line.p2().y()) - lineHeight) <=
            layout.height() - layout.headerHeight();
        if (fits && !inView(int(line.p2().y())))
            return QStringLiteral("%1: newest arrow ends at y %2, view %3 to %4")
                .arg(at)
                .arg(line.p2().y())
                .arg(layout.headerHeight())
                .arg(layout.height());
    }
    return QString();
}

void TestStage::everyStepOfEveryLessonIsInView_data()
{
    QTest::addColumn<QString>("lesson");
    for (const QString &id : LessonLibrary::builtInIds())
        QTest::newRow(qPrintable(id)) << id;
}

void TestStage::everyStepOfEveryLessonIsInView()
{
    QFETCH(QString, lesson);
    QSettings().clear();
    auto window = std::make_unique<MainWindow>();
    window->findChild<QSpinBox *>(QStringLiteral("server.port"))->setValue(freePort());
    QString error;
    QVERIFY2(window->openLesson(lesson, &error), qPrintable(error));
    window->setPresenterMode(true);
    window->show();
    QVERIFY(QTest::qWaitForWindowExposed(window.get()));
    // Presenter mode is the whole screen.
    QTRY_COMPARE(window->geometry(), window->screen()->geometry());

    LessonRunner *runner = window->lessonRunner();
    runner->setPlayDelayMs(0);
    for (int step = 0; step < runner->stepCount(); ++step) {
        runner->runTo(step);
        QTRY_VERIFY2_WITH_TIMEOUT(runner->status(step) != LessonRunner::StepStatus::Running &&
                                      runner->status(step) != LessonRunner::StepStatus::NotRun,
                                  qPrintable(QStringLiteral("step %1 never ended").arg(step + 1)),
                                  10000);
        QVERIFY2(runner->status(step) != LessonRunner::StepStatus::Failed,
                 qPrintable(runner->statusDetail(step)));
        for (Theme::Kind theme : Theme::all()) {
            window->setTheme(theme);
            // Once the panes and the diagram have settled (the stage's fit, a diagram frame).
            QString hidden;
            QTRY_VERIFY2_WITH_TIMEOUT(
                (hidden =
                     checkStep(window.get(), step, lesson + QLatin1Char(' ') + Theme::name(theme)))
                    .isEmpty(),
                qPrintable(hidden), 3000);
        }
    }
}

void TestStage::withoutALessonEveryCallOfTheFlowIsInView()
{
    // Free play on the stage: each call of the course's flow, as a presenter clicks it, is in
    // view when it can be made, and so are both sockets' badges.
    QSettings().clear();
    auto window = std::make_unique<MainWindow>();
    const int port = freePort();
    window->findChild<QSpinBox *>(QStringLiteral("server.port"))->setValue(port);
    window->findChild<QSpinBox *>(QStringLiteral("client.port"))->setValue(port);
    window->setPresenterMode(true);
    window->show();
    QVERIFY(QTest::qWaitForWindowExposed(window.get()));
    const QStringList flow = {
        QStringLiteral("server.socket"),  QStringLiteral("server.setsockopt"),
        QStringLiteral("server.bind"),    QStringLiteral("server.listen"),
        QStringLiteral("server.accept"),  QStringLiteral("client.socket"),
        QStringLiteral("client.connect"), QStringLiteral("client.sendall"),
        QStringLiteral("conn.recv"),      QStringLiteral("conn.sendall"),
        QStringLiteral("client.recv"),    QStringLiteral("conn.close"),
        QStringLiteral("client.recv"),    QStringLiteral("client.close"),
        QStringLiteral("server.close"),
    };
    for (const QString &name : flow) {
        auto *button = window->findChild<QPushButton *>(name);
        QTRY_VERIFY2(button && button->isEnabled() && whyNotInView(button).isEmpty(),
                     qPrintable(name + QStringLiteral(": ") + whyNotInView(button)));
        QTest::mouseClick(button, Qt::LeftButton);
        QTest::qWait(60);
        for (const StateBadge *badge : window->findChildren<StateBadge *>()) {
            if (badge->isVisible())
                QVERIFY2(whyNotInView(badge).isEmpty(),
                         qPrintable(name + QStringLiteral(": badge ") + badge->text() +
                                    QStringLiteral(" ") + whyNotInView(badge)));
        }
    }
    // A drag of the divider never makes the diagram vanish.
    QSplitter *splitter = nullptr;
    for (QSplitter *s : window->findChildren<QSplitter *>()) {
        if (s->orientation() == Qt::Vertical && s->isAncestorOf(window->diagram()))
            splitter = s;
    }
    QVERIFY(splitter);
    const int total = splitter->sizes().value(0) + splitter->sizes().value(1);
    splitter->setSizes({total, 0});
    QVERIFY(splitter->sizes().value(1) > 0);
    QVERIFY(window->diagram()->height() > 0);
}

void TestStage::theWindowAndItsDialogsFitTheScreen()
{
    QSettings().clear();
    const QRect screen = QGuiApplication::primaryScreen()->availableGeometry();
    {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY2(screen.contains(window.frameGeometry()),
                 qPrintable(QStringLiteral("%1×%2").arg(window.width()).arg(window.height())));
        // In and out of presenter mode: the window comes back inside the screen.
        window.setPresenterMode(true);
        QTRY_COMPARE(window.geometry(), window.screen()->geometry());
        window.setPresenterMode(false);
        QTRY_VERIFY(screen.contains(window.frameGeometry()));
        QTest::keyClick(&window, Qt::Key_F1);
        QTRY_VERIFY(window.guide() && window.guide()->isVisible());
        QVERIFY2(screen.contains(window.guide()->frameGeometry()),
                 qPrintable(QStringLiteral("guide %1×%2")
                                .arg(window.guide()->width())
                                .arg(window.guide()->height())));
        // Saved larger than this screen (another monitor, another room's projector).
        window.resize(screen.width() + 300, screen.height() + 200);
        window.close();
    }
    // The next start opens inside the screen all the same.
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(screen.contains(window.frameGeometry()));
}

void TestStage::aThemeSwitchedBackLooksAsAfterAStart()
{
    // High Contrast and back to Light left pale headings and white text on light grey until
    // a restart: every label's colours must be those of a window started in Light.
    const auto openAt = [](MainWindow *window) {
        window->findChild<QSpinBox *>(QStringLiteral("server.port"))->setValue(freePort());
        QString error;
        QVERIFY2(window->openLesson(QStringLiteral("getting-the-flow"), &error), qPrintable(error));
        window->setPresenterMode(true); // the caption, where it was seen
        window->show();
        QVERIFY(QTest::qWaitForWindowExposed(window));
        window->lessonRunner()->runTo(5); // accept blocks: a warning-coloured line
        QTRY_COMPARE(window->lessonRunner()->status(5), LessonRunner::StepStatus::Done);
    };
    QSettings().clear();
    MainWindow switched;
    openAt(&switched);
    switched.setTheme(Theme::Kind::HighContrast);
    QCoreApplication::processEvents();
    switched.setTheme(Theme::Kind::Light);
    QCoreApplication::processEvents();
    MainWindow fresh;
    openAt(&fresh);
    // Style sheets carry the theme's colours (a blocked call's warning, a heading's role).
    // Widgets are matched by name, or by class and text for the unnamed labels.
    const auto sheets = [](const MainWindow &window) {
        QHash<QString, QString> byKey;
        for (const QWidget *w : window.findChildren<QWidget *>()) {
            const auto *label = qobject_cast<const QLabel *>(w);
            QString key = w->objectName();
            if (key.isEmpty() && label)
                key = QString::fromLatin1(w->metaObject()->className()) + label->text();
            // Timers tick in some texts; what differs there is not a colour.
            if (!key.isEmpty() && !key.contains(QLatin1String(" s")))
                byKey.insert(key, w->styleSheet());
        }
        return byKey;
    };
    const QHash<QString, QString> a = sheets(switched);
    const QHash<QString, QString> b = sheets(fresh);
    int compared = 0;
    for (auto it = b.cbegin(); it != b.cend(); ++it) {
        if (!a.contains(it.key()))
            continue;
        ++compared;
        QVERIFY2(a.value(it.key()) == it.value(),
                 qPrintable(QStringLiteral("%1: '%2' after the switch, '%3' at start")
                                .arg(it.key(), a.value(it.key()), it.value())));
    }
    QVERIFY2(compared > 50, qPrintable(QString::number(compared)));
    // The caption's own palette (its band): text and background as at a start in Light.
    for (QPalette::ColorRole role : {QPalette::WindowText, QPalette::Window})
        QCOMPARE(switched.lessonCaption()->palette().color(role).name(),
                 fresh.lessonCaption()->palette().color(role).name());
    // And as drawn: the headings, whose texts do not change, pixel for pixel.
    const QList<HeadingLabel *> headingsA = switched.findChildren<HeadingLabel *>();
    const QList<HeadingLabel *> headingsB = fresh.findChildren<HeadingLabel *>();
    for (int i = 0; i < headingsA.size(); ++i) {
        if (!headingsA.at(i)->isVisible() || headingsA.at(i)->text() != headingsB.at(i)->text() ||
            qobject_cast<StateBadge *>(headingsA.at(i)))
            continue;
        // Left-aligned text: the part both have in common (a pane may be a pixel wider).
        const QRect common(QPoint(0, 0),
                           headingsA.at(i)->size().boundedTo(headingsB.at(i)->size()));
        QVERIFY2(headingsA.at(i)->grab(common).toImage() == headingsB.at(i)->grab(common).toImage(),
                 qPrintable(headingsA.at(i)->text()));
    }
}

QTEST_MAIN(TestStage)
#include "tst_stage.moc"
