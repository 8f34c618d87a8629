// SPDX-License-Identifier: MIT
#include "check/EchoCheck.h"

#include "session/CallSequence.h"
#include "session/SocketSession.h"

#include <cerrno>
#include <sys/socket.h>

namespace {
constexpr int bufsize = 4096;

// Longer than every buffer a student's recv() is likely to ask for (16, 1024, 4096), so a
// server that echoes one recv() and stops is caught.
QByteArray longMessage()
{
    QByteArray text;
    for (int i = 0; text.size() < 4100; ++i)
        text += QByteArray::number(i) + ' ';
    return text.left(4100);
}

// A recv that failed ends the test (stepFailed says why); one on its way goes on.
CallSequence::Outcome whileNotReturned(const SocketEvent &e)
{
    return e.phase == CallPhase::Failed ? CallSequence::Outcome::Stop
                                        : CallSequence::Outcome::Pending;
}

QString seconds(int ms)
{
    return QString::number(ms / 1000.0, 'g', 3);
}
} // namespace

QStringList EchoCheck::testNames()
{
    return {tr("one message"), tr("a long message"), tr("several messages on one connection"),
            tr("a client that closes"), tr("two clients")};
}

EchoCheck::EchoCheck(SocketSession *session, const HostPortText::Parts &server, int timeoutMs,
                     QObject *parent)
    : QObject(parent), m_session(session), m_server(server), m_timeoutMs(timeoutMs)
{
    m_silence.setSingleShot(true);
    connect(&m_silence, &QTimer::timeout, this, [this] { fail(m_ifTooLong); });
}

EchoCheck::~EchoCheck() = default;

void EchoCheck::start()
{
    m_results.clear();
    m_cancelled = false;
    runTest(0);
}

void EchoCheck::cancel()
{
    m_cancelled = true;
}

void EchoCheck::runTest(int index)
{
    m_test = index;
    const QStringList names = testNames();
    if (index >= names.size() || m_cancelled) {
        bool all = !m_results.isEmpty();
        for (const Result &r : std::as_const(m_results))
            all = all && r.passed;
        emit finished(all && m_results.size() == names.size());
        return;
    }
    m_clients.clear();
    m_calls = std::make_unique<CallSequence>(m_session);
    connect(m_calls.get(), &CallSequence::stepFailed, this, [this](const SocketEvent &e) {
        QString why = tr("%1() failed: %2").arg(socketCallName(e.call), e.error.pythonException());
        if (e.error.code() == ECONNRESET)
            why = tr("%1, after %2 of %3 bytes came back: the server closed the connection "
                     "without reading all that was sent, so its kernel sent RST")
                      .arg(why)
                      .arg(m_got.size())
                      .arg(m_want.size());
        fail(why);
    });
    connect(m_calls.get(), &CallSequence::refused, this,
            [this](const QString &reason) { fail(reason); });
    connect(m_calls.get(), &CallSequence::finished, this, [this] {
        if (m_test >= 0)
            endTest(true, QString());
    });
    emit testStarted(names.at(index));
    switch (index) {
    case 0:
        open(0);
        exchange(0, QByteArrayLiteral("Hey, can you hear me?"));
        close(0);
        break;
    case 1:
        open(0);
        exchange(0, longMessage());
        close(0);
        break;
    case 2:
        open(0);
        for (const QByteArray &m : {QByteArrayLiteral("first"), QByteArrayLiteral("second"),
                                    QByteArrayLiteral("and a third, longer than sixteen bytes")})
            exchange(0, m);
        close(0);
        break;
    case 3:
        open(0);
        exchange(0, QByteArrayLiteral("Goodbye after this"));
        closeAndExpectTheServerToClose(0);
        break;
    case 4:
        // The second connects while the first is still open: a server that serves one client
        // at a time answers it once the first has gone.
        open(0);
        open(1);
        exchange(0, QByteArrayLiteral("from the first client"));
        close(0);
        exchange(1, QByteArrayLiteral("from the second client"));
        close(1);
        break;
    }
    m_calls->start();
}

void EchoCheck::open(int c)
{
    m_calls->append(SocketCall::Socket, [this, c](QString *id) {
        QString made;
        const QString refusal =
            m_session->createSocket(SocketRole::Client, m_server.family, SOCK_STREAM, 0, &made);
        m_clients.insert(c, made);
        *id = made;
        return refusal;
    });
    m_calls->append(SocketCall::Connect, [this, c](QString *id) {
        *id = m_clients.value(c);
        expectWithin(tr("connect() got no answer for %1 s").arg(seconds(m_timeoutMs)));
        return m_session->connectTo(*id, m_server.host, m_server.port);
    });
}

void EchoCheck::exchange(int c, const QByteArray &message)
{
    m_calls->append(SocketCall::SendAll, [this, c, message](QString *id) {
        *id = m_clients.value(c);
        m_want = message;
        m_got.clear();
        expectWithin(tr("sendall() of %1 bytes did not finish in %2 s: the server reads "
                        "nothing")
                         .arg(message.size())
                         .arg(seconds(m_timeoutMs)));
        return m_session->sendAll(*id, message);
    });
    m_calls->append(
        SocketCall::Recv,
        [this, c](QString *id) {
            *id = m_clients.value(c);
            expectWithin(tr("expected %1 bytes back, got %2 and then nothing for %3 s")
                             .arg(m_want.size())
                             .arg(m_got.size())
                             .arg(seconds(m_timeoutMs)));
            return m_session->recv(*id, bufsize);
        },
        [this](const SocketEvent &e) {
            if (e.phase != CallPhase::Returned)
                return whileNotReturned(e);
            if (e.byteCount == 0) {
                fail(tr("expected %1 bytes back, got %2 and then the server closed the "
                        "connection")
                         .arg(m_want.size())
                         .arg(m_got.size()));
                return CallSequence::Outcome::Pending; // fail() has ended the test
            }
            m_got += e.data;
            if (m_got.size() < m_want.size())
                return CallSequence::Outcome::Again;
            if (m_got != m_want) {
                qsizetype at = 0;
                while (at < m_want.size() && m_got.at(at) == m_want.at(at))
                    ++at;
                fail(m_got.size() > m_want.size() && at == m_want.size()
                         ? tr("expected %1 bytes back, got %2: more than was sent")
                               .arg(m_want.size())
                               .arg(m_got.size())
                         : tr("expected %1 bytes back, got %2 that differ from byte %3 on")
                               .arg(m_want.size())
                               .arg(m_got.size())
                               .arg(at));
                return CallSequence::Outcome::Pending;
            }
            return CallSequence::Outcome::Next;
        });
}

void EchoCheck::closeAndExpectTheServerToClose(int c)
{
    m_calls->append(SocketCall::Shutdown, [this, c](QString *id) {
        *id = m_clients.value(c);
        return m_session->shutdown(*id, SHUT_WR);
    });
    m_calls->append(
        SocketCall::Recv,
        [this, c](QString *id) {
            *id = m_clients.value(c);
            expectWithin(tr("the client closed its side, but the server did not close its end: "
                            "recv() got nothing for %1 s (the server's socket stays in "
                            "CLOSE_WAIT; call close() when recv() returns b'')")
                             .arg(seconds(m_timeoutMs)));
            return m_session->recv(*id, bufsize);
        },
        [this](const SocketEvent &e) {
            if (e.phase != CallPhase::Returned)
                return whileNotReturned(e);
            if (e.byteCount > 0) {
                fail(tr("the server sent %1 more bytes after the client closed its side")
                         .arg(e.byteCount));
                return CallSequence::Outcome::Pending;
            }
            return CallSequence::Outcome::Next;
        });
    close(c);
}

void EchoCheck::close(int c)
{
    m_calls->append(SocketCall::Close, [this, c](QString *id) {
        *id = m_clients.value(c);
        m_silence.stop();
        return m_session->close(*id);
    });
}

void EchoCheck::expectWithin(const QString &ifTooLong)
{
    m_ifTooLong = ifTooLong;
    m_silence.start(m_timeoutMs);
}

void EchoCheck::fail(const QString &why)
{
    if (m_test < 0)
        return;
    // The test's sockets go: a recv still waiting ends with its close.
    m_calls->cancel();
    for (const QString &id : std::as_const(m_clients)) {
        const SocketInfo s = m_session->socket(id);
        if (m_session->contains(id) && s.state != SocketState::Closed)
            m_session->close(id);
    }
    endTest(false, why);
}

void EchoCheck::endTest(bool passed, const QString &why)
{
    m_silence.stop();
    const int test = m_test;
    m_test = -1;
    const Result result{testNames().at(test), passed, why};
    m_results << result;
    emit testEnded(result);
    // The next test from the event loop: this one's sequence may be the caller.
    QTimer::singleShot(0, this, [this, test] { runTest(test + 1); });
}
