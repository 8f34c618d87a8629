// SPDX-License-Identifier: MIT
// The window's socket kinds and odd cases, offscreen, by clicking: UDP, Unix paths (a stale
// file), binding to every address, many clients against a backlog, a crowded diagram, bad
// input and refused calls, and the lookups page feeding the client pane.

#include "AddrInfoView.h"
#include "AutoServeControls.h"
#include "ClientPane.h"
#include "ConnectionControls.h"
#include "ConstantsView.h"
#include "EndpointForm.h"
#include "EventRecorder.h"
#include "FreePort.h"
#include "HostsView.h"
#include "LessonController.h"
#include "LookupsPanel.h"
#include "LoopbackSession.h"
#include "MainWindow.h"
#include "MessageEditor.h"
#include "RoleColors.h"
#include "SequenceDiagramView.h"
#include "ServerPane.h"
#include "StaleSocketFile.h"
#include "WindowDriver.h"
#include "lesson/LessonRunner.h"
#include "lookup/BackgroundLookup.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFileInfo>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

class TestWindowSockets : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void bindingToEveryAddressAsksFirst();
    void udpByClicking();
    void unixSocketByClickingWithAStaleFile();
    void manyClientsAtOnceFillTheBacklog();
    void crowdedDiagramSpreadsItsLifelines();
    void lookupResultFillsClientPaneAndConnects();
    void constantsPageShowsCollisions();
    void portFieldsExplainSpecialPorts();
    void hostLookupCanBeCancelled();
    void badMessageDisablesSending();
    void refusedCallExplainsWhy();
    void aLessonOffersToFreeItsPort_data();
    void aLessonOffersToFreeItsPort();

private:
    QPushButton *button(const QString &name) const { return m_driver.button(name); }
    void click(const QString &name) { m_driver.click(name); }
    bool enabled(const QString &name) const { return m_driver.enabled(name); }
    void listenByClicking() { m_driver.listenByClicking(); }

    WindowDriver m_driver;
    MainWindow *m_window = nullptr;
    EventRecorder *m_events = nullptr;
};

void TestWindowSockets::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true); // settings go to a test location
}

void TestWindowSockets::init()
{
    QVERIFY(m_driver.open());
    m_window = m_driver.window();
    m_events = m_driver.events();
}

void TestWindowSockets::cleanup()
{
    m_driver.close();
}

void TestWindowSockets::udpByClicking()
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
    QCOMPARE(answer.data, QByteArray("Yes, I can hear you.")); // the server's own message
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

void TestWindowSockets::unixSocketByClickingWithAStaleFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("lab.sock"));
    QVERIFY(StaleSocketFile::make(path)); // an earlier run's file, never removed
    QVERIFY(QFileInfo::exists(path));
    QString asked;
    m_window->serverPane()->bindQuestions()->setStaleFileConfirmer(
        [&asked](const QString &message) {
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
    QTRY_VERIFY(enabled(QStringLiteral("server.listen"))); // after bind's event, not its state
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

void TestWindowSockets::manyClientsAtOnceFillTheBacklog()
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
    QTRY_VERIFY_WITH_TIMEOUT(status->text().startsWith(QStringLiteral("3 of 3 clients connected:")),
                             10000);
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

void TestWindowSockets::hostLookupCanBeCancelled()
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

void TestWindowSockets::badMessageDisablesSending()
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

void TestWindowSockets::refusedCallExplainsWhy()
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

void TestWindowSockets::lookupResultFillsClientPaneAndConnects()
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

void TestWindowSockets::constantsPageShowsCollisions()
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

void TestWindowSockets::portFieldsExplainSpecialPorts()
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

void TestWindowSockets::bindingToEveryAddressAsksFirst()
{
    QString asked;
    bool answer = false;
    m_window->serverPane()->bindQuestions()->setAnyAddressConfirmer([&](const QString &message) {
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
void TestWindowSockets::crowdedDiagramSpreadsItsLifelines()
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

void TestWindowSockets::aLessonOffersToFreeItsPort_data()
{
    QTest::addColumn<int>("choice");
    QTest::newRow("close the free-play server") << int(LessonController::PortChoice::CloseHolder);
    QTest::newRow("use a free port") << int(LessonController::PortChoice::UseFreePort);
}

void TestWindowSockets::aLessonOffersToFreeItsPort()
{
    // A free-play server on the lesson's port made its bind fail, and only quitting helped.
    // Opening it names the socket and offers two ways out; either way the bind works.
    QFETCH(int, choice);
    const int port = freePort();
    m_window->findChild<QSpinBox *>(QStringLiteral("server.port"))->setValue(port);
    listenByClicking();
    const QString freePlay = m_window->serverPane()->listenerId();
    QString asked;
    m_window->lessons()->setPortChooser([&](const QString &message) {
        asked = message;
        return LessonController::PortChoice(choice);
    });
    QString error;
    QVERIFY2(m_window->lessons()->open(QStringLiteral("getting-the-flow"), &error, true),
             qPrintable(error));
    QVERIFY2(asked.contains(freePlay) && asked.contains(QString::number(port)), qPrintable(asked));
    LessonRunner *runner = m_window->lessonRunner();
    runner->runTo(3); // socket, SO_REUSEADDR, bind
    QTRY_VERIFY(runner->status(3) == LessonRunner::StepStatus::Done ||
                runner->status(3) == LessonRunner::StepStatus::Failed);
    QVERIFY2(runner->status(3) == LessonRunner::StepStatus::Done,
             qPrintable(runner->statusDetail(3)));
    const SocketInfo server = m_window->session()->socket(runner->socketIdFor("server"));
    if (LessonController::PortChoice(choice) == LessonController::PortChoice::CloseHolder) {
        QCOMPARE(m_window->session()->socket(freePlay).state, SocketState::Closed);
        QCOMPARE(int(server.local.port()), port);
    } else {
        QVERIFY(m_window->session()->socket(freePlay).state != SocketState::Closed);
        QVERIFY(server.local.port() != port);
        QCOMPARE(m_window->serverPane()->endpoint()->port(), int(server.local.port()));
    }
}

QTEST_MAIN(TestWindowSockets)
#include "tst_windowsockets.moc"
