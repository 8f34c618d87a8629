// The window, offscreen: QTest clicks through the course's "getting the flow" exercise,
// buttons follow the model's rules, log rows arrive in order, and closing is immediate.

#include "AddrInfoView.h"
#include "AutoServeControls.h"
#include "ByteView.h"
#include "ClientPane.h"
#include "CodeView.h"
#include "ConnectionControls.h"
#include "ConstantsView.h"
#include "EndpointForm.h"
#include "EventRecorder.h"
#include "FlowDemo.h"
#include "HostsView.h"
#include "LookupsPanel.h"
#include "LoopbackSession.h"
#include "MainWindow.h"
#include "MessageEditor.h"
#include "RoleColors.h"
#include "SequenceDiagramView.h"
#include "ServerPane.h"
#include "SessionLogView.h"
#include "ShownWhole.h"
#include "StaleSocketFile.h"
#include "WindowDriver.h"
#include "lookup/BackgroundLookup.h"
#include "session/EventLog.h"
#include "session/SocketSession.h"

#include <QAbstractScrollArea>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QProcess>
#include <QPushButton>
#include <QScreen>
#include <QScrollBar>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableView>
#include <QTableWidget>
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
    void badMessageDisablesSending();
    void refusedCallExplainsWhy();
    void closingWhileAcceptIsBlockedDoesNotWaitForIt();
    void lookupResultFillsClientPaneAndConnects();
    void constantsPageShowsCollisions();
    void portFieldsExplainSpecialPorts();
    void diagramLogAndCodeFollowEachOther();
    void serveAutomaticallyEchoesAPythonClient();
    void bindingToEveryAddressAsksFirst();
    void udpByClicking();
    void unixSocketByClickingWithAStaleFile();
    void manyClientsAtOnceFillTheBacklog();
    void crowdedDiagramSpreadsItsLifelines();
    void hostLookupCanBeCancelled();
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

void TestMainWindow::udpByClicking()
{
    for (const char *pane : {"server.type", "client.type"}) {
        auto *type = m_window->findChild<QComboBox *>(QLatin1String(pane));
        QVERIFY(type);
        type->setCurrentIndex(type->findData(SOCK_DGRAM));
    }
    click(QStringLiteral("server.socket"));
    QTRY_VERIFY(enabled(QStringLiteral("server.bind")));
    click(QStringLiteral("server.bind"));
    const QString server = m_window->serverPane()->listenerId();
    QTRY_COMPARE(m_window->session()->socket(server).state, SocketState::Bound);
    QCOMPARE(m_window->session()->socket(server).type, SOCK_DGRAM);
    // No listen or accept for UDP, and the button says why (once the pane caught up).
    QTRY_VERIFY(button(QStringLiteral("server.listen"))->toolTip().contains(QStringLiteral("UDP")));
    QVERIFY(!enabled(QStringLiteral("server.listen")));
    QVERIFY(!enabled(QStringLiteral("conn.send")));
    // sendto answers the last sender, so it waits for a datagram to arrive first.
    QTRY_VERIFY(button(QStringLiteral("conn.recvfrom"))->isVisible());
    click(QStringLiteral("conn.recvfrom"));
    QTRY_VERIFY(m_window->session()->socket(server).blocked);

    const quint16 port = m_window->session()->socket(server).local.port();
    m_window->clientPane()->endpoint()->setEndpoint(QStringLiteral("127.0.0.1"), port);
    click(QStringLiteral("client.socket"));
    QTRY_VERIFY(enabled(QStringLiteral("client.sendto")));
    QVERIFY(!enabled(QStringLiteral("client.send"))); // send needs connect on UDP
    click(QStringLiteral("client.sendto"));
    const QString client = m_window->clientPane()->clientId();
    QCOMPARE(m_events->waitForEnd(client, SocketCall::SendTo).phase, CallPhase::Returned);
    const SocketEvent got = m_events->waitForEnd(server, SocketCall::RecvFrom);
    QCOMPARE(got.phase, CallPhase::Returned);
    QCOMPARE(got.data, QByteArray("Hey, can you hear me?"));
    QCOMPARE(m_window->session()->socket(client).state, SocketState::Bound);

    // The server answers the sender with sendto; the client reads it with recvfrom.
    QTRY_VERIFY(enabled(QStringLiteral("conn.sendto")));
    click(QStringLiteral("conn.sendto"));
    QCOMPARE(m_events->waitForEnd(server, SocketCall::SendTo).phase, CallPhase::Returned);
    QTRY_VERIFY(enabled(QStringLiteral("client.recvfrom")));
    click(QStringLiteral("client.recvfrom"));
    const SocketEvent answer = m_events->waitForEnd(client, SocketCall::RecvFrom);
    QCOMPARE(answer.data, QByteArray("Hey, can you hear me?"));
    QCOMPARE(
        SocketAddress::fromVariant(answer.result.toMap().value(QStringLiteral("address")).toMap())
            .port(),
        port);
    // Serve automatically answers every datagram (echo), with no listen.
    QVERIFY(m_window->serverPane()->autoServe()->start(ServerMode::Echo).isEmpty());
    QVERIFY(m_window->serverPane()->autoServe()->isServing());
    QVERIFY(
        m_window->session()->sendTo(client, "again", QStringLiteral("127.0.0.1"), port).isEmpty());
    QCOMPARE(m_events->waitForEnd(client, SocketCall::SendTo).phase, CallPhase::Returned);
    m_window->session()->recvFrom(client, 100);
    const SocketEvent again = m_events->waitForEnd(client, SocketCall::RecvFrom);
    QCOMPARE(again.data, QByteArray("again"));
    QVERIFY(!m_window->serverPane()->autoServe()->start(ServerMode::Http).isEmpty());
}

void TestMainWindow::unixSocketByClickingWithAStaleFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("lab.sock"));
    QVERIFY(StaleSocketFile::make(path)); // an earlier run's file, never removed
    QVERIFY(QFileInfo::exists(path));
    QString asked;
    m_window->serverPane()->setStaleFileConfirmer([&asked](const QString &message) {
        asked = message;
        return true;
    });
    for (const char *pane : {"server", "client"}) {
        auto *family =
            m_window->findChild<QComboBox *>(QLatin1String(pane) + QStringLiteral(".family"));
        family->setCurrentIndex(family->findData(AF_UNIX));
        auto *host =
            m_window->findChild<QLineEdit *>(QLatin1String(pane) + QStringLiteral(".host"));
        QVERIFY(host->text().endsWith(QStringLiteral("socketlab.sock"))); // the default path
        host->setText(path);
    }
    QVERIFY(!m_window->findChild<QSpinBox *>(QStringLiteral("server.port"))->isEnabled());
    click(QStringLiteral("server.socket"));
    QTRY_VERIFY(enabled(QStringLiteral("server.bind")));
    click(QStringLiteral("server.bind"));
    const QString server = m_window->serverPane()->listenerId();
    // The first bind fails on the old file; the pane asks, removes it, and binds again.
    QTRY_COMPARE(m_window->session()->socket(server).state, SocketState::Bound);
    QVERIFY(asked.contains(path));
    QCOMPARE(m_window->session()->socket(server).local.display(), QStringLiteral("unix:") + path);
    click(QStringLiteral("server.listen"));
    QTRY_VERIFY(enabled(QStringLiteral("server.accept")));
    click(QStringLiteral("server.accept"));
    click(QStringLiteral("client.socket"));
    QTRY_VERIFY(enabled(QStringLiteral("client.connect")));
    click(QStringLiteral("client.connect"));
    const QString client = m_window->clientPane()->clientId();
    QCOMPARE(m_events->waitForEnd(client, SocketCall::Connect).phase, CallPhase::Returned);
    QCOMPARE(m_events->waitForEnd(server, SocketCall::Accept).phase, CallPhase::Returned);
    click(QStringLiteral("server.close"));
    QCOMPARE(m_events->waitForEnd(server, SocketCall::Close).phase, CallPhase::Returned);
    QVERIFY(!QFileInfo::exists(path)); // close removed the file bind made
}

void TestMainWindow::manyClientsAtOnceFillTheBacklog()
{
    listenByClicking(); // listen(1)
    const QString server = m_window->serverPane()->listenerId();
    const quint16 port = m_window->session()->socket(server).local.port();
    m_window->clientPane()->endpoint()->setEndpoint(QStringLiteral("127.0.0.1"), port);
    m_window->findChild<QSpinBox *>(QStringLiteral("client.count"))->setValue(3);
    click(QStringLiteral("client.many"));
    auto *status = m_window->findChild<QLabel *>(QStringLiteral("client.manyStatus"));
    // listen(1): two handshakes complete before any accept, the third waits.
    QTRY_COMPARE_WITH_TIMEOUT(status->text(),
                              QStringLiteral("2 of 3 clients connected, 1 still waiting (the "
                                             "backlog?)"),
                              5000);
    auto *sockets = m_window->findChild<QComboBox *>(QStringLiteral("client.sockets"));
    QCOMPARE(sockets->count(), 3);
    // Serving accepts them all; the third gets in on its next handshake try.
    QVERIFY(m_window->serverPane()->autoServe()->start(ServerMode::Echo).isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(status->text(), QStringLiteral("3 of 3 clients connected"), 10000);
    // Any of them can be picked and used from the pane.
    const QString first = sockets->itemData(0).toString();
    sockets->setCurrentIndex(0);
    emit sockets->activated(0);
    QCOMPARE(m_window->clientPane()->clientId(), first);
    click(QStringLiteral("client.sendall"));
    QCOMPARE(m_events->waitForEnd(first, SocketCall::SendAll).phase, CallPhase::Returned);
    click(QStringLiteral("client.recv"));
    QCOMPARE(m_events->waitForEnd(first, SocketCall::Recv).data,
             QByteArray("Hey, can you hear me?"));
}

void TestMainWindow::hostLookupCanBeCancelled()
{
    HostsView *hosts = m_window->lookups()->hosts();
    auto *cancel = hosts->findChild<QPushButton *>(QStringLiteral("hosts.cancel"));
    QVERIFY(cancel);
    QVERIFY(!cancel->isEnabled());
    auto *lookup = hosts->findChild<BackgroundLookup *>();
    QVERIFY(lookup);
    hosts->nameBox()->setText(QStringLiteral("localhost"));
    hosts->lookUpName();
    // The answer comes back through the event loop, so it cannot have arrived yet.
    QVERIFY(cancel->isEnabled());
    QTest::mouseClick(cancel, Qt::LeftButton);
    QVERIFY(!cancel->isEnabled());
    QTRY_COMPARE(lookup->droppedCount(), 1); // the late answer came and was ignored
    QVERIFY2(hosts->answerLabel()->text().startsWith(QStringLiteral("Cancelled")),
             qPrintable(hosts->answerLabel()->text()));

    hosts->lookUpName(); // and the next one is answered
    QTRY_VERIFY(hosts->answerLabel()->text().contains(QStringLiteral("gethostbyname_ex")));
    QVERIFY(!cancel->isEnabled());
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
    QVERIFY(connections->item(0)->text().startsWith(QStringLiteral("conn#1")));
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

void TestMainWindow::badMessageDisablesSending()
{
    listenByClicking();
    m_window->findChild<QSpinBox *>(QStringLiteral("client.port"))
        ->setValue(m_window->session()->socket(m_window->serverPane()->listenerId()).local.port());
    click(QStringLiteral("client.socket"));
    QTRY_VERIFY(enabled(QStringLiteral("client.connect")));
    click(QStringLiteral("client.connect"));
    QTRY_VERIFY(enabled(QStringLiteral("client.sendall")));

    MessageEditor *editor = m_window->clientPane()->connectionControls()->editor();
    editor->setText(QStringLiteral("bad \\q escape"));
    QVERIFY(!editor->isValid());
    QVERIFY(!enabled(QStringLiteral("client.sendall")));
    QVERIFY(button(QStringLiteral("client.sendall"))
                ->toolTip()
                .contains(QStringLiteral("message has an error")));
    editor->setText(QStringLiteral("good\\r\\n"));
    QVERIFY(editor->isValid());
    QCOMPARE(editor->bytes(), QByteArray("good\r\n"));
    QVERIFY(enabled(QStringLiteral("client.sendall")));
}

void TestMainWindow::refusedCallExplainsWhy()
{
    click(QStringLiteral("server.socket"));
    QTRY_VERIFY(enabled(QStringLiteral("server.bind")));
    QPushButton *listen = button(QStringLiteral("server.listen"));
    QVERIFY(!listen->isEnabled());
    QVERIFY(listen->toolTip().contains(QStringLiteral("listen needs a bound socket")));

    // With invalid calls allowed, the same button reaches the kernel.
    m_window->findChild<QAction *>(QStringLiteral("allowInvalidCalls"))->setChecked(true);
    QTRY_VERIFY(listen->isEnabled());
    QVERIFY(enabled(QStringLiteral("server.accept")));
    click(QStringLiteral("server.accept"));
    const SocketEvent e =
        m_events->waitForEnd(m_window->serverPane()->listenerId(), SocketCall::Accept);
    QCOMPARE(e.phase, CallPhase::Failed);
    QCOMPARE(e.error.name(), QStringLiteral("EINVAL"));
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

void TestMainWindow::lookupResultFillsClientPaneAndConnects()
{
    LoopbackSession elsewhere; // a listener the window knows nothing about
    quint16 port = 0;
    QVERIFY(!elsewhere.listeningServer(1, &port).isEmpty());

    m_window->showLookups(true);
    AddrInfoView *addrInfo = m_window->lookups()->addrInfo();
    addrInfo->setQuery(QStringLiteral("127.0.0.1"), QString::number(port));
    m_window->findChild<QCheckBox *>(QStringLiteral("addrinfo.streamOnly"))->setChecked(true);
    click(QStringLiteral("addrinfo.run"));
    QTRY_COMPARE(addrInfo->table()->rowCount(), 1);
    QCOMPARE(addrInfo->table()->item(0, 4)->text(), QStringLiteral("('127.0.0.1', %1)").arg(port));
    QTRY_VERIFY(enabled(QStringLiteral("addrinfo.useClient")));
    click(QStringLiteral("addrinfo.useClient"));

    EndpointForm *form = m_window->clientPane()->endpoint();
    QCOMPARE(form->host(), QStringLiteral("127.0.0.1"));
    QCOMPARE(form->port(), int(port));
    QCOMPARE(form->family(), int(AF_INET));
    QCOMPARE(form->protocol(), int(IPPROTO_TCP));
    click(QStringLiteral("client.socket"));
    QTRY_VERIFY(enabled(QStringLiteral("client.connect")));
    click(QStringLiteral("client.connect"));
    QCOMPARE(m_events->waitForEnd(m_window->clientPane()->clientId(), SocketCall::Connect).phase,
             CallPhase::Returned);
}

void TestMainWindow::constantsPageShowsCollisions()
{
    ConstantsView *constants = m_window->lookups()->constants();
    constants->prefixBox()->setCurrentText(QStringLiteral("IPPROTO_"));
    QTableWidget *table = constants->table();
    QVERIFY(table->rowCount() > 5);
    QCOMPARE(table->item(0, 1)->text(), QStringLiteral("0"));
    QVERIFY(table->item(0, 0)->toolTip().contains(QStringLiteral("share the value 0")));
    constants->valueBox()->setText(QStringLiteral("6"));
    QCOMPARE(table->rowCount(), 1);
    QCOMPARE(table->item(0, 0)->text(), QStringLiteral("IPPROTO_TCP"));
    QTRY_VERIFY(constants->defaultsLabel()->text().contains(QStringLiteral("IPPROTO_TCP (6)")));
}

void TestMainWindow::portFieldsExplainSpecialPorts()
{
    auto *serverPort = m_window->findChild<QSpinBox *>(QStringLiteral("server.port"));
    serverPort->setValue(80);
    QVERIFY(
        m_window->serverPane()->endpoint()->portNote().contains(QStringLiteral("administrator")));
    serverPort->setValue(8080);
    QVERIFY(m_window->serverPane()->endpoint()->portNote().isEmpty());
    m_window->findChild<QSpinBox *>(QStringLiteral("client.port"))->setValue(0);
    QVERIFY(m_window->clientPane()->endpoint()->portNote().contains(QStringLiteral("port 0")));
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

    // The newest call is in the code view.
    QTRY_COMPARE(m_window->codeView()->pythonText(),
                 QStringLiteral("client_socket.sendall(b'Hey, can you hear me?')"));
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

void TestMainWindow::bindingToEveryAddressAsksFirst()
{
    QString asked;
    bool answer = false;
    m_window->serverPane()->setAnyAddressConfirmer([&](const QString &message) {
        asked = message;
        return answer;
    });
    m_window->findChild<QLineEdit *>(QStringLiteral("server.host"))
        ->setText(QStringLiteral("0.0.0.0"));
    click(QStringLiteral("server.socket"));
    QTRY_VERIFY(enabled(QStringLiteral("server.bind")));
    click(QStringLiteral("server.bind"));
    QVERIFY(asked.contains(QStringLiteral("anyone on this network can connect")));
    QTest::qWait(50);
    QVERIFY(
        !m_events->has(m_window->serverPane()->listenerId(), SocketCall::Bind, CallPhase::Started));
    answer = true;
    click(QStringLiteral("server.bind"));
    QCOMPARE(m_events->waitForEnd(m_window->serverPane()->listenerId(), SocketCall::Bind).phase,
             CallPhase::Returned);
    QCOMPARE(m_window->session()->socket(m_window->serverPane()->listenerId()).local.host(),
             QStringLiteral("0.0.0.0"));
}

// More sockets than the diagram is wide: each lifeline still gets its own place along the
// width (whole-pixel column widths were 0 and put all of them at the left edge).
void TestMainWindow::crowdedDiagramSpreadsItsLifelines()
{
    SequenceDiagramView diagram;
    diagram.resize(300, 200);
    diagram.show();
    QVERIFY(QTest::qWaitForWindowExposed(&diagram));
    for (int i = 1; i <= 1000; ++i) {
        SocketEvent e;
        e.seq = i;
        e.socketId = QStringLiteral("client#%1").arg(i);
        e.role = SocketRole::Client;
        e.call = SocketCall::Socket;
        e.phase = CallPhase::Returned;
        diagram.addEvent(e);
    }
    const QColor lifeline = RoleColors::strong(SocketRole::Client);
    const auto columnsWithLifelines = [&] {
        const QImage image = diagram.viewport()->grab().toImage();
        const int y = image.height() - 5; // below every row's marks, where only lines are
        int columns = 0;
        for (int x = 0; x < image.width(); ++x)
            columns += QColor(image.pixel(x, y)) == lifeline ? 1 : 0;
        return columns;
    };
    // Lines across most of the width, not a few pixels at one edge.
    QTRY_VERIFY2(columnsWithLifelines() > diagram.viewport()->width() / 2,
                 qPrintable(QString::number(columnsWithLifelines())));
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
