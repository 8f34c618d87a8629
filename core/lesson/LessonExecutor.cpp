// SPDX-License-Identifier: MIT
#include "lesson/LessonExecutor.h"

#include "calls/CallRules.h"
#include "lesson/LessonLookup.h"
#include "lesson/LessonReach.h"
#include "lookup/BackgroundLookup.h"
#include "present/BytesFormat.h"
#include "present/EscapeCodec.h"
#include "session/AutoServer.h"
#include "session/CallSequence.h"
#include "session/SocketSession.h"

LessonExecutor::LessonExecutor(SocketSession *session, QObject *parent)
    : QObject(parent), m_session(session), m_lookups(std::make_unique<BackgroundLookup>()),
      m_browserWait(new QTimer(this))
{
    m_browserWait->setSingleShot(true);
    m_browserWait->setInterval(browserPatienceMs);
    connect(m_browserWait, &QTimer::timeout, this, [this] {
        if (m_browseStep >= 0 && status(m_browseStep) == LessonStepStatus::Running)
            setStatus(m_browseStep, LessonStepStatus::Running,
                      tr("no browser has connected yet: open %1 in a web browser by hand")
                          .arg(m_detail.value(m_browseStep)));
    });
    connect(session, &SocketSession::eventOccurred, this, &LessonExecutor::onEvent);
    // Made after the connection above, so an accept() names its conn socket before a step
    // waiting for that name asks again.
    m_calls = std::make_unique<CallSequence>(session);
    connect(m_calls.get(), &CallSequence::waiting, this,
            [this](const QString &why) { setStatus(m_callStep, LessonStepStatus::Running, why); });
    connect(m_calls.get(), &CallSequence::refused, this,
            [this](const QString &why) { end(m_callStep, LessonStepStatus::Failed, why); });
}

LessonExecutor::~LessonExecutor()
{
    m_lookups->cancel();
}

void LessonExecutor::setLesson(const Lesson &lesson)
{
    closeLessonSockets();
    m_lesson = lesson;
    m_status.clear();
    m_detail.clear();
    m_userStep = -1;
}

void LessonExecutor::setReachPolicy(bool anyAddress, std::function<bool(const QString &why)> ask)
{
    m_anyAddress = anyAddress;
    m_askReach = std::move(ask);
}

void LessonExecutor::perform(int step, bool asUser)
{
    const LessonAction &a = m_lesson.steps.at(step).action;
    switch (a.kind) {
    case LessonAction::Kind::None:
        end(step, LessonStepStatus::Done, QString());
        return;
    case LessonAction::Kind::Call:
        if (a.byUser && !asUser) {
            m_userStep = step;
            setStatus(step, LessonStepStatus::WaitingForUser, tr("your turn: %1").arg(a.python()));
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

void LessonExecutor::performCall(int step, const LessonAction &a)
{
    m_callStep = step;
    m_callProgress = LessonOutcome::Progress();
    setStatus(step, LessonStepStatus::Running, a.python());
    m_calls->append(
        a.call, [this, a](QString *id) { return issueCall(a, id); },
        [this, step, a](const SocketEvent &event) {
            const LessonOutcome::Result r = LessonOutcome::ofCallEvent(a, event, &m_callProgress);
            switch (r.verdict) {
            case LessonOutcome::Verdict::Pending:
                return CallSequence::Outcome::Pending;
            case LessonOutcome::Verdict::RecvAgain:
                return CallSequence::Outcome::Again;
            case LessonOutcome::Verdict::Done:
                showReceivedText(step, event);
                end(step, LessonStepStatus::Done, r.detail);
                return CallSequence::Outcome::Next;
            case LessonOutcome::Verdict::Failed:
                break;
            }
            end(step, LessonStepStatus::Failed, r.detail);
            return CallSequence::Outcome::Stop;
        },
        [this, a] { return whyNotReady(a); });
    m_calls->start();
}

QString LessonExecutor::whyNotReady(const LessonAction &a) const
{
    if (a.call == SocketCall::Socket)
        return QString();
    const QString id = m_names.value(a.target);
    if (id.isEmpty()) {
        // accept() may still be on its way back with the conn socket.
        return socketRoleOf(a.target) == SocketRole::Connection
                   ? tr("waiting for accept() to return the %1 socket").arg(a.target)
                   : QString();
    }
    const SocketInfo info = m_session->socket(id);
    if (CallRules::whyImpossible(info, a.call).isEmpty())
        return QString();
    return tr("waiting for %1() on %2 to return")
        .arg(socketCallName(info.callInProgress != SocketCall::None ? info.callInProgress
                                                                    : info.duplexCall),
             a.target);
}

QString LessonExecutor::issueCall(const LessonAction &a, QString *socketId)
{
    if (a.call == SocketCall::Socket) {
        const QString refusal =
            m_session->createSocket(socketRoleOf(a.target), a.family, a.type, 0, socketId,
                                    LessonAction::courseName(a.target));
        nameSocket(a.target, *socketId, socketRoleOf(a.target));
        return refusal;
    }
    *socketId = m_names.value(a.target);
    if (socketId->isEmpty())
        return tr("there is no socket named %1 yet; an earlier step creates it with socket()")
            .arg(a.target);
    if ((a.call == SocketCall::Connect || a.call == SocketCall::SendTo) && !m_anyAddress) {
        QList<SocketAddress> own;
        for (const QString &ownId : std::as_const(m_names))
            own << m_session->socket(ownId).local;
        const QString why =
            LessonReach::whyRefused(a.host, a.port, m_lesson.chosenHost, m_lesson.chosenPort, own);
        if (!why.isEmpty() && !(m_askReach && m_askReach(why)))
            return why;
    }
    CallRequest r = CallRequest::on(a.call, *socketId);
    r.optionName = a.option;
    r.optionValue = a.number;
    r.host = a.host;
    r.port = a.port;
    r.backlog = a.number;
    r.bufsize = a.number;
    r.how = a.number;
    r.data = a.data;
    return m_session->request(r);
}

void LessonExecutor::performServe(int step, const LessonAction &a)
{
    const QString id = m_names.value(a.target);
    auto *server = new AutoServer(m_session, this);
    const QString problem = id.isEmpty()
                                ? tr("%1 must be listening before it can serve").arg(a.target)
                                : server->serve(id, a.mode);
    if (!problem.isEmpty()) {
        delete server;
        end(step, LessonStepStatus::Failed, problem);
        return;
    }
    m_servers << server;
    end(step, LessonStepStatus::Done,
        tr("%1 now accepts every client and serves it (%2 mode)")
            .arg(a.target, serverModeName(a.mode)));
}

void LessonExecutor::performLookup(int step, const LessonAction &a)
{
    setStatus(step, LessonStepStatus::Running, a.python());
    const QString lookup = a.lookup;
    const QStringList args = a.args;
    // What the interpreter prints, without the ">>> call" line: every view shows that line
    // with the step already.
    const auto show = [this, step](const LessonLookup::Answer &answer) {
        emit output(step, answer.ok() ? answer.output : answer.error);
        end(step, answer.ok() ? LessonStepStatus::Done : LessonStepStatus::Failed,
            answer.ok() ? QString() : answer.error);
    };
    if (lookup == QLatin1String("defaults")) {
        m_session->askDefaults(this,
                               m_lookups->expect<DefaultSocket>([show](const DefaultSocket &d) {
                                   show(LessonLookup::defaults(d));
                               }));
        return;
    }
    m_lookups->run<LessonLookup::Answer>([lookup, args] { return LessonLookup::run(lookup, args); },
                                         show);
}

void LessonExecutor::performBrowse(int step, const LessonAction &a, bool asUser)
{
    const QString serverId = m_names.value(QStringLiteral("server"));
    const SocketInfo server = m_session->socket(serverId);
    if (serverId.isEmpty() || server.state != SocketState::Listening) {
        end(step, LessonStepStatus::Failed, tr("the lesson's server is not listening yet"));
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
        // Done when the browser is there (the server's accept returns), not when the system
        // was asked: there may be no browser at all.
        m_browseStep = step;
        setStatus(step, LessonStepStatus::Running, url.toString());
        emit output(step, tr("Asked the system to open %1 in a web browser. If none comes up, "
                             "open that address in one by hand.")
                              .arg(url.toString()));
        m_browserWait->start();
        emit browseRequested(url);
        return;
    }
    // No browser here: send what a browser sends, from a socket the log shows as a client.
    const QByteArray request = QStringLiteral("GET %1 HTTP/1.1\r\nHost: %2:%3\r\nUser-Agent: "
                                              "SocketLab lesson (standing in for a browser)\r\n"
                                              "Accept: text/html\r\nConnection: close\r\n\r\n")
                                   .arg(a.path, host)
                                   .arg(url.port())
                                   .toUtf8();
    setStatus(step, LessonStepStatus::Running, url.toString());
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
    // Read the page until the server closes, as a browser does with "Connection: close".
    m_browser->append(
        SocketCall::Recv,
        [this](QString *id) {
            *id = m_browserSocket;
            return m_session->recv(m_browserSocket, 4096);
        },
        [](const SocketEvent &e) {
            if (e.phase == CallPhase::Returned && e.byteCount > 0)
                return CallSequence::Outcome::Again;
            return CallSequence::returns()(e);
        });
    m_browser->append(SocketCall::Close, [this](QString *id) {
        *id = m_browserSocket;
        return m_session->close(m_browserSocket);
    });
    connect(m_browser.get(), &CallSequence::stepEnded, this,
            [this, step, url](const SocketEvent &e) {
                if (e.call == SocketCall::SendAll && e.phase == CallPhase::Returned) {
                    emit output(step, tr("A browser's request went to %1.").arg(url.toString()));
                    end(step, LessonStepStatus::Done, url.toString());
                }
            });
    const auto failed = [this, step](const QString &why) {
        if (status(step) == LessonStepStatus::Running)
            end(step, LessonStepStatus::Failed, why);
    };
    connect(m_browser.get(), &CallSequence::stepFailed, this, [failed](const SocketEvent &e) {
        failed(QStringLiteral("%1: %2").arg(e.error.name(), e.error.message()));
    });
    connect(m_browser.get(), &CallSequence::refused, this, failed);
    m_browser->start();
}

void LessonExecutor::setStatus(int step, LessonStepStatus status, const QString &detail)
{
    m_status[step] = status;
    m_detail[step] = detail;
    emit statusChanged(step, status, detail);
}

void LessonExecutor::end(int step, LessonStepStatus status, const QString &detail)
{
    setStatus(step, status, detail);
    emit stepEnded(step);
}

void LessonExecutor::nameSocket(const QString &name, const QString &socketId, SocketRole role)
{
    m_names.insert(name, socketId);
    // One name everywhere: the log, panes and diagram show the lesson's socket by the
    // variable the lesson's code holds it in.
    m_session->rename(socketId, LessonAction::courseName(name));
    emit socketNamed(name, socketId, role);
}

void LessonExecutor::onEvent(const SocketEvent &event)
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
    if (m_browseStep >= 0 && status(m_browseStep) == LessonStepStatus::Running &&
        event.call == SocketCall::Accept && event.phase == CallPhase::Returned &&
        event.socketId == m_names.value(QStringLiteral("server"))) {
        m_browserWait->stop();
        const SocketAddress from = SocketAddress::fromVariant(
            event.result.toMap().value(QStringLiteral("address")).toMap());
        end(std::exchange(m_browseStep, -1), LessonStepStatus::Done,
            tr("a browser connected from %1").arg(from.display()));
    }
    if (m_userStep >= 0 && status(m_userStep) == LessonStepStatus::WaitingForUser)
        onUserEvent(event);
}

void LessonExecutor::showReceivedText(int step, const SocketEvent &event)
{
    const bool received = event.call == SocketCall::Recv || event.call == SocketCall::RecvFrom;
    if (!received || event.phase != CallPhase::Returned || !event.data.contains('\n'))
        return;
    // Line by line, with each line's own ending shown: an HTTP request's \r\n are the point.
    QStringList lines;
    qsizetype start = 0;
    while (start < event.data.size()) {
        qsizetype end = event.data.indexOf('\n', start);
        end = end < 0 ? event.data.size() : end + 1;
        lines << EscapeCodec::toText(event.data.mid(start, end - start));
        start = end;
    }
    emit output(step, lines.join(QLatin1Char('\n')));
}

void LessonExecutor::onUserEvent(const SocketEvent &event)
{
    const LessonAction &a = m_lesson.steps.at(m_userStep).action;
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
        setStatus(m_userStep, LessonStepStatus::WaitingForUser,
                  tr("that failed (%1); try again").arg(event.error.name()));
        return;
    }
    // Which bytes go out is the point of such a step (an echo sends back exactly what came).
    if ((a.call == SocketCall::Send || a.call == SocketCall::SendAll) && !a.data.isEmpty() &&
        event.phase == CallPhase::Returned && event.data != a.data) {
        setStatus(m_userStep, LessonStepStatus::WaitingForUser,
                  tr("that failed: it sent %1, and this step sends %2; try again")
                      .arg(BytesFormat::pythonLiteral(event.data, 40),
                           BytesFormat::pythonLiteral(a.data, 40)));
        return;
    }
    showReceivedText(m_userStep, event);
    end(m_userStep, LessonStepStatus::Done, tr("you did it"));
}

void LessonExecutor::closeLessonSockets()
{
    m_calls->cancel();
    m_lookups->cancel();
    qDeleteAll(m_servers);
    m_servers.clear();
    m_browser.reset();
    m_browseStep = -1;
    m_browserWait->stop();
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
