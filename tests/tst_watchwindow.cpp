// SPDX-License-Identifier: MIT
// A student's own server watched in the window: its sockets in the server pane (read-only),
// its terminal below it, the client pane still clicked by hand against it, and both sides'
// calls in one log and diagram. Closing the watch gives the pane back to the live session.

#include "ExportedPrograms.h"
#include "FreePort.h"
#include "StudentPrograms.h"
#include "WindowDriver.h"

#include "ClientPane.h"
#include "ConnectionControls.h"
#include "EchoCheckController.h"
#include "MainWindow.h"
#include "MessageEditor.h"
#include "ProgramConsole.h"
#include "ServerPane.h"
#include "WatchController.h"
#include "WatchDialog.h"
#include "session/EventLog.h"
#include "session/SocketSession.h"
#include "sources/WatchSource.h"

#include <QAction>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>

using ExportedPrograms::python3;

class TestWatchWindow : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void aWatchedServerIsClickedAgainstFromTheClientPane();
    void closingTheWatchGivesThePaneBackToTheLiveSession();
    void aServerThatNeverClosesIsSaidToBeInCloseWait();
    void theEchoCheckRunsAgainstAWatchedServer();
    void theDialogRefusesBadInputAndRemembersCommands();

private:
    QString echoServer(quint16 port);
    bool enabled(const QString &name) const { return m_driver.enabled(name); }
    void click(const QString &name) { m_driver.click(name); }

    WindowDriver m_driver;
    MainWindow *m_window = nullptr;
    QTemporaryDir m_dir;
};

void TestWatchWindow::init()
{
    QVERIFY(m_driver.open());
    m_window = m_driver.window();
}

void TestWatchWindow::cleanup()
{
    m_driver.close();
}

QString TestWatchWindow::echoServer(quint16 port)
{
    return StudentPrograms::write(m_dir, "server.py",
                                  StudentPrograms::listening(port) +
                                      "print('listening')\n"
                                      "conn, addr = server_socket.accept()\n"
                                      "while True:\n"
                                      "    data = conn.recv(1024)\n"
                                      "    if not data:\n"
                                      "        break\n"
                                      "    conn.sendall(data)\n"
                                      "conn.close()\n");
}

void TestWatchWindow::aWatchedServerIsClickedAgainstFromTheClientPane()
{
    const quint16 port = freePort();
    QString error;
    WatchController *watch = m_window->watch();
    QVERIFY2(
        watch->watch(WatchController::Server, {python3(), echoServer(port)}, m_dir.path(), &error),
        qPrintable(error));
    WatchSource *program = watch->program(WatchController::Server);
    QCOMPARE(m_window->serverPane()->source(), program);
    ProgramConsole *console = watch->console(WatchController::Server);
    QVERIFY(console && console->isVisible());
    QTRY_VERIFY_WITH_TIMEOUT(console->output().contains(QLatin1String("listening")), 10000);
    // The pane's calls are off: the program makes them, not the student's clicks.
    QVERIFY(!enabled(QStringLiteral("server.socket")));

    // The client pane is the live session's, clicked as always.
    m_window->findChild<QSpinBox *>(QStringLiteral("client.port"))->setValue(port);
    click(QStringLiteral("client.socket"));
    QTRY_VERIFY(enabled(QStringLiteral("client.connect")));
    click(QStringLiteral("client.connect"));
    const QString client = m_window->clientPane()->clientId();
    QTRY_COMPARE(m_window->session()->socket(client).state, SocketState::Connected);
    m_window->clientPane()->connectionControls()->editor()->setText(QStringLiteral("ping"));
    QTRY_VERIFY(enabled(QStringLiteral("client.sendall")));
    click(QStringLiteral("client.sendall"));
    QTRY_VERIFY(enabled(QStringLiteral("client.recv")));
    click(QStringLiteral("client.recv"));
    const SocketEvent echoed = m_driver.events()->waitForEnd(client, SocketCall::Recv);
    QCOMPARE(echoed.data, QByteArray("ping"));

    // One log for both: the program's recv and send, numbered in one rising order with the
    // client's calls.
    const QVector<SocketEvent> &log = m_window->log()->events();
    bool programReceived = false;
    bool clientReceived = false;
    for (int i = 0; i < log.size(); ++i) {
        const SocketEvent &e = log.at(i);
        if (i > 0)
            QVERIFY2(e.seq > log.at(i - 1).seq, "the merged log is out of order");
        programReceived |= program->contains(e.socketId) && e.call == SocketCall::Recv &&
                           e.phase == CallPhase::Returned && e.data == "ping";
        clientReceived |=
            e.socketId == client && e.call == SocketCall::Recv && e.phase == CallPhase::Returned;
    }
    QVERIFY2(programReceived, "the watched program's recv is not in the window's log");
    QVERIFY(clientReceived);
    // The server pane lists the program's connection.
    QTRY_VERIFY(m_window->serverPane()->findChild<QWidget *>(QStringLiteral("server.connections")));

    click(QStringLiteral("client.close"));
    QTRY_VERIFY_WITH_TIMEOUT(!program->isRunning(), 10000);
    QTRY_VERIFY(console->status().endsWith(QLatin1String("exited with status 0")));
}

void TestWatchWindow::closingTheWatchGivesThePaneBackToTheLiveSession()
{
    QString error;
    WatchController *watch = m_window->watch();
    QVERIFY(watch->watch(
        WatchController::Server,
        {python3(), QStringLiteral("-c"), QStringLiteral("import time; time.sleep(60)")}, QString(),
        &error));
    WatchSource *program = watch->program(WatchController::Server);
    QTRY_VERIFY(program->pid() > 0);
    ProgramConsole *console = watch->console(WatchController::Server);
    watch->stop(WatchController::Server);
    QTRY_VERIFY_WITH_TIMEOUT(!program->isRunning(), 10000);
    QVERIFY(console->status().endsWith(QLatin1String("killed by signal 9 (SIGKILL)")));
    QCOMPARE(m_window->serverPane()->source(), program); // what it did stays to be read
    watch->close(WatchController::Server);
    QCOMPARE(m_window->serverPane()->source(), m_window->session());
    QVERIFY(!console->isVisible());
    QTRY_VERIFY(enabled(QStringLiteral("server.socket")));
}

void TestWatchWindow::aServerThatNeverClosesIsSaidToBeInCloseWait()
{
    // The homework's first bug: the loop ends on b'' but the connection is never closed.
    const quint16 port = freePort();
    const QString path = StudentPrograms::write(m_dir, "noclose.py",
                                                StudentPrograms::listening(port) +
                                                    "conn, addr = server_socket.accept()\n"
                                                    "while True:\n"
                                                    "    data = conn.recv(1024)\n"
                                                    "    if not data:\n"
                                                    "        break\n"
                                                    "    conn.sendall(data)\n"
                                                    "time.sleep(60)\n");
    QString error;
    WatchController *watch = m_window->watch();
    QVERIFY(watch->watch(WatchController::Server, {python3(), path}, QString(), &error));
    ProgramConsole *console = watch->console(WatchController::Server);
    // accept() waits for a client: said once it has waited a second.
    QTRY_VERIFY_WITH_TIMEOUT(console->diagnosis().contains(QLatin1String("waits in accept()")),
                             10000);
    m_window->findChild<QSpinBox *>(QStringLiteral("client.port"))->setValue(port);
    click(QStringLiteral("client.socket"));
    QTRY_VERIFY(enabled(QStringLiteral("client.connect")));
    click(QStringLiteral("client.connect"));
    const QString client = m_window->clientPane()->clientId();
    QTRY_COMPARE(m_window->session()->socket(client).state, SocketState::Connected);
    QTRY_VERIFY(enabled(QStringLiteral("client.close")));
    click(QStringLiteral("client.close"));
    // (The seconds count on: the words after them are what is checked.)
    QTRY_VERIFY_WITH_TIMEOUT(console->diagnosis().contains(QLatin1String(
                                 "ago and conn's recv() returned b'', but conn has not called "
                                 "close(): its end stays in CLOSE_WAIT.")),
                             10000);
    QVERIFY(console->diagnosis().startsWith(QLatin1String("client_socket closed ")));
    QVERIFY(console->isVisible());
    watch->close(WatchController::Server);
    QVERIFY(console->diagnosis().isEmpty());
}

void TestWatchWindow::theEchoCheckRunsAgainstAWatchedServer()
{
    // A server that serves one client after another: every test passes, and every exchange is
    // in the window's log, the program's calls beside the check's.
    const quint16 port = freePort();
    const QString path = StudentPrograms::write(m_dir, "loop.py",
                                                StudentPrograms::listening(port, 5) +
                                                    "print('listening')\n"
                                                    "while True:\n"
                                                    "    conn, addr = server_socket.accept()\n"
                                                    "    while data := conn.recv(1024):\n"
                                                    "        conn.sendall(data)\n"
                                                    "    conn.close()\n");
    QString error;
    WatchController *watch = m_window->watch();
    QVERIFY(watch->watch(WatchController::Server, {python3(), path}, QString(), &error));
    QTRY_VERIFY_WITH_TIMEOUT(
        watch->console(WatchController::Server)->output().contains(QLatin1String("listening")),
        10000);
    m_window->findChild<QSpinBox *>(QStringLiteral("client.port"))->setValue(port);
    QSignalSpy done(m_window->echoCheck(), &EchoCheckController::finished);
    m_window->findChild<QAction *>(QStringLiteral("checkEcho"))->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(done.count(), 1, 20000);
    QVERIFY2(done.at(0).at(0).toBool(), qPrintable(m_window->echoCheck()->report()));
    QCOMPARE(m_window->echoCheck()->report().count(QLatin1String("PASS  ")), 5);
    int programAccepts = 0;
    int checkSends = 0;
    for (const SocketEvent &e : m_window->log()->events()) {
        programAccepts += watch->program(WatchController::Server)->contains(e.socketId) &&
                          e.call == SocketCall::Accept && e.phase == CallPhase::Returned;
        checkSends += m_window->session()->contains(e.socketId) && e.call == SocketCall::SendAll &&
                      e.phase == CallPhase::Returned;
    }
    QCOMPARE(programAccepts, 6); // one connection per test, two in the last
    QVERIFY(checkSends >= 7);
}

void TestWatchWindow::theDialogRefusesBadInputAndRemembersCommands()
{
    {
        WatchDialog dialog(m_window);
        auto *command = dialog.findChild<QComboBox *>();
        QVERIFY(command);
        auto *problem = dialog.findChildren<QLabel *>().last();
        command->setEditText(QString());
        dialog.accept();
        QVERIFY(dialog.result() != QDialog::Accepted);
        QVERIFY(problem->isVisibleTo(&dialog));
        QVERIFY2(problem->text().contains(QLatin1String("python3 server.py")),
                 qPrintable(problem->text()));
        // An argument with spaces, in double quotes, is one argument; no shell runs.
        command->setEditText(QStringLiteral("python3 \"my server.py\" 50000 ; rm -rf x"));
        QCOMPARE(dialog.command(),
                 (QStringList{"python3", "my server.py", "50000", ";", "rm", "-rf", "x"}));
        for (QLineEdit *edit : dialog.findChildren<QLineEdit *>()) {
            if (edit->accessibleName() == QLatin1String("Folder"))
                edit->setText(QStringLiteral("/no/such/folder"));
        }
        dialog.accept();
        QVERIFY(dialog.result() != QDialog::Accepted);
        QVERIFY(problem->text().contains(QLatin1String("/no/such/folder")));
        for (QLineEdit *edit : dialog.findChildren<QLineEdit *>()) {
            if (edit->accessibleName() == QLatin1String("Folder"))
                edit->setText(m_dir.path());
        }
        command->setEditText(QStringLiteral("python3 server.py"));
        dialog.accept();
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
    }
    // The next time, the last command is offered first, and its folder.
    WatchDialog again(m_window);
    QCOMPARE(again.command(), (QStringList{"python3", "server.py"}));
    QCOMPARE(again.directory(), m_dir.path());
}

QTEST_MAIN(TestWatchWindow)
#include "tst_watchwindow.moc"
