// Small traps a first-time student fell into in the window, each checked here against what
// the student did (the classroom issue): a pasted message cut short without a word, the
// server's message box starting with the client's words.

#include "ClientPane.h"
#include "ConnectionControls.h"
#include "MainWindow.h"
#include "MessageEditor.h"
#include "ServerPane.h"
#include "WindowDriver.h"

#include <QLineEdit>
#include <QStandardPaths>
#include <QTest>

class TestStudentTraps : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void aLongPastedMessageIsSentWhole();
    void theServerStartsWithItsOwnReply();

private:
    WindowDriver m_driver;
    MainWindow *m_window = nullptr;
};

void TestStudentTraps::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestStudentTraps::init()
{
    QVERIFY(m_driver.open());
    m_window = m_driver.window();
}

void TestStudentTraps::cleanup()
{
    m_driver.close();
}

void TestStudentTraps::aLongPastedMessageIsSentWhole()
{
    // 100,000 characters, pasted: a line edit kept 32,767 and said nothing.
    MessageEditor *editor = m_window->clientPane()->connectionControls()->editor();
    auto *line = editor->findChild<QLineEdit *>(QStringLiteral("message"));
    QVERIFY(line);
    const QString text(100000, QLatin1Char('x'));
    line->setText(text);
    QCOMPARE(editor->text().size(), text.size());
    QCOMPARE(editor->bytes().size(), qsizetype(100000));
    QVERIFY(editor->isValid());
}

void TestStudentTraps::theServerStartsWithItsOwnReply()
{
    const QString server = m_window->serverPane()->connectionControls()->editor()->text();
    const QString client = m_window->clientPane()->connectionControls()->editor()->text();
    QVERIFY2(server != client, qPrintable(server));
    QCOMPARE(server, QStringLiteral("Yes, I can hear you."));
}

QTEST_MAIN(TestStudentTraps)
#include "tst_studenttraps.moc"
