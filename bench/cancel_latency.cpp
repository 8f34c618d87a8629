// SPDX-License-Identifier: MIT
// How long closing takes when a call is blocked, against closing the same socket idle, through
// the same session in the same run: a blocked accept or recv must cost close() nothing
// (docs/architecture.md, "a blocked call can always be cancelled"). Also a whole session
// torn down with blocked calls against one torn down idle. Prints medians and ratios.
//   cancel_latency [ROUNDS]

#include "session/SocketSession.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <memory>
#include <vector>

#include <netinet/in.h>

namespace {
// Makes a call and runs the event loop until the session reports the event wanted.
class Caller
{
public:
    explicit Caller(SocketSession *s) : m_session(s) {}

    SocketEvent waitFor(const QString &id, SocketCall call, CallPhase phase)
    {
        SocketEvent got;
        QEventLoop loop;
        const auto c = QObject::connect(
            m_session, &SocketSession::eventOccurred, &loop, [&](const SocketEvent &e) {
                if (e.socketId == id && e.call == call && e.phase == phase) {
                    got = e;
                    loop.quit();
                }
            });
        QTimer::singleShot(5000, &loop, &QEventLoop::quit);
        loop.exec();
        QObject::disconnect(c);
        return got;
    }

private:
    SocketSession *m_session;
};

// A listener on 127.0.0.1 with a kernel-chosen port; its port in *port.
QString listener(SocketSession &s, Caller &calls, quint16 *port)
{
    QString id;
    s.createSocket(SocketRole::Server, AF_INET, SOCK_STREAM, 0, &id);
    calls.waitFor(id, SocketCall::Socket, CallPhase::Returned);
    s.bind(id, QStringLiteral("127.0.0.1"), 0);
    const SocketEvent bound = calls.waitFor(id, SocketCall::Bind, CallPhase::Returned);
    *port = SocketAddress::fromVariant(bound.result.toMap()).port();
    s.listen(id, 4);
    calls.waitFor(id, SocketCall::Listen, CallPhase::Returned);
    return id;
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v.at(v.size() / 2);
}

// Microseconds from close() to the close's returned event, with accept blocked or not.
double closeListener(SocketSession &s, Caller &calls, bool blocked)
{
    quint16 port = 0;
    const QString id = listener(s, calls, &port);
    if (blocked) {
        s.accept(id);
        calls.waitFor(id, SocketCall::Accept, CallPhase::Blocked);
    }
    QElapsedTimer t;
    t.start();
    s.close(id);
    calls.waitFor(id, SocketCall::Close, CallPhase::Returned);
    return double(t.nsecsElapsed()) / 1000.0;
}

// Microseconds to destroy a session holding a listener and a connected pair, with accept
// and both recvs blocked or not.
double teardown(bool blocked)
{
    auto s = std::make_unique<SocketSession>();
    Caller calls(s.get());
    quint16 port = 0;
    const QString server = listener(*s, calls, &port);
    QString client;
    s->createSocket(SocketRole::Client, AF_INET, SOCK_STREAM, 0, &client);
    calls.waitFor(client, SocketCall::Socket, CallPhase::Returned);
    s->connectTo(client, QStringLiteral("127.0.0.1"), port);
    calls.waitFor(client, SocketCall::Connect, CallPhase::Returned);
    s->accept(server);
    const SocketEvent accepted = calls.waitFor(server, SocketCall::Accept, CallPhase::Returned);
    const QString conn = accepted.result.toMap().value(QStringLiteral("socket")).toString();
    if (blocked) {
        s->accept(server);
        s->recv(conn, 100);
        s->recv(client, 100);
        calls.waitFor(client, SocketCall::Recv, CallPhase::Blocked);
    }
    QElapsedTimer t;
    t.start();
    s.reset();
    return double(t.nsecsElapsed()) / 1000.0;
}
} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const int rounds = argc > 1 ? std::max(3, atoi(argv[1])) : 200;
    std::vector<double> idleClose, blockedClose, idleTeardown, blockedTeardown;
    {
        SocketSession s;
        Caller calls(&s);
        // Taking turns, so a slow spell of the machine hits both kinds.
        for (int i = 0; i < rounds; ++i) {
            idleClose.push_back(closeListener(s, calls, false));
            blockedClose.push_back(closeListener(s, calls, true));
        }
    }
    for (int i = 0; i < rounds / 10 + 3; ++i) {
        idleTeardown.push_back(teardown(false));
        blockedTeardown.push_back(teardown(true));
    }
    const double ic = median(idleClose), bc = median(blockedClose);
    const double it = median(idleTeardown), bt = median(blockedTeardown);
    std::printf("close(), median of %d: idle %.0f us, accept blocked %.0f us, ratio %.2f\n", rounds,
                ic, bc, ic > 0 ? bc / ic : 0);
    std::printf("session torn down, median of %zu: idle %.0f us, three calls blocked %.0f us, "
                "ratio %.2f\n",
                idleTeardown.size(), it, bt, it > 0 ? bt / it : 0);
    return 0;
}
