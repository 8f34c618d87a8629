// SPDX-License-Identifier: MIT
// The window, offscreen: QTest clicks through the course's "getting the flow" exercise,
// buttons follow the model's rules, log rows arrive in order, and closing does not wait
// for a blocked call.

#include "AutoServeControls.h"
#include "ByteView.h"
#include "ClientPane.h"
#include "CodeView.h"
#include "ConnectionControls.h"
#include "EventRecorder.h"
#include "FlowDemo.h"
#include "MainWindow.h"
#include "MessageEditor.h"
#include "SequenceDiagramView.h"
#include "ServerPane.h"
#include "ShownWhole.h"
#include "WindowDriver.h"
#include "session/EventLog.h"
#include "session/SocketSession.h"

#include <QAbstractScrollArea>
#include <QComboBox>
#include <QFile>
#include <QFileInfo>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QProcess>
#include <QPushButton>
#include <QScrollBar>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <cerrno>

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

class TestMainWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void clickThroughGettingTheFlow();
    void panesFollowTheFlow();
    void demoPlaysTheWholeFlow();
    void firstStartFitsTheScreen_data();
    void firstStartFitsTheScreen();
    void freshWindowIsNoLargerThanTheScreen();
    void closingWhileAcceptIsBlockedDoesNotWaitForIt();
    void diagramLogAndCodeFollowEachOther();
    void serveAutomaticallyEchoesAPythonClient();
    void fileMenuExportsTheSessionAsScripts();

private:
    QPushButton *button(const QString &name) const { return m_driver.button(name); }
    void click(const QString &name) { m_driver.click(name); }
    bool enabled(const QString &name) const { return m_driver.enabled(name); }
    void listenByClicking() { m_driver.listenByClicking(); }

    WindowDriver m_driver;
    MainWindow *m_window = nullptr;
    EventRecorder *m_events = nullptr;
};

void TestMainWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true); // settings go to a test location
}

void TestMainWindow::init()
{
    QVERIFY(m_driver.open());
    m_window = m_driver.window();
    m_events = m_driver.events();
}

void TestMainWindow::cleanup()
{
    m_driver.close();
}

void TestMainWindow::demoPlaysTheWholeFlow()
{
    // socketlab --demo-flow presses the window's own buttons as fast as the calls answer:
    // each button must be ready when the previous call's event has arrived.
    // The demo's client connects to the port in the client pane: give both panes one that
    // is free now, rather than the course's 50000.
    const int s = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof address;
    QCOMPARE(::bind(s, reinterpret_cast<sockaddr *>(&address), length), 0);
    QCOMPARE(::getsockname(s, reinterpret_cast<sockaddr *>(&address), &length), 0);
    ::close(s);
    const int port = ntohs(address.sin_port);
    for (const char *name : {"server.port", "client.port"})
        m_window->findChild<QSpinBox *>(QString::fromLatin1(name))->setValue(port);

    FlowDemo demo(m_window);
    QSignalSpy finished(&demo, &FlowDemo::finished);
    demo.start(0);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 20000);
    QVERIFY2(finished.at(0).at(0).toBool(), qPrintable(finished.at(0).at(1).toString()));
    QCOMPARE(finished.at(0).at(1).toString(),
             QStringLiteral("Played %1 steps of getting the flow.").arg(FlowDemo::stepCount()));
    const SocketEvent recv = m_events->waitForEnd(
        m_window->serverPane()->connectionControls()->socketId(), SocketCall::Recv);
    QCOMPARE(recv.data, QByteArray("Hey, can you hear me?"));
}

void TestMainWindow::firstStartFitsTheScreen_data()
{
    QTest::addColumn<QSize>("available");
    QTest::addColumn<QSize>("expected");
    QTest::newRow("full HD: the size the panes are laid out for")
        << QSize(1920, 1040) << MainWindow::preferredSize;
    QTest::newRow("a larger screen: no larger") << QSize(3840, 2100) << MainWindow::preferredSize;
    QTest::newRow("1366x768 laptop") << QSize(1366, 728) << QSize(1350, 688);
    QTest::newRow("1024x768 projector") << QSize(1024, 768) << QSize(1008, 728);
    QTest::newRow("wide but short") << QSize(2560, 800) << QSize(1600, 760);
}

void TestMainWindow::firstStartFitsTheScreen()
{
    QFETCH(QSize, available);
    QFETCH(QSize, expected);
    QCOMPARE(MainWindow::defaultSizeFor(available), expected);
}

void TestMainWindow::freshWindowIsNoLargerThanTheScreen()
{
    // No saved geometry: the size comes from the screen (offscreen's is 800×600).
    m_driver.close();
    QSettings().remove(QStringLiteral("window/geometry"));
    MainWindow window;
    const QSize available = window.screen()->availableGeometry().size();
    QVERIFY2(available.width() < MainWindow::preferredSize.width(),
             "the test needs a small screen");
    QCOMPARE(window.size(), MainWindow::defaultSizeFor(available));
    QVERIFY(window.width() <= available.width() && window.height() <= available.height());
}

void TestMainWindow::fileMenuExportsTheSessionAsScripts()
{
    auto *action = m_window->findChild<QAction *>(QStringLiteral("exportScripts"));
    QVERIFY(action);
    QCOMPARE(action->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    const auto menus = m_window->menuBar()->findChildren<QMenu *>();
    QVERIFY(std::any_of(menus.begin(), menus.end(),
                        [action](QMenu *m) { return m->actions().contains(action); }));

    QTemporaryDir directory;
    QStringList written;
    QString error;
    QVERIFY(!m_window->exportScripts(directory.path(), &written, &error));
    QCOMPARE(error, QStringLiteral("The session has no calls yet."));

    listenByClicking();
    QVERIFY2(m_window->exportScripts(directory.path(), &written, &error), qPrintable(error));
    QCOMPARE(written.size(), 2); // server.py and server.c: the session has no client yet
    QFile python(directory.filePath(QStringLiteral("server.py")));
    QVERIFY(python.open(QIODevice::ReadOnly));
    const QByteArray program = python.readAll();
    QVERIFY2(program.contains(".bind(") && program.contains(".listen("), program.constData());
    QVERIFY(QFileInfo::exists(directory.filePath(QStringLiteral("server.c"))));
}

void TestMainWindow::clickThroughGettingTheFlow()
{
    SocketSession *session = m_window->session();
    QVERIFY(enabled(QStringLiteral("server.socket")));
    QVERIFY(!enabled(QStringLiteral("server.bind")));
    QVERIFY(!enabled(QStringLiteral("server.accept")));

    click(QStringLiteral("server.socket"));
    QTRY_VERIFY(enabled(QStringLiteral("server.bind")));
    QVERIFY(!enabled(QStringLiteral("server.socket")));
    QVERIFY(!enabled(QStringLiteral("server.listen")));
    click(QStringLiteral("server.bind"));
    QTRY_VERIFY(enabled(QStringLiteral("server.listen")));
    click(QStringLiteral("server.listen"));
    QTRY_VERIFY(enabled(QStringLiteral("server.accept")));
    const QString server = m_window->serverPane()->listenerId();
    QCOMPARE(session->socket(server).state, SocketState::Listening);

    click(QStringLiteral("server.accept"));
    QCOMPARE(m_events->waitFor(server, SocketCall::Accept, CallPhase::Blocked).phase,
             CallPhase::Blocked);
    QTRY_VERIFY(!enabled(QStringLiteral("server.accept")));

    const quint16 port = session->socket(server).local.port();
    m_window->findChild<QSpinBox *>(QStringLiteral("client.port"))->setValue(port);
    QVERIFY(!enabled(QStringLiteral("client.connect")));
    click(QStringLiteral("client.socket"));
    QTRY_VERIFY(enabled(QStringLiteral("client.connect")));
    click(QStringLiteral("client.connect"));
    const SocketEvent accepted = m_events->waitForEnd(server, SocketCall::Accept);
    QCOMPARE(accepted.phase, CallPhase::Returned);
    auto *connections = m_window->findChild<QListWidget *>(QStringLiteral("server.connections"));
    QTRY_COMPARE(connections->count(), 1);
    QVERIFY(connections->item(0)->text().startsWith(QStringLiteral("conn ")));
    // The newest connection is selected once the pass of the event loop that added it ends.
    QTRY_COMPARE(m_window->serverPane()->selectedConnection(), QStringLiteral("conn#1"));
    const QString client = m_window->clientPane()->clientId();
    QTRY_COMPARE(session->socket(client).state, SocketState::Connected);

    QLineEdit *clientMessage = m_window->findChild<QLineEdit *>(QStringLiteral("message"));
    m_window->clientPane()->connectionControls()->editor()->setText(
        QStringLiteral("Hey, can you hear me?"));
    QVERIFY(clientMessage);
    QTRY_VERIFY(enabled(QStringLiteral("client.sendall")));
    click(QStringLiteral("client.sendall"));
    QCOMPARE(m_events->waitForEnd(client, SocketCall::SendAll).byteCount, qint64(21));

    QTRY_VERIFY(enabled(QStringLiteral("conn.recv")));
    click(QStringLiteral("conn.recv"));
    const SocketEvent heard = m_events->waitForEnd(QStringLiteral("conn#1"), SocketCall::Recv);
    QCOMPARE(heard.data, QByteArray("Hey, can you hear me?"));
    QTRY_VERIFY(m_window->byteView()->literalText() == QStringLiteral("b'Hey, can you hear me?'"));
    QVERIFY(m_window->byteView()->hexText().startsWith(QStringLiteral("00000000  48 65 79 2c")));

    m_window->serverPane()->connectionControls()->editor()->setText(
        QStringLiteral("Yes, I can hear you."));
    QTRY_VERIFY(enabled(QStringLiteral("conn.sendall")));
    click(QStringLiteral("conn.sendall"));
    QCOMPARE(m_events->waitForEnd(QStringLiteral("conn#1"), SocketCall::SendAll).phase,
             CallPhase::Returned);
    QTRY_VERIFY(enabled(QStringLiteral("client.recv")));
    click(QStringLiteral("client.recv"));
    QCOMPARE(m_events->waitForEnd(client, SocketCall::Recv).data,
             QByteArray("Yes, I can hear you."));

    QTRY_VERIFY(enabled(QStringLiteral("conn.close")));
    click(QStringLiteral("conn.close"));
    QCOMPARE(m_events->waitForEnd(QStringLiteral("conn#1"), SocketCall::Close).phase,
             CallPhase::Returned);
    QTRY_VERIFY(!enabled(QStringLiteral("conn.recv")));
    QTRY_VERIFY(enabled(QStringLiteral("client.recv")));
    click(QStringLiteral("client.recv"));
    QCOMPARE(m_events->waitForEnd(client, SocketCall::Recv).byteCount, qint64(0));
    QTRY_COMPARE(session->socket(client).state, SocketState::PeerClosed);
    click(QStringLiteral("client.close"));
    QTRY_VERIFY(enabled(QStringLiteral("client.socket")));
    click(QStringLiteral("server.close"));
    // The snapshot comes just before the event: wait for the event itself.
    QCOMPARE(m_events->waitForEnd(server, SocketCall::Close).phase, CallPhase::Returned);
    QTRY_VERIFY(enabled(QStringLiteral("server.socket")));
    QCOMPARE(session->socket(server).state, SocketState::Closed);

    // Every event is a log row, in order, with its Python form.
    const EventLog *log = m_window->log();
    QTRY_COMPARE(log->count(), m_events->events().size());
    QTRY_COMPARE(log->rowCount(), log->count());
    QStringList returned;
    for (int row = 0; row < log->count(); ++row) {
        QCOMPARE(log->event(row).seq, qint64(row + 1));
        if (log->event(row).phase == CallPhase::Returned)
            returned << log->index(row, EventLog::CallColumn).data().toString();
    }
    const QStringList expected = {
        QStringLiteral("server_socket = socket.socket(socket.AF_INET, socket.SOCK_STREAM, "
                       "socket.IPPROTO_TCP)"),
        QStringLiteral("server_socket.bind(('127.0.0.1', 0))"),
        QStringLiteral("server_socket.listen(1)"),
        QStringLiteral("client_socket = socket.socket(socket.AF_INET, socket.SOCK_STREAM, "
                       "socket.IPPROTO_TCP)"),
        QStringLiteral("client_socket.connect(('127.0.0.1', %1))").arg(port),
        QStringLiteral("conn, addr = server_socket.accept()"),
        QStringLiteral("client_socket.sendall(b'Hey, can you hear me?')"),
        QStringLiteral("msg = conn.recv(4096)"),
        QStringLiteral("conn.sendall(b'Yes, I can hear you.')"),
        QStringLiteral("from_server = client_socket.recv(4096)"),
        QStringLiteral("conn.close()"),
        QStringLiteral("from_server = client_socket.recv(4096)"),
        QStringLiteral("client_socket.close()"),
        QStringLiteral("server_socket.close()"),
    };
    // connect and accept return in either order: compare as sets around them.
    QVERIFY2(returned.size() == expected.size(), qPrintable(returned.join(QLatin1Char('\n'))));
    QCOMPARE(QSet<QString>(returned.begin(), returned.end()),
             QSet<QString>(expected.begin(), expected.end()));
    QCOMPARE(returned.mid(0, 4), expected.mid(0, 4));
    QCOMPARE(returned.mid(6), expected.mid(6));
}

void TestMainWindow::panesFollowTheFlow()
{
    // At the first-start size the server pane is taller than its share of the window: an
    // accepted connection's calls are below the listener's.
    QWidget *accept = button(QStringLiteral("server.accept"));
    QWidget *recv = button(QStringLiteral("conn.recv"));
    QVERIFY(shownWhole(accept));
    QVERIFY(!shownWhole(recv));
    auto *scroll =
        qobject_cast<QAbstractScrollArea *>(m_window->serverPane()->parentWidget()->parentWidget());
    QVERIFY(scroll);

    listenByClicking();
    const QString server = m_window->serverPane()->listenerId();
    click(QStringLiteral("server.accept"));
    m_window->findChild<QSpinBox *>(QStringLiteral("client.port"))
        ->setValue(m_window->session()->socket(server).local.port());
    click(QStringLiteral("client.socket"));
    QTRY_VERIFY(enabled(QStringLiteral("client.connect")));
    click(QStringLiteral("client.connect"));
    QTRY_COMPARE(m_window->serverPane()->selectedConnection(), QStringLiteral("conn#1"));
    // recv on the new connection comes next: it scrolls into view, under the pane's title.
    QTRY_VERIFY(shownWhole(recv));
    QVERIFY(shownWhole(m_window->serverPane()->title()));
    QVERIFY(!shownWhole(accept));

    // accept()'s shortcut presses a button scrolled out of view: it comes back.
    QTRY_VERIFY(enabled(QStringLiteral("server.accept")));
    QTest::keyClick(m_window, Qt::Key_5, Qt::ControlModifier);
    QCOMPARE(m_events->waitFor(server, SocketCall::Accept, CallPhase::Blocked).phase,
             CallPhase::Blocked);
    QTRY_VERIFY(shownWhole(accept));

    // The user's own scrolling wins: a pane that grows afterwards (zoomed in) does not pull
    // the button back.
    scroll->verticalScrollBar()->triggerAction(QAbstractSlider::SliderToMaximum);
    const int scrolled = scroll->verticalScrollBar()->value();
    QVERIFY(scrolled > 0);
    QVERIFY(!shownWhole(accept));
    const int height = m_window->serverPane()->height();
    m_window->setZoomPercent(125);
    QTRY_VERIFY(m_window->serverPane()->height() > height);
    QTest::qWait(50); // a scroll back would come a pass of the event loop after the growth
    QVERIFY(!shownWhole(accept));
}

void TestMainWindow::closingWhileAcceptIsBlockedDoesNotWaitForIt()
{
    listenByClicking();
    click(QStringLiteral("server.accept"));
    const QString listener = m_window->serverPane()->listenerId();
    m_events->waitFor(listener, SocketCall::Accept, CallPhase::Blocked);
    const int fd = m_window->session()->socket(listener).fd;
    QVERIFY(fd >= 0);

    // No client ever comes: if closing the window waited for accept, this would hang.
    m_window->close();
    m_driver.close();
    QCOMPARE(::fcntl(fd, F_GETFD), -1);
    QCOMPARE(errno, EBADF);
}

void TestMainWindow::diagramLogAndCodeFollowEachOther()
{
    listenByClicking();
    const QString server = m_window->serverPane()->listenerId();
    m_window->findChild<QSpinBox *>(QStringLiteral("client.port"))
        ->setValue(m_window->session()->socket(server).local.port());
    click(QStringLiteral("client.socket"));
    QTRY_VERIFY(enabled(QStringLiteral("client.connect")));
    click(QStringLiteral("client.connect"));
    QTRY_VERIFY(enabled(QStringLiteral("client.sendall")));
    click(QStringLiteral("client.sendall"));
    const SocketEvent sent =
        m_events->waitForEnd(m_window->clientPane()->clientId(), SocketCall::SendAll);
    QCOMPARE(sent.phase, CallPhase::Returned);
    QTRY_COMPARE(m_window->log()->count(), m_events->events().size());

    // The code view has the session so far as Python, the newest call marked at its end.
    QTRY_COMPARE(m_window->codeView()->markedPython(),
                 QStringLiteral("client_socket.sendall(b'Hey, can you hear me?')"));
    const QString python = m_window->codeView()->pythonText();
    const qsizetype sendAt = python.indexOf(QStringLiteral("client_socket.sendall(b'Hey"));
    QVERIFY2(python.lastIndexOf(QStringLiteral("client_socket.connect("), sendAt) > 0,
             qPrintable(python));
    QVERIFY(m_window->codeView()->cText().startsWith(QStringLiteral("send_all(client_socket, ")));

    // Clicking the send's arrow in the diagram selects its row in the log.
    SequenceDiagramView *diagram = m_window->diagram();
    QPoint onArrow;
    for (int y = 0; y < diagram->viewport()->height() && onArrow.isNull(); y += 2) {
        for (int x = 0; x < diagram->viewport()->width(); x += 2) {
            if (diagram->seqAt(QPoint(x, y)) == sent.seq) {
                onArrow = QPoint(x, y);
                break;
            }
        }
    }
    QVERIFY2(!onArrow.isNull(), "the send's arrow is not on screen");
    QTest::mouseClick(diagram->viewport(), Qt::LeftButton, {}, onArrow);
    QCOMPARE(diagram->selectedSeq(), sent.seq);
    QTableView *table = m_window->findChild<QTableView *>(QStringLiteral("log.table"));
    const int row = m_window->log()->rowOfSeq(sent.seq);
    QCOMPARE(table->currentIndex().row(), row);

    // And the other way round: choosing a log row selects its item in the diagram.
    const int listenRow = m_window->log()->rowOfSeq(sent.seq) - 6;
    table->setCurrentIndex(table->model()->index(listenRow, 0));
    QCOMPARE(diagram->selectedSeq(), m_window->log()->event(listenRow).seq);
}

void TestMainWindow::serveAutomaticallyEchoesAPythonClient()
{
    QVERIFY(!enabled(QStringLiteral("serve.toggle")));
    listenByClicking();
    QTRY_VERIFY(enabled(QStringLiteral("serve.toggle")));
    m_window->findChild<QComboBox *>(QStringLiteral("serve.mode"))
        ->setCurrentText(QStringLiteral("echo"));
    click(QStringLiteral("serve.toggle"));
    QVERIFY(m_window->serverPane()->autoServe()->isServing());
    const quint16 port =
        m_window->session()->socket(m_window->serverPane()->listenerId()).local.port();
    QProcess python;
    python.start(
        QStringLiteral("python3"),
        {QStringLiteral("-c"),
         QStringLiteral("import socket,sys\n"
                        "for i in range(2):\n"
                        "    s = socket.create_connection(('127.0.0.1', int(sys.argv[1])))\n"
                        "    s.sendall(b'echo %d' % i); s.shutdown(socket.SHUT_WR)\n"
                        "    got = b''\n"
                        "    while True:\n"
                        "        part = s.recv(4096)\n"
                        "        if not part: break\n"
                        "        got += part\n"
                        "    print(got.decode(), flush=True); s.close()\n"),
         QString::number(port)});
    QTRY_VERIFY_WITH_TIMEOUT(python.state() == QProcess::NotRunning, 10000);
    QCOMPARE(python.exitCode(), 0);
    QCOMPARE(QString::fromUtf8(python.readAllStandardOutput()), QStringLiteral("echo 0\necho 1\n"));
    // Each served client is a connection in the pane and calls in the log.
    QTRY_COMPARE(m_window->findChild<QListWidget *>(QStringLiteral("server.connections"))->count(),
                 2);
    click(QStringLiteral("serve.toggle"));
    QVERIFY(!m_window->serverPane()->autoServe()->isServing());
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
