// SPDX-License-Identifier: MIT
#pragma once

#include "calls/HostPortText.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QHash>
#include <QObject>
#include <QTimer>

#include <memory>

class CallSequence;
class SocketSession;
struct SocketEvent;

// The course's echo homework tests, built in, run against a server the student runs (watched
// or not) with real client sockets of a session, so each exchange shows in the panes, log and
// diagram: one message; a long one; several on one connection; a client that closes its side
// (the server must close its end); two clients at once. Each waits at most timeoutMs for the
// server to answer, compares what came back with what was sent, and says what went wrong in
// a student's words ("expected 4100 bytes back, got 1024 and then nothing for 2 s").
class EchoCheck : public QObject
{
    Q_OBJECT
public:
    struct Result
    {
        QString test;
        bool passed = false;
        QString why; // what failed; empty when it passed
    };

    static constexpr int defaultTimeoutMs = 2000;
    static QStringList testNames();

    EchoCheck(SocketSession *session, const HostPortText::Parts &server,
              int timeoutMs = defaultTimeoutMs, QObject *parent = nullptr);
    ~EchoCheck() override;

    void start();
    // Stops after the test running now; its sockets are closed.
    void cancel();
    QList<Result> results() const { return m_results; }

signals:
    void testStarted(const QString &test);
    void testEnded(const EchoCheck::Result &result);
    void finished(bool allPassed);

private:
    void runTest(int index);
    // Steps of one test, on client number c of the test (each gets its own socket).
    void open(int c);
    void exchange(int c, const QByteArray &message);
    void closeAndExpectTheServerToClose(int c);
    void close(int c);
    void fail(const QString &why);
    void endTest(bool passed, const QString &why);
    // What waiting too long at the step now issued means, and the wait starting again.
    void expectWithin(const QString &ifTooLong);

    SocketSession *m_session;
    HostPortText::Parts m_server;
    int m_timeoutMs;
    std::unique_ptr<CallSequence> m_calls;
    QTimer m_silence;
    QString m_ifTooLong;
    int m_test = -1;
    bool m_cancelled = false;
    QHash<int, QString> m_clients; // client number → socket id
    QByteArray m_want;             // the echo the running exchange waits for
    QByteArray m_got;
    QList<Result> m_results;
};

Q_DECLARE_METATYPE(EchoCheck::Result)
