// SPDX-License-Identifier: MIT
// The window as a desktop citizen: it says under which license it may be shared, F11 fills
// the screen, and a setting is on disk as soon as it changes (a window that is killed later
// does not lose it).

#include "AppIdentity.h"
#include "MainWindow.h"
#include "RecentFiles.h"
#include "RoleColors.h"
#include "Theme.h"
#include "WindowDriver.h"
#include "WindowSettings.h"
#include "trace/TraceFormat.h"

#include <QAction>
#include <QApplication>
#include <QFile>
#include <QFileInfo>
#include <QMenu>
#include <QMessageBox>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

namespace {
// What a dark desktop theme hands a Qt application.
QPalette darkDesktop()
{
    QPalette p(QColor(0x30, 0x30, 0x34), QColor(0x25, 0x25, 0x28));
    p.setColor(QPalette::Base, QColor(0x1C, 0x1C, 0x1F));
    p.setColor(QPalette::Text, QColor(0xF0, 0xF0, 0xF0));
    p.setColor(QPalette::WindowText, QColor(0xF0, 0xF0, 0xF0));
    return p;
}
} // namespace

class TestDesktop : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void aboutNamesTheLicense();
    void f11FillsTheScreenAndLeavesIt();
    void settingsAreSavedWhenTheyChange();
    void windowsBelongToTheDesktopEntry();
    void openRecentReopensWhatWasOpened();
    void aDarkDesktopGetsADarkWindow();

private:
    QAction *action(const QString &name) const;

    WindowDriver m_driver;
    MainWindow *m_window = nullptr;
};

void TestDesktop::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true); // settings go to a test location
}

void TestDesktop::init()
{
    // Each test starts as a first start would: with the desktop's colours.
    QSettings settings;
    WindowSettings::theme.remove(settings);
    settings.sync();
    QVERIFY(m_driver.open());
    m_window = m_driver.window();
}

void TestDesktop::cleanup()
{
    m_driver.close();
}

QAction *TestDesktop::action(const QString &name) const
{
    return m_window->findChild<QAction *>(name);
}

void TestDesktop::aboutNamesTheLicense()
{
    QString text;
    // The box is modal: read it and close it from inside its own event loop.
    QTimer::singleShot(0, this, [&text] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        if (!box)
            return;
        text = box->text();
        box->accept();
    });
    QAction *about = action(QStringLiteral("about"));
    QVERIFY(about);
    about->trigger();
    QVERIFY2(text.contains(QStringLiteral("MIT license")) &&
                 text.contains(QStringLiteral("The SocketLab authors")),
             qPrintable(text));
    bool aboutQt = false;
    for (const QAction *a : m_window->findChildren<QAction *>())
        aboutQt = aboutQt || a->text() == QStringLiteral("About &Qt");
    QVERIFY(aboutQt);
}

void TestDesktop::f11FillsTheScreenAndLeavesIt()
{
    QVERIFY(!m_window->isFullScreen());
    QTest::keyClick(m_window, Qt::Key_F11);
    QTRY_VERIFY(m_window->isFullScreen());
    QTest::keyClick(m_window, Qt::Key_F11);
    QTRY_VERIFY(!m_window->isFullScreen());
    // On the stage, F11 leaves it full screen: Esc and F5 are how the stage ends.
    m_window->setPresenterMode(true);
    QTRY_VERIFY(m_window->isFullScreen());
    QTest::keyClick(m_window, Qt::Key_F11);
    QVERIFY(m_window->isFullScreen());
    m_window->setPresenterMode(false);
    QTRY_VERIFY(!m_window->isFullScreen());
}

void TestDesktop::settingsAreSavedWhenTheyChange()
{
    const int before = m_window->zoomPercent();
    const int zoomed = before == 150 ? 160 : 150;
    m_window->setZoomPercent(zoomed);
    // Read from the file, as the next start would, while the window is still open.
    QTRY_COMPARE(WindowSettings::zoomPercent.read(QSettings()), zoomed);
    m_window->setZoomPercent(before);
    QTRY_COMPARE(WindowSettings::zoomPercent.read(QSettings()), before);
    // So is a port typed into a pane, once the field is left.
    auto *port = m_window->findChild<QSpinBox *>(QStringLiteral("client.port"));
    QVERIFY(port);
    const int typed =
        QSettings().value(QStringLiteral("client/port")).toInt() == 50123 ? 50124 : 50123;
    port->setFocus();
    port->selectAll();
    QTest::keyClicks(port, QString::number(typed));
    QTest::keyClick(port, Qt::Key_Tab);
    QTRY_COMPARE(QSettings().value(QStringLiteral("client/port")).toInt(), typed);
    // So is the window's size.
    m_window->resize(m_window->size() - QSize(40, 30));
    QTRY_COMPARE(WindowSettings::geometry.read(QSettings()), m_window->saveGeometry());
}

void TestDesktop::windowsBelongToTheDesktopEntry()
{
    // What main() does first; the desktop entry and the icons installed must match it.
    AppIdentity::apply();
    QCOMPARE(QGuiApplication::desktopFileName(), AppIdentity::desktopId());
    QSettings entry(QStringLiteral(SOCKETLAB_SOURCE_DIR "/resources/desktop/%1.desktop")
                        .arg(AppIdentity::desktopId()),
                    QSettings::IniFormat);
    entry.beginGroup(QStringLiteral("Desktop Entry"));
    QCOMPARE(entry.value(QStringLiteral("Icon")).toString(), AppIdentity::desktopId());
    // X11 task bars match WM_CLASS, which Qt takes from the program's file name.
    QCOMPARE(entry.value(QStringLiteral("StartupWMClass")).toString(),
             QFileInfo(QStringLiteral(SOCKETLAB_GUI)).fileName());
    const QIcon icon = m_window->windowIcon();
    for (const int size : AppIdentity::iconSizes) {
        QVERIFY2(icon.availableSizes().contains(QSize(size, size)),
                 qPrintable(QString::number(size)));
        QVERIFY(QFileInfo::exists(
            QStringLiteral(SOCKETLAB_SOURCE_DIR "/resources/desktop/icons/%1.png").arg(size)));
    }
}

void TestDesktop::openRecentReopensWhatWasOpened()
{
    RecentFiles::clear();
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("class & co.sltrace"));
    SocketEvent made;
    made.socketId = QStringLiteral("server#1");
    made.call = SocketCall::Socket;
    made.phase = CallPhase::Returned;
    made.result = 3;
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(TraceFormat::toLine(made, 0));
    file.close();

    QString error;
    QVERIFY2(m_window->openSession(path, &error), qPrintable(error));
    QCOMPARE(RecentFiles::files(), QStringList{QFileInfo(path).absoluteFilePath()});
    m_window->closeReplay();
    QVERIFY(!m_window->isReplaying());

    auto *menu = m_window->findChild<QMenu *>(QStringLiteral("openRecent"));
    QVERIFY(menu);
    emit menu->aboutToShow();
    QAction *first = menu->actions().first();
    QCOMPARE(first->text(), QStringLiteral("&1 class && co.sltrace"));
    first->trigger();
    QVERIFY(m_window->isReplaying());
    m_window->closeReplay();

    // A file that went away is said to be gone, and leaves the list.
    QVERIFY(QFile::remove(path));
    QString warning;
    QTimer::singleShot(0, this, [&warning] {
        if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget())) {
            warning = box->text();
            box->accept();
        }
    });
    emit menu->aboutToShow();
    menu->actions().first()->trigger();
    QVERIFY2(warning.contains(QStringLiteral("is no longer there")), qPrintable(warning));
    QVERIFY(RecentFiles::files().isEmpty());

    // Each file dialog starts where it was last.
    RecentFiles::rememberFolder(RecentFiles::Dialog::Lesson,
                                dir.filePath(QStringLiteral("x.lesson")));
    QCOMPARE(RecentFiles::folder(RecentFiles::Dialog::Lesson),
             QFileInfo(dir.path()).absoluteFilePath());
    // and each has its own: exporting scripts does not start in the lessons' folder.
    QVERIFY(RecentFiles::folder(RecentFiles::Dialog::Scripts) !=
            RecentFiles::folder(RecentFiles::Dialog::Lesson));
}

void TestDesktop::aDarkDesktopGetsADarkWindow()
{
    // main() below gave the application a dark palette before any window, as a dark desktop
    // does. By default SocketLab keeps it, and the sockets' colours suit it.
    QCOMPARE(Theme::current(), Theme::Kind::System);
    QCOMPARE(m_window->palette().color(QPalette::Window), darkDesktop().color(QPalette::Window));
    QVERIFY(Theme::contrast(RoleColors::strong(SocketRole::Server),
                            darkDesktop().color(QPalette::Base)) >= 4.5);
    // The explicit looks are still there, and the desktop's comes back.
    m_window->setTheme(Theme::Kind::Light);
    // (Widgets hear of a new application palette from the event loop.)
    QTRY_VERIFY(m_window->palette().color(QPalette::Window).lightness() > 200);
    m_window->setTheme(Theme::Kind::System);
    QTRY_COMPARE(m_window->palette().color(QPalette::Window),
                 darkDesktop().color(QPalette::Window));
    auto *menuItem = m_window->findChild<QAction *>(QStringLiteral("theme-system"));
    QVERIFY(menuItem && menuItem->isChecked());
}

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setPalette(darkDesktop());
    TestDesktop test;
    return QTest::qExec(&test, argc, argv);
}
#include "tst_desktop.moc"
