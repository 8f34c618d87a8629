// SPDX-License-Identifier: MIT
#include "MainWindow.h"

#include "AddrInfoView.h"
#include "AppearanceController.h"
#include "ByteView.h"
#include "ClientPane.h"
#include "CodeView.h"
#include "EchoCheckController.h"
#include "EndpointForm.h"
#include "EventFollower.h"
#include "FocusRing.h"
#include "GuideWindow.h"
#include "HelpMenu.h"
#include "LessonCaption.h"
#include "LessonController.h"
#include "LessonPanel.h"
#include "LookupsPanel.h"
#include "PaneScrollArea.h"
#include "PresenterStage.h"
#include "ProgramConsole.h"
#include "RecentFiles.h"
#include "ReplayBar.h"
#include "ReplayController.h"
#include "ScreenFit.h"
#include "SequenceDiagramView.h"
#include "ServerPane.h"
#include "SessionExporter.h"
#include "SessionLogView.h"
#include "SettingsAutosave.h"
#include "TcpStateView.h"
#include "WatchController.h"
#include "WindowSettings.h"
#include "lesson/LessonRunner.h"
#include "lookup/SocketNames.h"
#include "session/EventLog.h"
#include "session/SocketSession.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QScreen>
#include <QScrollArea>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QVBoxLayout>

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent), m_session(new SocketSession(this)), m_log(new EventLog(this)),
      m_server(new ServerPane(m_session)), m_client(new ClientPane(m_session)),
      m_logView(new SessionLogView(m_log)), m_bytes(new ByteView), m_code(new CodeView),
      m_diagram(new SequenceDiagramView), m_states(new TcpStateView), m_details(new QTabWidget),
      m_lookupsPage(new QWidget), m_pages(new QTabWidget), m_vertical(new QSplitter(Qt::Vertical)),
      m_panes(new QSplitter(Qt::Horizontal)), m_bottom(new QSplitter(Qt::Horizontal)),
      m_allowInvalid(new QAction(this)), m_invalidBadge(new QLabel(this)),
      m_runner(new LessonRunner(m_session, this)), m_lessonPanel(new LessonPanel(m_runner)),
      m_caption(new LessonCaption(m_runner)), m_lessonDock(new QDockWidget(tr("Lesson"), this)),
      m_replayBar(new ReplayBar),
      m_exporter(new SessionExporter(m_log, this)), m_consoles{new ProgramConsole,
                                                               new ProgramConsole}
{
    setWindowTitle(tr("SocketLab"));
    setObjectName(QStringLiteral("mainWindow"));
    // Scrollable, so a pane's long error hint is never cut off on a small screen.
    auto *serverScroll = new PaneScrollArea(m_server, m_server->title());
    auto *clientScroll = new PaneScrollArea(m_client, m_client->title());
    serverScroll->setAccessibleName(tr("Server pane"));
    clientScroll->setAccessibleName(tr("Client pane"));
    connect(m_server, &ServerPane::revealRequested, serverScroll, &PaneScrollArea::reveal);
    connect(m_client, &ClientPane::revealRequested, clientScroll, &PaneScrollArea::reveal);
    // Each pane with room below for a watched program's terminal (hidden until one runs).
    for (auto [scroll, console] :
         {std::pair{serverScroll, m_consoles[0]}, std::pair{clientScroll, m_consoles[1]}}) {
        auto *column = new QSplitter(Qt::Vertical);
        column->addWidget(scroll);
        column->addWidget(console);
        column->setStretchFactor(0, 3);
        column->setStretchFactor(1, 2);
        m_panes->addWidget(column);
    }
    m_bottom->addWidget(m_logView);
    m_details->setObjectName(QStringLiteral("details"));
    m_details->setAccessibleName(tr("Session views"));
    m_details->addTab(m_diagram, tr("Sequence diagram"));
    m_details->addTab(m_bytes, tr("Bytes"));
    m_details->addTab(m_code, tr("Code"));
    auto *states = new QScrollArea;
    states->setWidgetResizable(true);
    states->setFrameShape(QFrame::NoFrame);
    states->setWidget(m_states);
    states->setAccessibleName(tr("TCP states"));
    m_details->addTab(states, tr("TCP states"));
    m_bottom->addWidget(m_details);
    m_bottom->setStretchFactor(0, 2);
    m_bottom->setStretchFactor(1, 1);
    m_vertical->addWidget(m_panes);
    m_vertical->addWidget(m_bottom);
    m_vertical->setStretchFactor(0, 1);
    m_vertical->setStretchFactor(1, 1);
    m_pages->setObjectName(QStringLiteral("pages"));
    m_pages->setAccessibleName(tr("Lab and look-ups"));
    m_pages->addTab(m_vertical, tr("Lab: server and client"));
    m_pages->addTab(m_lookupsPage, tr("Lookups: constants, getaddrinfo, services, hosts"));
    new QVBoxLayout(m_lookupsPage);
    m_lookupsPage->layout()->setContentsMargins(0, 0, 0, 0);
    connect(m_pages, &QTabWidget::currentChanged, this, [this](int page) {
        if (page == 1)
            lookups();
    });
    m_pages->setDocumentMode(true);
    auto *stage = new QWidget;
    auto *stageLayout = new QVBoxLayout(stage);
    stageLayout->setContentsMargins(0, 0, 0, 0);
    stageLayout->addWidget(m_caption);
    stageLayout->addWidget(m_replayBar);
    m_replayBar->hide();
    addActions(m_replayBar->navigationActions());
    m_replayer = new ReplayController(
        {m_replayBar, m_logView, [this](SocketSource *source) { showSource(source); }, m_session,
         [this](int row) { m_follower->showEventBytes(row); }},
        this);
    stageLayout->addWidget(m_pages, 1);
    m_caption->hide();
    setCentralWidget(stage);

    m_lessonDock->setObjectName(QStringLiteral("lessonDock"));
    m_lessonDock->setWidget(m_lessonPanel);
    m_lessonDock->setAllowedAreas(Qt::LeftDockWidgetArea | Qt::RightDockWidgetArea);
    addDockWidget(Qt::RightDockWidgetArea, m_lessonDock);
    m_lessonDock->hide();
    // On the window, so the keys work wherever focus is, and on stage with the menus hidden.
    addActions(m_lessonPanel->navigationActions());
    for (QAction *a : m_lessonPanel->navigationActions())
        a->setEnabled(false);
    m_stage = std::make_unique<PresenterStage>(
        PresenterStage::Parts{this, m_pages, m_logView, m_details, m_diagram, m_lessonDock,
                              m_caption, m_vertical, m_panes});
    m_lessons =
        new LessonController({this, m_runner, m_lessonPanel, m_lessonDock, m_stage.get(), m_server,
                              m_client, m_session, [this] { showLookups(false); }},
                             this);
    m_appearance =
        new AppearanceController({this, m_stage.get(), [this] { return m_runner->hasLesson(); },
                                  [this](bool presenter) {
                                      m_server->setCompact(presenter);
                                      m_client->setCompact(presenter);
                                  },
                                  [this](int ms) { m_diagram->setAnimationMs(ms); }},
                                 this);

    m_invalidBadge->setText(tr("  Invalid calls allowed: the kernel answers  "));
    m_invalidBadge->setStyleSheet(QStringLiteral("QLabel { background: #a65e00; color: white; "
                                                 "font-weight: bold; }"));
    m_invalidBadge->hide();
    statusBar()->addPermanentWidget(m_invalidBadge);
    new FocusRing(this);

    m_follower = new EventFollower(
        {m_session, m_log, m_logView, m_diagram, m_bytes, m_code, m_states}, this);
    m_watch = new WatchController(
        {m_session, m_follower, m_log, m_consoles,
         [this](WatchController::Side side, SocketSource *source) {
             if (!isReplaying())
                 side == WatchController::Server ? m_server->setSource(source)
                                                 : m_client->setSource(source);
         },
         [this](const QString &message) { statusBar()->showMessage(message, 15000); }},
        this);
    m_echoCheck = new EchoCheckController(
        m_session, m_client->endpoint(), this,
        [this](const QString &message) { statusBar()->showMessage(message, 15000); }, this);
    buildMenus();
    connect(m_server, &ServerPane::refused, this, &MainWindow::showRefusal);
    connect(m_client, &ClientPane::refused, this, &MainWindow::showRefusal);
    readSettings();
    auto *autosave = new SettingsAutosave(this, [this] {
        // The stage's and full screen's geometry are not the window's own: only the looks.
        if (!isPresenterMode() && !isFullScreen())
            return writeSettings();
        QSettings settings;
        m_appearance->writeSettings(settings);
    });
    connect(m_appearance, &AppearanceController::changed, autosave, &SettingsAutosave::changed);
    for (QSplitter *splitter : {m_vertical, m_panes, m_bottom})
        connect(splitter, &QSplitter::splitterMoved, autosave, &SettingsAutosave::changed);
    for (EndpointForm *form : {m_server->endpoint(), m_client->endpoint()})
        connect(form, &EndpointForm::edited, autosave, &SettingsAutosave::changed);
}

MainWindow::~MainWindow() = default;

QSize MainWindow::defaultSizeFor(const QSize &available)
{
    return ScreenFit::size(preferredSize, available);
}

void MainWindow::buildMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *exportAction =
        file->addAction(tr("&Save Session…"), m_exporter, &SessionExporter::chooseTraceFile);
    exportAction->setShortcuts({QKeySequence::Save, QKeySequence(Qt::CTRL | Qt::Key_E)});
    exportAction->setToolTip(tr("Write every event of this session to a trace file (JSON "
                                "Lines), to replay or export later"));
    QAction *openSession =
        file->addAction(tr("Open Session for &Replay…"), this, &MainWindow::chooseSessionFile);
    openSession->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    openSession->setToolTip(tr("Step through a saved session in the panes, diagram and log, "
                               "without the network"));
    QMenu *recent = file->addMenu(tr("Open &Recent"));
    recent->setObjectName(QStringLiteral("openRecent"));
    recent->setToolTipsVisible(true); // each file's whole path
    connect(recent, &QMenu::aboutToShow, this, [this, recent] {
        RecentFiles::fillMenu(recent, [this](const QString &path) { openFile(path); });
    });
    file->addAction(tr("&Close Replay"), this, &MainWindow::closeReplay);
    file->addSeparator();
    m_watch->buildMenu(file, this);
    file->addSeparator();
    QAction *scripts = file->addAction(tr("Export Session as &Scripts…"), m_exporter,
                                       &SessionExporter::chooseScriptDirectory);
    scripts->setObjectName(QStringLiteral("exportScripts"));
    scripts->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    scripts->setToolTip(tr("Write server.py, client.py, server.c and client.c that make this "
                           "session's calls again"));
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu *calls = menuBar()->addMenu(tr("&Calls"));
    m_echoCheck->buildMenu(calls);
    calls->addSeparator();
    m_allowInvalid->setObjectName(QStringLiteral("allowInvalidCalls"));
    m_allowInvalid->setText(tr("&Allow Invalid Calls"));
    m_allowInvalid->setCheckable(true);
    m_allowInvalid->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_I));
    m_allowInvalid->setToolTip(tr("Let every call reach the kernel, to show its real error "
                                  "(ENOTCONN, EINVAL, …)"));
    calls->addAction(m_allowInvalid);
    connect(m_allowInvalid, &QAction::toggled, this, [this](bool on) {
        m_session->setAllowInvalidCalls(on);
        m_invalidBadge->setVisible(on);
    });

    QMenu *view = menuBar()->addMenu(tr("&View"));
    m_appearance->buildMenu(view);
    view->addSeparator();
    QAction *lab = view->addAction(tr("The &Lab"), this, [this] { showLookups(false); });
    lab->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_J));
    QAction *lookups = view->addAction(tr("&Lookups: Constants, getaddrinfo, Services, Hosts"),
                                       this, [this] { showLookups(true); });
    lookups->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_K));

    m_lessons->buildMenu(menuBar()->addMenu(tr("L&essons")));

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    HelpMenu::build(help, this, [this](int index) { openGuide(index); });
}

void MainWindow::openGuide(int index)
{
    if (!m_guide)
        m_guide = new GuideWindow(this);
    m_guide->showGuide(index);
    m_guide->show();
    m_guide->raise();
}

bool MainWindow::openLesson(const QString &idOrPath, QString *error)
{
    return m_lessons->open(idOrPath, error);
}

void MainWindow::closeLesson()
{
    m_lessons->close();
}

void MainWindow::chooseSessionFile()
{
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open session for replay"), RecentFiles::folder(RecentFiles::Dialog::Session),
        tr("Sessions (*.sltrace *.jsonl);;All files (*)"));
    if (path.isEmpty())
        return;
    RecentFiles::rememberFolder(RecentFiles::Dialog::Session, path);
    openFile(path);
}

void MainWindow::openFile(const QString &path)
{
    QString error;
    const bool lesson = path.endsWith(QLatin1String(".lesson"));
    const QString title = lesson ? tr("Open lesson") : tr("Open session");
    if (!QFileInfo(path).isFile()) {
        RecentFiles::remove(path);
        QMessageBox::warning(this, title, tr("%1 is no longer there.").arg(path));
    } else if (!(lesson ? openLesson(path, &error) : openSession(path, &error))) {
        QMessageBox::warning(this, title, error);
    } else if (!lesson && !m_replayer->warning().isEmpty()) {
        QMessageBox::warning(this, title,
                             tr("The trace is damaged at its end: %1").arg(m_replayer->warning()));
    }
}

bool MainWindow::openSession(const QString &path, QString *error)
{
    if (!m_replayer->open(path, error))
        return false;
    RecentFiles::add(path);
    if (!m_replayer->warning().isEmpty())
        statusBar()->showMessage(m_replayer->warning(), 15000);
    m_runner->pause();
    showLookups(false);
    return true;
}

void MainWindow::closeReplay()
{
    m_replayer->close();
}

QString MainWindow::replayWarning() const
{
    return m_replayer->warning();
}

void MainWindow::showSource(SocketSource *source)
{
    // The live picture includes the programs watched in the panes.
    const bool live = source == m_session;
    m_server->setSource(live ? m_watch->paneSource(WatchController::Server) : source);
    m_client->setSource(live ? m_watch->paneSource(WatchController::Client) : source);
    m_follower->show(source);
}

bool MainWindow::isReplaying() const
{
    return m_replayer->isReplaying();
}

LookupsPanel *MainWindow::lookups()
{
    // Built when first shown: most sessions start in the lab, and the lookups' tables would
    // add a fifth to the time before the window appears.
    if (!m_lookups) {
        m_lookups = new LookupsPanel(m_session);
        m_lookupsPage->layout()->addWidget(m_lookups);
        connect(m_lookups->addrInfo(), &AddrInfoView::useEntry, this, &MainWindow::useLookupResult);
    }
    return m_lookups;
}

void MainWindow::showLookups(bool show)
{
    m_pages->setCurrentIndex(show ? 1 : 0);
}

void MainWindow::useLookupResult(const AddrInfoEntry &entry, bool forServer)
{
    showLookups(false);
    EndpointForm *form = forServer ? m_server->endpoint() : m_client->endpoint();
    form->setFamily(entry.family);
    form->setProtocol(entry.protocol);
    form->setEndpoint(entry.address.host(), entry.address.port());
    statusBar()->showMessage(
        forServer ? tr("Server pane set to %1 %2: now socket(), bind(), listen().")
                        .arg(SocketNames::family(entry.family), entry.address.pythonTuple())
                  : tr("Client pane set to %1 %2: now socket(), connect().")
                        .arg(SocketNames::family(entry.family), entry.address.pythonTuple()),
        10000);
}

void MainWindow::showRefusal(const QString &reason)
{
    statusBar()->showMessage(reason, 10000);
}

bool MainWindow::exportTrace(const QString &path, QString *error) const
{
    return m_exporter->writeTrace(path, error);
}

bool MainWindow::exportScripts(const QString &directory, QStringList *written, QString *error) const
{
    return m_exporter->writeScripts(directory, CodeGenerator::Existing::Keep, written, error);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    emit closing();
    writeSettings();
    // Blocked calls end here at once; the worker thread stops with the session.
    m_session->closeAll();
    event->accept();
}

void MainWindow::readSettings()
{
    QSettings settings;
    m_appearance->readSettings(settings);
    if (!restoreGeometry(WindowSettings::geometry.read(settings)))
        resize(defaultSizeFor(screen()->availableGeometry().size()));
    ScreenFit::keepInside(this); // saved on a larger screen

    restoreState(WindowSettings::state.read(settings));
    if (!m_vertical->restoreState(WindowSettings::vertical.read(settings)))
        m_vertical->setSizes({560, 440});
    m_panes->restoreState(WindowSettings::panes.read(settings));
    m_bottom->restoreState(WindowSettings::bottom.read(settings));
    m_server->readSettings(settings);
    m_client->readSettings(settings);
    m_lessons->readSettings(settings);
}

void MainWindow::writeSettings() const
{
    QSettings settings;
    m_appearance->writeSettings(settings);
    m_lessons->writeSettings(settings);
    WindowSettings::geometry.write(settings, saveGeometry());
    WindowSettings::state.write(settings, saveState());
    WindowSettings::vertical.write(settings, m_vertical->saveState());
    WindowSettings::panes.write(settings, m_panes->saveState());
    WindowSettings::bottom.write(settings, m_bottom->saveState());
    m_server->writeSettings(settings);
    m_client->writeSettings(settings);
}
