// SPDX-License-Identifier: MIT
// The window as a desktop citizen: it says under which license it may be shared, F11 fills
// the screen, and a setting is on disk as soon as it changes (a window that is killed later
// does not lose it).

#include "AppIdentity.h"
#include "MainWindow.h"
#include "WindowDriver.h"
#include "WindowSettings.h"

#include <QAction>
#include <QApplication>
#include <QFileInfo>
#include <QMessageBox>
#include <QSettings>
#include <QStandardPaths>
#include <QTest>
#include <QTimer>

class TestDesktop : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void aboutNamesTheLicense();
    void f11FillsTheScreenAndLeavesIt();
    void aZoomIsSavedWhenItChanges();
    void windowsBelongToTheDesktopEntry();

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

void TestDesktop::aZoomIsSavedWhenItChanges()
{
    const int before = m_window->zoomPercent();
    const int zoomed = before == 150 ? 160 : 150;
    m_window->setZoomPercent(zoomed);
    // Read from the file, as the next start would, while the window is still open.
    QTRY_COMPARE(WindowSettings::zoomPercent.read(QSettings()), zoomed);
    m_window->setZoomPercent(before);
    QTRY_COMPARE(WindowSettings::zoomPercent.read(QSettings()), before);
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

QTEST_MAIN(TestDesktop)
#include "tst_desktop.moc"
