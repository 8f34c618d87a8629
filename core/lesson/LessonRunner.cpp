#include "lesson/LessonRunner.h"

#include "calls/CallRules.h"
#include "lesson/LessonLookup.h"
#include "lesson/LessonReach.h"
#include "lookup/BackgroundLookup.h"
#include "session/AutoServer.h"
#include "session/CallSequence.h"
#include "session/SocketSession.h"

namespace {
// How long a step that needs a conn socket waits for accept() to return one.
constexpr int deferLimitMs = 10000;
} // namespace

LessonRunner::LessonRunner(SocketSession *session, QObject *parent)
    : QObject(parent), m_session(session), m_lookups(std::make_unique<BackgroundLookup>())
{
    qRegisterMetaType<LessonRunner::StepStatus>();
    connect(session, &SocketSession::eventOccurred, this, &LessonRunner::onEvent);
    m_playTimer.setSingleShot(true);
    connect(&m_playTimer, &QTimer::timeout, this, [this] {
        if (m_playing)
            next();
    });
    m_deferTimeout.setSingleShot(true);
    connect(&m_deferTimeout, &QTimer::timeout, this, [this] {
        if (!m_deferred)
            return;
        m_deferred = false;
        setStatus(m_callStep, StepStatus::Failed,
                  tr("still waiting after %1 s (%2); did the other side act?")
                      .arg(deferLimitMs / 1000)
                      .arg(m_detail.value(m_callStep)));
        stepEnded(m_callStep);
    });
}

LessonRunner::~LessonRunner()
{
    m_lookups->cancel();
}

QString LessonRunner::statusName(StepStatus status)
{
    switch (status) {
    case StepStatus::NotRun:
        return tr("not run");
    case StepStatus::Running:
        return tr("running");
    case StepStatus::WaitingForUser:
        return tr("your turn");
    case StepStatus::Done:
        return tr("done");
    case StepStatus::Failed:
        return tr("failed");
    case StepStatus::Skipped:
        return tr("skipped");
    }
    return QString();
}

void LessonRunner::setLesson(const Lesson &lesson)
{
    closeLessonSockets();
    pause();
    m_lesson = lesson;
    m_current = -1;
    m_reached = -1;
    m_status.clear();
    m_detail.clear();
    emit stepChanged(m_current);
}

void LessonRunner::setPlayDelayMs(int ms)
{
    m_playDelayMs = qBound(0, ms, 60000);
}

bool LessonRunner::isBusy() const
{
    const StepStatus s = status(m_reached);
    return m_reached >= 0 && (s == StepStatus::Running || s == StepStatus::WaitingForUser);
}

void LessonRunner::next()
{
    if (!hasLesson() || m_current >= stepCount())
        return;
    if (m_current == m_reached && status(m_reached) == StepStatus::WaitingForUser) {
        doItForMe();
        return;
    }
    if (m_current == m_reached && status(m_reached) == StepStatus::Running) {
        m_nextWhenDone = true;
        return;
    }
    ++m_current;
    emit stepChanged(m_current);
    if (m_current == stepCount()) {
        bool ok = true;
        for (int i = 0; i < stepCount(); ++i)
            ok = ok && status(i) != StepStatus::Failed;
        if (m_playing) {
            m_playing = false;
            emit playingChanged(false);
        }
        emit finished(ok);
        return;
    }
    if (m_current > m_reached) {
        m_reached = m_current;
        perform(m_current, m_actsForUser || m_stopAt >= m_current);
    } else if (m_stopAt == m_current) {
        pause();
    } else if (m_playing) {
        m_playTimer.start(m_stopAt > m_current ? 0 : m_playDelayMs);
    }
}

void LessonRunner::previous()
{
    if (m_current < 0)
        return;
    pause();
    --m_current;
    emit stepChanged(m_current);
}

void LessonRunner::play()
{
    if (!hasLesson() || m_playing || m_current >= stepCount())
        return;
    m_playing = true;
    emit playingChanged(true);
    if (!isBusy())
        m_playTimer.start(m_current < 0 ? 0 : m_playDelayMs);
}

void LessonRunner::pause()
{
    m_playTimer.stop();
    m_stopAt = -2;
    if (!m_playing)
        return;
    m_playing = false;
    emit playingChanged(false);
}

void LessonRunner::runTo(int step)
{
    if (step <= m_current)
        return;
    m_stopAt = qMin(step, stepCount());
    if (m_playing) {
        if (!isBusy())
            m_playTimer.start(0);
        return;
    }
    m_playing = true;
    emit playingChanged(true);
    if (!isBusy())
        m_playTimer.start(0);
}

void LessonRunner::restart()
{
    const Lesson lesson = m_lesson;
    setLesson(lesson);
}

void LessonRunner::doItForMe()
{
    if (m_reached < 0 || status(m_reached) != StepStatus::WaitingForUser)
        return;
    perform(m_reached, true);
}

void LessonRunner::perform(int step, bool asUser)
{
    const LessonStep &s = m_lesson.steps.at(step);
    const LessonAction &a = s.action;
    m_nextWhenDone = false;
    switch (a.kind) {
    case LessonAction::Kind::None:
        setStatus(step, StepStatus::Done, QString());
        stepEnded(step);
        return;
    case LessonAction::Kind::Call:
        if (a.byUser && !asUser) {
            setStatus(step, StepStatus::WaitingForUser, tr("your turn: %1").arg(a.python()));
            return;
        }
        performCall(step, a);
        return;
    case LessonAction::Kind::Serve:
        performServe(step, a);
        return;
    case LessonAction::Kind::Lookup:
        performLookup(step, a);
        return;
    case LessonAction::Kind::Browse:
        performBrowse(step, a, asUser);
        return;
    }
}

void LessonRunner::performCall(int step, const LessonAction &a)
{
    m_callStep = step;
    m_call = a.call;
    m_callProgress = LessonOutcome::Progress();
    setStatus(step, StepStatus::Running, a.python());

    QString id;
    QString refusal;
    if (a.call == SocketCall::Socket) {
        refusal = m_session->createSocket(socketRoleOf(a.target), a.family, a.type, 0, &id);
        nameSocket(a.target, id, socketRoleOf(a.target));
    } else {
        id = m_names.value(a.target);
        if (id.isEmpty() && socketRoleOf(a.target) == SocketRole::Connection) {
            // accept() may still be on its way back; try again at every event.
            defer(step, tr("waiting for accept() to return the %1 socket").arg(a.target));
            return;
        }
        const SocketInfo info = m_session->socket(id);
        if (!CallRules::whyImpossible(info, a.call).isEmpty()) {
            defer(step, tr("waiting for %1() on %2 to return")
                            .arg(socketCallName(info.callInProgress != SocketCall::None
                                                    ? info.callInProgress
                                                    : info.duplexCall),
                                 a.target));
            return;
        }
        if (id.isEmpty()) {
            setStatus(step, StepStatus::Failed,
                      tr("there is no socket named %1 yet; an earlier step creates it with "
                         "socket()")
                          .arg(a.target));
            stepEnded(step);
            return;
        }
        if ((a.call == SocketCall::Connect || a.call == SocketCall::SendTo) && !m_anyAddress) {
            QList<SocketAddress> own;
            for (const QString &ownId : std::as_const(m_names))
                own << m_session->socket(ownId).local;
            const QString why = LessonReach::whyRefused(a.host, a.port, m_lesson.chosenHost,
                                                        m_lesson.chosenPort, own);
            if (!why.isEmpty() && !(m_askReach && m_askReach(why))) {
                m_call = SocketCall::None;
                setStatus(step, StepStatus::Failed, why);
                stepEnded(step);
                return;
            }
        }
        CallRequest r = CallRequest::on(a.call, id);
        r.optionName = a.option;
        r.optionValue = a.number;
        r.host = a.host;
        r.port = a.port;
        r.backlog = a.number;
        r.bufsize = a.number;
        r.how = a.number;
        r.data = a.data;
        refusal = m_session->request(r);
    }
    m_callSocket = id;
    if (!refusal.isEmpty()) {
        m_call = SocketCall::None;
        setStatus(step, StepStatus::Failed, refusal);
        stepEnded(step);
    }
}

void LessonRunner::setReachPolicy(bool anyAddress, std::function<bool(const QString &why)> ask)
{
    m_anyAddress = anyAddress;
    m_askReach = std::move(ask);
}

void LessonRunner::defer(int step, const QString &why)
{
    m_deferred = true;
    if (!m_deferTimeout.isActive())
        m_deferTimeout.start(deferLimitMs);
    setStatus(step, StepStatus::Running, why);
}

void LessonRunner::retryDeferred()
{
    const LessonAction &a = m_lesson.steps.at(m_callStep).action;
    const QString id = m_names.value(a.target);
    if (id.isEmpty() || !CallRules::whyImpossible(m_session->socket(id), a.call).isEmpty())
        return;
    m_deferred = false;
    m_deferTimeout.stop();
    performCall(m_callStep, a);
}

void LessonRunner::performServe(int step, const LessonAction &a)
{
    const QString id = m_names.value(a.target);
    auto *server = new AutoServer(m_session, this);
    const QString problem = id.isEmpty()
                                ? tr("%1 must be listening before it can serve").arg(a.target)
                                : server->serve(id, a.mode);
    if (!problem.isEmpty()) {
        delete server;
        setStatus(step, StepStatus::Failed, problem);
        stepEnded(step);
        return;
    }
    m_servers << server;
    setStatus(step, StepStatus::Done,
              tr("%1 now accepts every client and serves it (%2 mode)")
                  .arg(a.target, serverModeName(a.mode)));
    stepEnded(step);
}

void LessonRunner::performLookup(int step, const LessonAction &a)
{
    setStatus(step, StepStatus::Running, a.python());
    const QString lookup = a.lookup;
    const QStringList args = a.args;
    const QString python = a.python();
    m_lookups->run<LessonLookup::Answer>(
        [lookup, args] { return LessonLookup::run(lookup, args); },
        [this, step, python](const LessonLookup::Answer &answer) {
            emit output(step, QStringLiteral(">>> %1\n%2")
                                  .arg(python, answer.ok() ? answer.output : answer.error));
            setStatus(step, answer.ok() ? StepStatus::Done : StepStatus::Failed,
                      answer.ok() ? QString() : answer.error);
            stepEnded(step);
        });
}

void LessonRunner::performBrowse(int step, const LessonAction &a, bool asUser)
{
    const QString serverId = m_names.value(QStringLiteral("server"));
    const SocketInfo server = m_session->socket(serverId);
    if (serverId.isEmpty() || server.state != SocketState::Listening) {
        setStatus(step, StepStatus::Failed, tr("the lesson's server is not listening yet"));
        stepEnded(step);
        return;
    }
    QString host = server.local.host();
    if (host == QLatin1String("0.0.0.0"))
        host = QStringLiteral("127.0.0.1");
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(host);
    url.setPort(server.local.port());
    url.setPath(a.path);
    if (!asUser) {
        emit browseRequested(url);
        emit output(step, tr("Opened %1 in your browser.").arg(url.toString()));
        setStatus(step, StepStatus::Done, url.toString());
        stepEnded(step);
        return;
    }
    // No browser here: send what a browser sends, from a socket the log shows as a client.
    const QByteArray request = QStringLiteral("GET %1 HTTP/1.1\r\nHost: %2:%3\r\nUser-Agent: "
                                              "SocketLab lesson (standing in for a browser)\r\n"
                                              "Accept: text/html\r\nConnection: close\r\n\r\n")
                                   .arg(a.path, host)
                                   .arg(url.port())
                                   .toUtf8();
    setStatus(step, StepStatus::Running, url.toString());
    m_browser = std::make_unique<CallSequence>(m_session);
    const int family = host.contains(QLatin1Char(':')) ? AF_INET6 : AF_INET;
    m_browser->append(SocketCall::Socket, [this, family](QString *id) {
        const QString refusal =
            m_session->createSocket(SocketRole::Client, family, SOCK_STREAM, 0, &m_browserSocket);
        *id = m_browserSocket;
        return refusal;
    });
    m_browser->append(SocketCall::Connect, [this, host, url](QString *id) {
        *id = m_browserSocket;
        return m_session->connectTo(m_browserSocket, host, url.port());
    });
    m_browser->append(SocketCall::SendAll, [this, request](QString *id) {
        *id = m_browserSocket;
        return m_session->sendAll(m_browserSocket, request);
    });
    const auto receive = [this](QString *id) {
        *id = m_browserSocket;
        return m_session->recv(m_browserSocket, 4096);
    };
    m_browser->append(SocketCall::Recv, receive);
    connect(m_browser.get(), &CallSequence::stepReturned, this,
            [this, step, url, receive](const SocketEvent &e) {
                if (e.call == SocketCall::SendAll) {
                    emit output(step, tr("A browser's request went to %1.").arg(url.toString()));
                    setStatus(step, StepStatus::Done, url.toString());
                    stepEnded(step);
                } else if (e.call == SocketCall::Recv && e.byteCount > 0) {
                    m_browser->append(SocketCall::Recv, receive);
                } else if (e.call == SocketCall::Recv) {
                    m_session->close(m_browserSocket);
                }
            });
    const auto failed = [this, step](const QString &why) {
        if (status(step) == StepStatus::Running) {
            setStatus(step, StepStatus::Failed, why);
            stepEnded(step);
        }
    };
    connect(m_browser.get(), &CallSequence::stepFailed, this, [failed](const SocketEvent &e) {
        failed(QStringLiteral("%1: %2").arg(e.error.name(), e.error.message()));
    });
    connect(m_browser.get(), &CallSequence::refused, this, failed);
    m_browser->start();
}

void LessonRunner::setStatus(int step, StepStatus status, const QString &detail)
{
    m_status[step] = status;
    m_detail[step] = detail;
    emit statusChanged(step, status, detail);
}

void LessonRunner::stepEnded(int step)
{
    if (step != m_reached)
        return;
    if (status(step) == StepStatus::Failed) {
        pause();
        m_nextWhenDone = false;
        return;
    }
    if (m_stopAt == step) {
        pause();
        return;
    }
    if (m_nextWhenDone) {
        m_nextWhenDone = false;
        QTimer::singleShot(0, this, &LessonRunner::next);
    } else if (m_playing) {
        // runTo() goes to its step without the pauses meant for a class.
        m_playTimer.start(m_stopAt > step ? 0 : m_playDelayMs);
    }
}

void LessonRunner::nameSocket(const QString &name, const QString &socketId, SocketRole role)
{
    m_names.insert(name, socketId);
    emit socketNamed(name, socketId, role);
}

void LessonRunner::onEvent(const SocketEvent &event)
{
    // Whoever accepted (a step, the student, an automatic server), the lesson's next
    // conn name stands for the new socket.
    if (event.call == SocketCall::Accept && event.phase == CallPhase::Returned &&
        socketRoleOf(m_names.key(event.socketId)) == SocketRole::Server) {
        const QString id = event.result.toMap().value(QStringLiteral("socket")).toString();
        QString name = QStringLiteral("conn");
        for (int n = 2; m_names.contains(name); ++n)
            name = QStringLiteral("conn%1").arg(n);
        nameSocket(name, id, SocketRole::Connection);
    }
    if (m_deferred)
        retryDeferred();
    if (m_reached >= 0 && status(m_reached) == StepStatus::WaitingForUser)
        onUserEvent(event);
    else if (m_call != SocketCall::None && event.socketId == m_callSocket && event.call == m_call)
        onCallEvent(event);
}

void LessonRunner::onUserEvent(const SocketEvent &event)
{
    const LessonAction &a = m_lesson.steps.at(m_reached).action;
    if (event.call != a.call || event.role != socketRoleOf(a.target))
        return;
    if (event.phase != CallPhase::Returned && event.phase != CallPhase::Blocked &&
        event.phase != CallPhase::Failed)
        return;
    const QString named = m_names.value(a.target);
    if (a.call == SocketCall::Socket) {
        if (event.phase != CallPhase::Returned)
            return;
        nameSocket(a.target, event.socketId, socketRoleOf(a.target));
    } else if (!named.isEmpty() && named != event.socketId) {
        return;
    } else if (named.isEmpty()) {
        nameSocket(a.target, event.socketId, socketRoleOf(a.target));
    }
    if (event.phase == CallPhase::Failed && event.error.name() != a.expectedError) {
        setStatus(m_reached, StepStatus::WaitingForUser,
                  tr("that failed (%1); try again").arg(event.error.name()));
        return;
    }
    setStatus(m_reached, StepStatus::Done, tr("you did it"));
    stepEnded(m_reached);
}

void LessonRunner::onCallEvent(const SocketEvent &event)
{
    const int step = m_callStep;
    const LessonAction &a = m_lesson.steps.at(step).action;
    const LessonOutcome::Result r = LessonOutcome::ofCallEvent(a, event, &m_callProgress);
    if (r.callEnded)
        m_call = SocketCall::None;
    if (r.verdict == LessonOutcome::Verdict::RecvAgain) {
        m_session->recv(m_callSocket, a.number);
        return;
    }
    // A step already over (it moved on while its call blocked) takes no second verdict.
    if (r.verdict == LessonOutcome::Verdict::Pending || status(step) != StepStatus::Running)
        return;
    setStatus(step,
              r.verdict == LessonOutcome::Verdict::Done ? StepStatus::Done : StepStatus::Failed,
              r.detail);
    stepEnded(step);
}

void LessonRunner::closeLessonSockets()
{
    m_playTimer.stop();
    m_deferTimeout.stop();
    m_deferred = false;
    m_call = SocketCall::None;
    m_lookups->cancel();
    qDeleteAll(m_servers);
    m_servers.clear();
    m_browser.reset();
    QStringList ids = m_names.values();
    if (!m_browserSocket.isEmpty())
        ids << m_browserSocket;
    for (const QString &id : m_session->socketIds()) {
        if (ids.contains(m_session->socket(id).parentId))
            ids << id;
    }
    for (const QString &id : ids) {
        if (m_session->contains(id) && m_session->socket(id).state != SocketState::Closed)
            m_session->close(id);
    }
    m_names.clear();
    m_browserSocket.clear();
}
