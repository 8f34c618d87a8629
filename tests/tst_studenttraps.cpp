// SPDX-License-Identifier: MIT
// Small traps a first-time student fell into in the window, each checked here against what
// the student did (the classroom issue): a pasted message cut short without a word, the
// server's message box starting with the client's words, a listener made before a lesson
// that could no longer be seen or closed.

#include "CallButton.h"
#include "ClientPane.h"
#include "ConnectionControls.h"
#include "FreePort.h"
#include "LessonController.h"
#include "MainWindow.h"
#include "MessageEditor.h"
#include "ServerPane.h"
#include "WindowDriver.h"
#include "lesson/LessonRunner.h"
#include "session/EventLog.h"
#include "session/SocketSession.h"

#include <QAbstractSpinBox>
#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QScrollArea>
#include <QScrollBar>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableView>
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
    void aFreePlayListenerStaysReachableInALesson();
    void aLessonsListenSetsTheBacklogBox();
    void connectedClientsAreNotAcceptedOnes();
    void whatArrivedShowsInThePaneThatReadIt();
    void aBlockedRecvLeavesNoFieldSelected();
    void clickingTheServersMessageFieldKeepsThePaneStill();
    void aFailureReadsWholeInTheLog();
    void aStrCanBeSentOnPurpose();

private:
    // Server and client connected by clicks, the connection accepted.
    void connectByClicking();

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

void TestStudentTraps::aFreePlayListenerStaysReachableInALesson()
{
    const int port = freePort();
    m_window->findChild<QSpinBox *>(QStringLiteral("server.port"))->setValue(port);
    m_driver.listenByClicking();
    const QString freePlay = m_window->serverPane()->listenerId();
    // The lesson keeps it (it moves to a free port) and makes a listener of its own.
    m_window->lessons()->setPortChooser(
        [](const QString &) { return LessonController::PortChoice::UseFreePort; });
    QString error;
    QVERIFY2(m_window->lessons()->open(QStringLiteral("getting-the-flow"), &error, true),
             qPrintable(error));
    LessonRunner *runner = m_window->lessonRunner();
    runner->runTo(4); // listening
    QTRY_COMPARE(runner->status(4), LessonRunner::StepStatus::Done);
    QVERIFY(m_window->serverPane()->listenerId() != freePlay);
    // Both listeners are offered, and the earlier one can be chosen and closed.
    auto *listeners = m_window->findChild<QComboBox *>(QStringLiteral("server.listeners"));
    QVERIFY(listeners);
    QTRY_VERIFY(listeners->isVisible());
    QCOMPARE(listeners->count(), 2);
    const int index = listeners->findData(freePlay);
    QVERIFY(index >= 0);
    listeners->setCurrentIndex(index);
    emit listeners->activated(index);
    QCOMPARE(m_window->serverPane()->listenerId(), freePlay);
    m_driver.click(QStringLiteral("server.close"));
    QTRY_COMPARE(m_window->session()->socket(freePlay).state, SocketState::Closed);
}

void TestStudentTraps::aLessonsListenSetsTheBacklogBox()
{
    // The browser lesson calls listen(5); the box stayed at 1, so a student's next listen
    // click used another backlog than the one on screen.
    m_window->findChild<QSpinBox *>(QStringLiteral("server.port"))->setValue(freePort());
    QString error;
    QVERIFY2(m_window->openLesson(QStringLiteral("browser-visits"), &error), qPrintable(error));
    m_window->lessonRunner()->runTo(3);
    QTRY_COMPARE(m_window->lessonRunner()->status(3), LessonRunner::StepStatus::Done);
    QTRY_COMPARE(m_window->findChild<QSpinBox *>(QStringLiteral("server.backlog"))->value(), 5);
}

void TestStudentTraps::connectedClientsAreNotAcceptedOnes()
{
    // "3 of 3 clients connected" while the server had accepted none: connect returns when the
    // kernel finished the handshake, and the status must say the rest is accept()'s.
    const int port = freePort();
    m_window->findChild<QSpinBox *>(QStringLiteral("server.port"))->setValue(port);
    m_window->findChild<QSpinBox *>(QStringLiteral("server.backlog"))->setValue(5);
    m_window->findChild<QSpinBox *>(QStringLiteral("client.port"))->setValue(port);
    m_driver.listenByClicking();
    m_window->findChild<QSpinBox *>(QStringLiteral("client.count"))->setValue(3);
    m_driver.click(QStringLiteral("client.many"));
    auto *status = m_window->findChild<QLabel *>(QStringLiteral("client.manyStatus"));
    QTRY_VERIFY(status->text().startsWith(QStringLiteral("3 of 3 clients connected")));
    QVERIFY2(status->text().contains(QStringLiteral("backlog")) &&
                 status->text().contains(QStringLiteral("accept()")),
             qPrintable(status->text()));
}

void TestStudentTraps::whatArrivedShowsInThePaneThatReadIt()
{
    // recv() returned, and the bytes were only in the log and the byte view, not in the pane
    // whose button was pressed.
    connectByClicking();
    QTRY_VERIFY(m_driver.enabled(QStringLiteral("client.sendall")));
    m_driver.click(QStringLiteral("client.sendall"));
    QTRY_VERIFY(m_driver.enabled(QStringLiteral("conn.recv")));
    m_driver.click(QStringLiteral("conn.recv"));
    auto *received = m_window->findChild<QLabel *>(QStringLiteral("conn.received"));
    QVERIFY(received);
    QTRY_VERIFY(received->isVisible());
    QVERIFY2(received->text().contains(QStringLiteral("b'Hey, can you hear me?'")) &&
                 received->text().contains(QStringLiteral("21 bytes")),
             qPrintable(received->text()));
    QVERIFY(!m_window->findChild<QLabel *>(QStringLiteral("client.received"))->isVisible());
}

void TestStudentTraps::connectByClicking()
{
    const int port = freePort();
    m_window->findChild<QSpinBox *>(QStringLiteral("server.port"))->setValue(port);
    m_window->findChild<QSpinBox *>(QStringLiteral("client.port"))->setValue(port);
    m_driver.listenByClicking();
    m_driver.click(QStringLiteral("server.accept"));
    m_driver.click(QStringLiteral("client.socket"));
    QTRY_VERIFY(m_driver.enabled(QStringLiteral("client.connect")));
    m_driver.click(QStringLiteral("client.connect"));
    QTRY_VERIFY(m_driver.enabled(QStringLiteral("conn.recv")));
}

void TestStudentTraps::aBlockedRecvLeavesNoFieldSelected()
{
    // recv() blocked, its button went grey, and Qt moved the focus on to the bufsize box with
    // 4096 selected: the student's next key replaced the number.
    QVERIFY(QTest::qWaitForWindowActive(m_window));
    connectByClicking();
    m_driver.click(QStringLiteral("conn.recv"));
    QTRY_VERIFY(!m_driver.enabled(QStringLiteral("conn.recv")));
    QWidget *focus = QApplication::focusWidget();
    QVERIFY(qobject_cast<CallButton *>(focus));
    QVERIFY2(
        !qobject_cast<QAbstractSpinBox *>(focus) && !qobject_cast<QLineEdit *>(focus),
        qPrintable(focus ? focus->objectName() + QLatin1Char(' ') + focus->metaObject()->className()
                         : QStringLiteral("none")));
}

void TestStudentTraps::clickingTheServersMessageFieldKeepsThePaneStill()
{
    // Reported as: the click scrolled the pane, so the next click missed. A pane too short
    // for its rows, scrolled so the field is half in view.
    QVERIFY(QTest::qWaitForWindowActive(m_window));
    m_window->resize(1024, 700);
    connectByClicking();
    MessageEditor *editor = m_window->serverPane()->connectionControls()->editor();
    auto *line = editor->findChild<QLineEdit *>(QStringLiteral("message"));
    QVERIFY(line);
    QTRY_VERIFY(line->isVisible());
    auto *scroll =
        qobject_cast<QScrollArea *>(m_window->serverPane()->parentWidget()->parentWidget());
    QVERIFY(scroll);
    QTest::qWait(200);
    // Half of the field in view, as after the pane followed the last call.
    const int lineTop = line->mapTo(scroll->widget(), QPoint(0, 0)).y();
    scroll->verticalScrollBar()->setValue(lineTop + line->height() / 2 -
                                          scroll->viewport()->height());
    QTest::qWait(100);
    const int before = scroll->verticalScrollBar()->value();
    const QPoint at(line->width() / 2, line->height() / 4);
    const QPoint where = line->mapTo(m_window, at);
    QTest::mouseClick(line, Qt::LeftButton, {}, at);
    QTest::qWait(200);
    QCOMPARE(line->mapTo(m_window, at), where);
    QCOMPARE(scroll->verticalScrollBar()->value(), before);
}

void TestStudentTraps::aFailureReadsWholeInTheLog()
{
    // "✗ OSError: [Errno 98] Address alread": the log's outcome column cut the text at its
    // edge, and in a 1024-pixel window the column was scrolled out of view.
    m_window->resize(1024, 740);
    const int port = freePort();
    m_window->findChild<QSpinBox *>(QStringLiteral("server.port"))->setValue(port);
    m_driver.listenByClicking();
    SocketSession *session = m_window->session();
    QString second;
    QVERIFY(session->createSocket(SocketRole::Server, AF_INET, SOCK_STREAM, 0, &second).isEmpty());
    QTRY_COMPARE(session->socket(second).state, SocketState::Created);
    QTRY_VERIFY(!session->socket(second).isBusy());
    const QString refused = session->bind(second, QStringLiteral("127.0.0.1"), port);
    QVERIFY2(refused.isEmpty(), qPrintable(refused));
    QTRY_COMPARE(session->socket(second).lastError.name(), QStringLiteral("EADDRINUSE"));

    auto *table = m_window->findChild<QTableView *>(QStringLiteral("log.table"));
    QVERIFY(table);
    QModelIndex outcome;
    QTRY_VERIFY([&] {
        for (int row = table->model()->rowCount() - 1; row >= 0 && !outcome.isValid(); --row) {
            const QModelIndex i = table->model()->index(row, EventLog::OutcomeColumn);
            if (i.data().toString().contains(QStringLiteral("Address already in use")))
                outcome = i;
        }
        return outcome.isValid();
    }());
    table->scrollTo(outcome);
    QTest::qWait(50);
    const QRect cell = table->visualRect(outcome);
    const QString text = outcome.data().toString();
    QVERIFY2(cell.left() >= 0 && cell.right() < table->viewport()->width(),
             qPrintable(QStringLiteral("outcome column at %1..%2 of %3")
                            .arg(cell.left())
                            .arg(cell.right())
                            .arg(table->viewport()->width())));
    QFont bold = table->font(); // failures are bold
    bold.setBold(true);
    const QRect needed =
        QFontMetrics(bold).boundingRect(cell.adjusted(4, 0, -4, 0), Qt::TextWordWrap, text);
    QVERIFY2(needed.height() <= cell.height(),
             qPrintable(QStringLiteral("%1 needs %2 px, the row is %3")
                            .arg(text)
                            .arg(needed.height())
                            .arg(cell.height())));
}

void TestStudentTraps::aStrCanBeSentOnPurpose()
{
    // "Messages are bytes": the course shows what Python does with a str; so can the pane.
    connectByClicking();
    MessageEditor *editor = m_window->clientPane()->connectionControls()->editor();
    auto *encoding = editor->findChild<QComboBox *>(QStringLiteral("encoding"));
    QVERIFY(encoding);
    const int str = encoding->findText(QStringLiteral("str (not encoded)"));
    QVERIFY(str >= 0);
    encoding->setCurrentIndex(str);
    QVERIFY(editor->isStr());
    m_driver.click(QStringLiteral("client.sendall"));
    const QString client = m_window->clientPane()->clientId();
    QTRY_COMPARE(m_window->session()->socket(client).lastError.name(), QStringLiteral("TypeError"));
    QCOMPARE(m_window->session()->socket(client).lastError.pythonException(),
             QStringLiteral("TypeError: a bytes-like object is required, not 'str'"));
    QCOMPARE(m_window->session()->socket(client).bytesSent, qint64(0));
}

QTEST_MAIN(TestStudentTraps)
#include "tst_studenttraps.moc"
