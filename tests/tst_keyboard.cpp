// SPDX-License-Identifier: MIT
// The window without a mouse and for screen readers, offscreen: Tab reaches every control,
// the focus has a thick ring, each shortcut belongs to one control and is listed, every
// control says what it does, and the sequence diagram can be read by keyboard.

#include "FocusRing.h"
#include "GuideWindow.h"
#include "HelpMenu.h"
#include "LookupsPanel.h"
#include "MainWindow.h"
#include "SequenceDiagramView.h"
#include "SessionLogView.h"
#include "WindowDriver.h"
#include "session/EventLog.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractSpinBox>
#include <QAccessible>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QHeaderView>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QTextBrowser>
#include <QToolButton>

class TestKeyboard : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void diagramByKeyboardAndForScreenReaders();
    void tabReachesEveryControl_data();
    void tabReachesEveryControl();
    void keyboardFocusHasAThickRing();
    void noTwoControlsShareAShortcut();
    void shortcutListNamesEveryKey();
    void everyControlSaysWhatItDoes();
    void f1OpensTheGuideWithItsPictures();
    void everyFocusableControlHasAName();

private:
    void listenByClicking() { m_driver.listenByClicking(); }
    // The visible, enabled controls that Tab from the window's first control never reaches.
    QStringList controlsTabMisses();

    WindowDriver m_driver;
    MainWindow *m_window = nullptr;
};

void TestKeyboard::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true); // settings go to a test location
}

void TestKeyboard::init()
{
    QVERIFY(m_driver.open());
    m_window = m_driver.window();
}

void TestKeyboard::cleanup()
{
    m_driver.close();
}

void TestKeyboard::diagramByKeyboardAndForScreenReaders()
{
    listenByClicking();
    SequenceDiagramView *diagram = m_window->diagram();
    // The newest finished call is described for assistive technology.
    QTRY_VERIFY(diagram->accessibleDescription().contains(QStringLiteral("server_socket.listen(")));
    QVERIFY(diagram->accessibleDescription().contains(QStringLiteral("→ None")));
    // The diagram takes keyboard focus and walks the events with the arrow keys.
    QCOMPARE(diagram->focusPolicy(), Qt::StrongFocus);
    diagram->setFocus();
    QTest::keyClick(diagram, Qt::Key_End);
    const qint64 last = diagram->selectedSeq();
    QVERIFY(last > 0);
    QTest::keyClick(diagram, Qt::Key_Up);
    QVERIFY(diagram->selectedSeq() != last);
    // The log follows the diagram's selection.
    const int row = m_window->log()->rowOfSeq(diagram->selectedSeq());
    QVERIFY(row >= 0);
    auto *table = m_window->findChild<SessionLogView *>()->table();
    QTRY_COMPARE(table->currentIndex().row(), row); // no socket filter: rows are the log's
    QTest::keyClick(diagram, Qt::Key_Home);
    QCOMPARE(diagram->selectedSeq(), diagram->model().seqOfRow(0));
}

void TestKeyboard::tabReachesEveryControl_data()
{
    QTest::addColumn<bool>("lookups");
    QTest::newRow("the lab") << false;
    QTest::newRow("lookups") << true;
}

QStringList TestKeyboard::controlsTabMisses()
{
    QWidget *first = m_window->nextInFocusChain();
    while (!(first->focusPolicy() & Qt::TabFocus) || !first->isVisible() || !first->isEnabled())
        first = first->nextInFocusChain();
    first->setFocus(Qt::TabFocusReason);
    QSet<QWidget *> reached;
    for (int i = 0; i < 400 && QApplication::focusWidget(); ++i) {
        QWidget *now = QApplication::focusWidget();
        reached.insert(now);
        QTest::keyClick(now, Qt::Key_Tab);
    }
    QStringList missed;
    for (QWidget *w : m_window->findChildren<QWidget *>()) {
        const bool control = qobject_cast<QAbstractButton *>(w) || qobject_cast<QLineEdit *>(w) ||
                             qobject_cast<QComboBox *>(w) || qobject_cast<QAbstractSpinBox *>(w) ||
                             qobject_cast<QAbstractItemView *>(w) ||
                             qobject_cast<QPlainTextEdit *>(w) ||
                             qobject_cast<SequenceDiagramView *>(w);
        // A combo box's own popup, a spin box's line edit (its focus proxy), headers and
        // the tab bars' scroll arrows are parts of other controls; the lesson dock's title
        // buttons are Qt's, and Lessons → Close Lesson does what its close button does.
        if (!control || !w->isVisible() || !w->isEnabled() || w->focusProxy() ||
            w->inherits("QComboBoxListView") || w->inherits("QToolButton") ||
            w->inherits("QHeaderView") || w->inherits("QDockWidgetTitleButton"))
            continue;
        if (!reached.contains(w))
            missed << QStringLiteral("%1 %2 (%3)")
                          .arg(QString::fromLatin1(w->metaObject()->className()), w->objectName(),
                               w->accessibleName().isEmpty() ? w->toolTip().left(40)
                                                             : w->accessibleName());
    }
    return missed;
}

void TestKeyboard::tabReachesEveryControl()
{
    // Keyboard users reach every control that works now with Tab alone, on every page;
    // disabled ones are skipped, as everywhere in Qt. With a connection, more is enabled.
    QFETCH(bool, lookups);
    if (!lookups) {
        listenByClicking();
        QString error;
        QVERIFY2(m_window->openLesson(QStringLiteral("socket-tour"), &error), qPrintable(error));
    }
    m_window->showLookups(lookups);
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window));
    auto *pages = lookups ? qobject_cast<QTabWidget *>(m_window->findChild<LookupsPanel *>())
                          : m_window->findChild<QTabWidget *>(QStringLiteral("details"));
    QVERIFY(pages);
    for (int i = 0; i < pages->count(); ++i) {
        pages->setCurrentIndex(i);
        const QStringList missed = controlsTabMisses();
        QVERIFY2(missed.isEmpty(), qPrintable(pages->tabText(i) + QStringLiteral(": ") +
                                              missed.join(QLatin1Char('\n'))));
    }
}

void TestKeyboard::keyboardFocusHasAThickRing()
{
    auto *ring = m_window->findChild<FocusRing *>();
    QVERIFY(ring);
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window));
    auto *port = m_window->findChild<QSpinBox *>(QStringLiteral("server.port"));
    port->setFocus(Qt::TabFocusReason);
    QTRY_VERIFY(ring->isVisible());
    QVERIFY(ring->target() == port || port->isAncestorOf(ring->target()));
    // Around what can be seen of the field (a scroll area may hide part of it).
    QRect seen(port->mapTo(m_window, QPoint(0, 0)), port->size());
    for (QWidget *w = port->parentWidget(); w != m_window; w = w->parentWidget())
        seen &= QRect(w->mapTo(m_window, QPoint(0, 0)), w->size());
    QVERIFY(!seen.isEmpty());
    QVERIFY(ring->geometry().contains(seen));
    QVERIFY(ring->geometry().width() >= seen.width() + 2 * FocusRing::thickness ||
            seen.width() < port->width());
    // The next control gets the ring; and when the focus leaves the window it goes.
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    QVERIFY(ring->target() != port);
    QVERIFY(ring->target() == QApplication::focusWidget());
    QWidget outside;
    outside.show();
    outside.activateWindow();
    outside.setFocus();
    QTRY_VERIFY(!ring->isVisible());
}

// Two controls with one key in the same window cancel each other out: Qt calls the
// shortcut ambiguous and neither fires (zoom reset and a connection's close() once both
// had Ctrl+0).
void TestKeyboard::noTwoControlsShareAShortcut()
{
    QHash<QKeySequence, QStringList> owners;
    for (QAction *a : m_window->findChildren<QAction *>()) {
        for (const QKeySequence &key : a->shortcuts())
            owners[key].append(QStringLiteral("action '%1'").arg(a->text()));
    }
    for (QAbstractButton *b : m_window->findChildren<QAbstractButton *>()) {
        if (!b->shortcut().isEmpty())
            owners[b->shortcut()].append(QStringLiteral("button %1").arg(b->objectName()));
    }
    QStringList clashes;
    for (auto it = owners.cbegin(); it != owners.cend(); ++it) {
        if (it.value().size() > 1)
            clashes.append(it.key().toString() + QStringLiteral(": ") +
                           it.value().join(QStringLiteral(", ")));
    }
    QVERIFY2(clashes.isEmpty(), qPrintable(clashes.join(QLatin1Char('\n'))));
}

// Help → Keyboard Shortcuts is written by hand; a key added to a button or menu must be
// added there too.
void TestKeyboard::shortcutListNamesEveryKey()
{
    QList<QKeySequence> keys;
    for (QAction *a : m_window->findChildren<QAction *>())
        keys += a->shortcuts();
    for (QAbstractButton *b : m_window->findChildren<QAbstractButton *>())
        keys += b->shortcut();
    const QString summary = HelpMenu::shortcutSummary();
    QStringList missing;
    for (const QKeySequence &key : std::as_const(keys)) {
        QString name = key.toString();
        name.replace(QStringLiteral("Left"), QStringLiteral("←"));
        name.replace(QStringLiteral("Right"), QStringLiteral("→"));
        if (!name.isEmpty() && !summary.contains(name))
            missing.append(name);
    }
    QVERIFY2(missing.isEmpty(), qPrintable(missing.join(QStringLiteral(", "))));
}

// Hovering any control a student can use, on the lab and on the lookups page, tells what it
// does (a tooltip) or at least what it is (an accessible name, for screen readers).
void TestKeyboard::everyControlSaysWhatItDoes()
{
    m_window->lookups(); // built on first use
    QStringList silent;
    for (QWidget *w : m_window->findChildren<QWidget *>()) {
        // Fields inside spin boxes and combo boxes belong to them; the corner buttons of
        // tables and the menu bar's overflow button are Qt's own.
        const bool part = qobject_cast<QAbstractSpinBox *>(w->parentWidget()) ||
                          qobject_cast<QComboBox *>(w->parentWidget()) ||
                          w->inherits("QTableCornerButton") ||
                          w->objectName() == QLatin1String("qt_menubar_ext_button");
        const bool control = qobject_cast<QAbstractButton *>(w) || qobject_cast<QComboBox *>(w) ||
                             qobject_cast<QAbstractSpinBox *>(w) || qobject_cast<QLineEdit *>(w);
        if (control && !part && w->toolTip().isEmpty() && w->accessibleName().isEmpty()) {
            const auto *b = qobject_cast<QAbstractButton *>(w);
            silent.append(QStringLiteral("%1 %2 '%3'")
                              .arg(QString::fromLatin1(w->metaObject()->className()),
                                   w->objectName(), b ? b->text() : QString()));
        }
    }
    QVERIFY2(silent.isEmpty(), qPrintable(silent.join(QStringLiteral("\n"))));
}

void TestKeyboard::f1OpensTheGuideWithItsPictures()
{
    QTest::keyClick(m_window, Qt::Key_F1);
    QVERIFY(m_window->guide());
    QTRY_VERIFY(m_window->guide()->isVisible());
    const QTextBrowser *student = m_window->guide()->browser(0);
    QVERIFY(student->toPlainText().contains(QStringLiteral("Getting the flow, by clicking")));
    // A user's guide: how to start the program, not how to build it.
    QVERIFY(!student->toPlainText().contains(QStringLiteral("scripts/")));
    // Every picture each guide shows comes from inside the program.
    static const QRegularExpression picture(QStringLiteral("\\((screenshots/[a-z0-9-]+\\.png)\\)"));
    int pictures = 0;
    for (int i = 0; i < 3; ++i) {
        const QTextBrowser *guide = m_window->guide()->browser(i);
        for (auto it = picture.globalMatch(guide->toMarkdown()); it.hasNext(); ++pictures) {
            const QString path = it.next().captured(1);
            QVERIFY2(
                guide->document()->resource(QTextDocument::ImageResource, QUrl(path)).isValid(),
                qPrintable(path + QStringLiteral(" is not bundled")));
        }
    }
    QVERIFY(pictures >= 5); // the student guide's four and the instructor guide's one
    QVERIFY(
        m_window->guide()->browser(1)->toPlainText().contains(QStringLiteral("Presenter mode")));
    QVERIFY(m_window->guide()->browser(2)->toPlainText().contains(QStringLiteral("expect:")));
}

void TestKeyboard::everyFocusableControlHasAName()
{
    // What a screen reader says when the focus lands on a control: its accessible name, from
    // its text, its label (a buddy) or a name given to it. A tooltip is not read then.
    m_window->lookups(); // built on first use
    QTest::keyClick(m_window, Qt::Key_F1);
    QTRY_VERIFY(m_window->guide() && m_window->guide()->isVisible());
    QString error;
    QVERIFY2(m_window->openLesson(QStringLiteral("getting-the-flow"), &error), qPrintable(error));
    QStringList unnamed;
    int checked = 0;
    for (QWidget *top : QApplication::topLevelWidgets()) {
        QList<QWidget *> widgets = top->findChildren<QWidget *>();
        widgets.prepend(top);
        for (QWidget *w : std::as_const(widgets)) {
            // Parts of a control (a spin box's field, a combo box's list) speak for it.
            const QWidget *parent = w->parentWidget();
            const bool part = parent && (qobject_cast<const QAbstractSpinBox *>(parent) ||
                                         qobject_cast<const QComboBox *>(parent) ||
                                         w->inherits("QTableCornerButton") ||
                                         w->objectName().startsWith(QLatin1String("qt_")));
            // What Tab reaches (a label that can be selected with the mouse takes focus only
            // by a click, and reads out its text).
            if (!(w->focusPolicy() & Qt::TabFocus) || part || w->isWindow() ||
                w->inherits("QComboBoxListView"))
                continue;
            QAccessibleInterface *a = QAccessible::queryAccessibleInterface(w);
            ++checked;
            if (!a || a->text(QAccessible::Name).trimmed().isEmpty())
                unnamed << QStringLiteral("%1 %2 in %3")
                               .arg(QString::fromLatin1(w->metaObject()->className()),
                                    w->objectName(),
                                    QString::fromLatin1(top->metaObject()->className()));
        }
    }
    QVERIFY(checked > 50);
    QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(QLatin1Char('\n'))));
}

QTEST_MAIN(TestKeyboard)
#include "tst_keyboard.moc"
