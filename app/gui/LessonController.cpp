// SPDX-License-Identifier: MIT
#include "LessonController.h"

#include "ClientPane.h"
#include "ConnectionControls.h"
#include "EndpointForm.h"
#include "LessonPanel.h"
#include "MessageEditor.h"
#include "PresenterStage.h"
#include "RecentFiles.h"
#include "ServerPane.h"
#include "WindowSettings.h"
#include "lesson/LessonLibrary.h"
#include "lesson/LessonRunner.h"
#include "lookup/PortOwners.h"
#include "present/EscapeCodec.h"
#include "session/SocketSession.h"

#include <QAction>
#include <QDesktopServices>
#include <QDockWidget>
#include <QFileDialog>
#include <QMainWindow>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>

LessonController::LessonController(const Parts &parts, QObject *parent)
    : QObject(parent), m_parts(parts)
{
    // A lesson file may come from anywhere: only the user lets it reach another program.
    m_parts.runner->setReachPolicy(false, [this](const QString &why) {
        return QMessageBox::question(m_parts.window, tr("Let the lesson connect?"),
                                     tr("%1.\n\nAllow it this time?").arg(why),
                                     QMessageBox::Yes | QMessageBox::No,
                                     QMessageBox::No) == QMessageBox::Yes;
    });
    connect(m_parts.runner, &LessonRunner::socketNamed, this,
            [this](const QString &, const QString &id, SocketRole role) {
                if (role == SocketRole::Server)
                    m_parts.server->adoptListener(id);
                else if (role == SocketRole::Client)
                    m_parts.client->adopt(id);
            });
    // The pane shows the socket each step acts on, even one named earlier (client after
    // client2 was made), so its badge and calls are in view.
    connect(
        m_parts.runner, &LessonRunner::statusChanged, this,
        [this](int step, LessonStepStatus status) {
            if (status == LessonStepStatus::Running || status == LessonStepStatus::WaitingForUser)
                showSocketOf(step);
            // Also when the lesson makes a student's call itself (Space, Do it for me):
            // the box shows what went out.
            if (status == LessonStepStatus::WaitingForUser || status == LessonStepStatus::Running)
                offerData(step);
        });
    connect(m_parts.runner, &LessonRunner::stepChanged, this, [this] { m_offeredStep = -1; });
    connect(m_parts.runner, &LessonRunner::browseRequested, this,
            [](const QUrl &url) { QDesktopServices::openUrl(url); });
}

void LessonController::offerData(int step)
{
    // A send the student is to make: the pane's message box holds the bytes the step sends,
    // once, when the turn begins (what the student then types is theirs).
    const LessonAction &action = m_parts.runner->lesson().steps.value(step).action;
    if (action.kind != LessonAction::Kind::Call || !action.byUser || action.data.isEmpty() ||
        (action.call != SocketCall::Send && action.call != SocketCall::SendAll) ||
        step == m_offeredStep)
        return;
    m_offeredStep = step;
    ConnectionControls *controls = socketRoleOf(action.target) == SocketRole::Client
                                       ? m_parts.client->connectionControls()
                                       : m_parts.server->connectionControls();
    controls->editor()->setText(EscapeCodec::toText(action.data));
}

void LessonController::showSocketOf(int step)
{
    const LessonAction &action = m_parts.runner->lesson().steps.value(step).action;
    const QString id = m_parts.runner->socketIdFor(action.target);
    if (action.kind != LessonAction::Kind::Call || id.isEmpty() || !m_parts.session->contains(id))
        return;
    switch (m_parts.session->socket(id).role) {
    case SocketRole::Server:
        m_parts.server->adoptListener(id);
        break;
    case SocketRole::Connection:
        m_parts.server->selectConnection(id);
        break;
    case SocketRole::Client:
        m_parts.client->adopt(id);
        break;
    }
}

int LessonController::settlePort(const QString &host, int port, bool ask)
{
    // One of this session's sockets (free play before the lesson) on the port?
    QString holder;
    for (const QString &id : m_parts.session->socketIds()) {
        const SocketInfo info = m_parts.session->socket(id);
        if (info.local.isValid() && info.local.port() == port && info.fd >= 0 &&
            info.state != SocketState::Closed && info.role != SocketRole::Client)
            holder = id;
    }
    // Or another program (or the kernel's memory of one). Only the tables: finding the
    // program would scan every process on the UI thread.
    const QVector<PortOwners::Entry> users =
        holder.isEmpty() ? PortOwners::of(quint16(port), false) : QVector<PortOwners::Entry>();
    if (holder.isEmpty() && users.isEmpty())
        return port;
    const int free = PortOwners::firstFreeFrom(quint16(port + 1));
    const QString message =
        holder.isEmpty()
            ? tr("Port %1 is in use (%2): the lesson would fail when it binds %3:%1.\n\nUse "
                 "port %4 instead?")
                  .arg(port)
                  .arg(PortOwners::describe(users.first()), host)
                  .arg(free)
            : tr("%1, made before this lesson, holds port %2, which the lesson binds.\n\nClose "
                 "%1, or let the lesson use port %3?")
                  .arg(holder)
                  .arg(port)
                  .arg(free);
    // With nobody to ask, another program's port gives way; the session's own sockets stay.
    PortChoice choice = holder.isEmpty() ? PortChoice::UseFreePort : PortChoice::Keep;
    if (ask && m_choosePort) {
        choice = m_choosePort(message);
    } else if (ask) {
        QMessageBox box(QMessageBox::Question, tr("The lesson's port is in use"), message,
                        QMessageBox::NoButton, m_parts.window);
        QPushButton *close =
            holder.isEmpty() ? nullptr
                             : box.addButton(tr("Close %1").arg(holder), QMessageBox::AcceptRole);
        QPushButton *other = box.addButton(tr("Use port %1").arg(free), QMessageBox::AcceptRole);
        box.addButton(tr("Keep port %1").arg(port), QMessageBox::RejectRole);
        box.setDefaultButton(other);
        box.exec();
        choice = box.clickedButton() == other            ? PortChoice::UseFreePort
                 : close && box.clickedButton() == close ? PortChoice::CloseHolder
                                                         : PortChoice::Keep;
    }
    switch (choice) {
    case PortChoice::CloseHolder:
        if (!holder.isEmpty())
            m_parts.session->close(holder);
        return port;
    case PortChoice::UseFreePort:
        m_parts.server->endpoint()->setEndpoint(m_parts.server->endpoint()->host(), free);
        m_parts.client->endpoint()->setEndpoint(m_parts.client->endpoint()->host(), free);
        return free;
    case PortChoice::Keep:
        break;
    }
    return port;
}

void LessonController::buildMenu(QMenu *menu)
{
    // The built-in lessons are read when the menu first opens: reading them all for their
    // titles was the largest part of building the menus, before the window could appear.
    QAction *endOfLessons = menu->addSeparator();
    connect(
        menu, &QMenu::aboutToShow, this,
        [this, menu, endOfLessons] {
            for (const QString &id : LessonLibrary::builtInIds()) {
                const LessonParser::Result r = LessonLibrary::load(id);
                auto *a = new QAction(r.lesson.title, menu);
                connect(a, &QAction::triggered, this, [this, id] {
                    QString error;
                    if (!open(id, &error, true))
                        QMessageBox::warning(m_parts.window, tr("Open lesson"), error);
                });
                a->setObjectName(QStringLiteral("lesson-") + id);
                a->setToolTip(r.lesson.goals.join(QLatin1Char('\n')));
                menu->insertAction(endOfLessons, a);
            }
        },
        Qt::SingleShotConnection);
    QAction *openFile =
        menu->addAction(tr("&Open Lesson File…"), this, &LessonController::chooseFile);
    openFile->setShortcut(QKeySequence::Open);
    menu->addAction(tr("&Close Lesson"), this, &LessonController::close);
    menu->addSeparator();
    menu->addActions(m_parts.panel->navigationActions());
}

void LessonController::chooseFile()
{
    const QString path = QFileDialog::getOpenFileName(
        m_parts.window, tr("Open lesson"), RecentFiles::folder(RecentFiles::Dialog::Lesson),
        tr("Lessons (*.lesson);;All files (*)"));
    if (path.isEmpty())
        return;
    RecentFiles::rememberFolder(RecentFiles::Dialog::Lesson, path);
    QString error;
    if (!open(path, &error, true))
        QMessageBox::warning(m_parts.window, tr("Open lesson"), error);
}

bool LessonController::open(const QString &idOrPath, QString *error, bool ask)
{
    // {host} and {port} are what the server pane is set to, so the lesson and the panes agree.
    LessonParser::Settings fill;
    fill.host = m_parts.server->endpoint()->host().trimmed();
    if (fill.host.isEmpty())
        fill.host = QStringLiteral("127.0.0.1");
    fill.port = settlePort(fill.host, m_parts.server->endpoint()->port(), ask);
    const LessonParser::Result r = LessonLibrary::load(idOrPath, fill);
    if (!r.ok()) {
        *error = r.error;
        return false;
    }
    const bool firstLesson = !m_parts.runner->hasLesson();
    m_parts.runner->setLesson(r.lesson);
    // A title bar does not wrap: a long title is cut, not allowed to widen the window.
    const QString title =
        r.lesson.title.size() > 60 ? r.lesson.title.left(59) + QChar(0x2026) : r.lesson.title;
    m_parts.dock->setWindowTitle(tr("Lesson: %1").arg(title));
    m_parts.stage->setHasLesson(true);
    if (firstLesson) // a column beside the panes, not half the window
        m_parts.window->resizeDocks({m_parts.dock}, {qMax(360, m_parts.window->width() / 4)},
                                    Qt::Horizontal);
    m_parts.showLab();
    QSettings saved;
    WindowSettings::lessonId.write(saved, idOrPath);
    if (idOrPath.endsWith(QLatin1String(".lesson"))) // a file, not a built-in lesson's id
        RecentFiles::add(idOrPath);
    return true;
}

void LessonController::close()
{
    m_parts.runner->setLesson(Lesson());
    m_parts.stage->setHasLesson(false);
    QSettings settings;
    WindowSettings::lessonId.remove(settings);
}

void LessonController::readSettings(QSettings &settings)
{
    m_parts.runner->setPlayDelayMs(WindowSettings::lessonDelayMs.read(settings));
    // Where the user left off: the lesson opens at its title page and offers to go on.
    const QString lesson = WindowSettings::lessonId.read(settings);
    QString error;
    if (!lesson.isEmpty() && open(lesson, &error))
        m_parts.panel->offerResume(WindowSettings::lessonStep.read(settings));
    else if (!lesson.isEmpty()) // gone, changed or refused: not tried again at every start
        WindowSettings::lessonId.remove(settings);
    m_parts.dock->setVisible(m_parts.runner->hasLesson());
}

void LessonController::writeSettings(QSettings &settings) const
{
    WindowSettings::lessonDelayMs.write(settings, m_parts.runner->playDelayMs());
    if (m_parts.runner->hasLesson())
        WindowSettings::lessonStep.write(settings, m_parts.runner->currentStep());
}
