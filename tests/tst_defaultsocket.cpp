// SPDX-License-Identifier: MIT
// What socket.socket() gets by default, asked of the session's worker, and a socket as
// Python prints it (checked against python3 where it is installed).

#include "LoopbackSession.h"
#include "present/PythonForm.h"

#include <QProcess>
#include <QRegularExpression>
#include <QTest>

#include <netinet/in.h>

class TestDefaultSocket : public QObject
{
    Q_OBJECT

private slots:
    void defaultSocketComesFromTheWorker();
    void defaultSocketReadsAsPythonPrintsIt();
    void defaultsForAGoneReceiverNeverArrive();
    void reprOfASessionSocketNamesBothEnds();
};

namespace {
DefaultSocket askDefaults(SocketSession &session)
{
    DefaultSocket answer;
    bool arrived = false;
    QObject receiver;
    session.askDefaults(&receiver, [&](const DefaultSocket &d) {
        QCOMPARE(QThread::currentThread(), qApp->thread());
        answer = d;
        arrived = true;
    });
    if (!QTest::qWaitFor([&] { return arrived; }, 5000))
        qWarning("the worker did not answer");
    return answer;
}
} // namespace

void TestDefaultSocket::defaultSocketComesFromTheWorker()
{
    SocketSession session;
    const DefaultSocket d = askDefaults(session);
    QVERIFY(!d.error.isError());
    QCOMPARE(d.socket.family, int(AF_INET));
    QCOMPARE(d.socket.type, int(SOCK_STREAM));
    QCOMPARE(d.socket.protocol, 0);
    QCOMPARE(d.kernelProtocol, int(IPPROTO_TCP));
    QVERIFY(d.socket.fd >= 0);
    // The worker's own socket, closed again: nothing in the session's table.
    QVERIFY(session.socketIds().isEmpty());
}

void TestDefaultSocket::defaultSocketReadsAsPythonPrintsIt()
{
    QProcess python;
    python.start(QStringLiteral("python3"),
                 {QStringLiteral("-c"), QStringLiteral("import socket; print(socket.socket())")});
    if (!python.waitForFinished(10000) || python.exitCode() != 0)
        QSKIP("python3 is not installed");
    const QRegularExpression fd(QStringLiteral("fd=\\d+"));
    QString printed = QString::fromUtf8(python.readAllStandardOutput()).trimmed();
    printed.replace(fd, QStringLiteral("fd=N"));

    SocketSession session;
    QString ours = PythonForm::repr(askDefaults(session).socket);
    QVERIFY(ours.contains(fd));
    ours.replace(fd, QStringLiteral("fd=N"));
    QCOMPARE(ours, printed);
}

void TestDefaultSocket::defaultsForAGoneReceiverNeverArrive()
{
    SocketSession session;
    bool goneArrived = false;
    auto *gone = new QObject;
    session.askDefaults(gone, [&](const DefaultSocket &) { goneArrived = true; });
    delete gone;
    // Answers come back in the order they were asked for.
    askDefaults(session);
    QVERIFY(!goneArrived);
}

void TestDefaultSocket::reprOfASessionSocketNamesBothEnds()
{
    LoopbackSession loopback;
    QString client;
    QString conn;
    QVERIFY(loopback.connectedPair(&client, &conn));
    const SocketInfo c = loopback.session().socket(client);
    const SocketInfo s = loopback.session().socket(conn);
    QCOMPARE(PythonForm::repr(c),
             QStringLiteral("<socket.socket fd=%1, family=2, type=1, proto=0, "
                            "laddr=('127.0.0.1', %2), raddr=('127.0.0.1', %3)>")
                 .arg(c.fd)
                 .arg(c.local.port())
                 .arg(s.local.port()));
    QCOMPARE(c.peer.port(), s.local.port());
    QVERIFY(loopback.session().close(client).isEmpty());
    QTRY_COMPARE(loopback.session().socket(client).state, SocketState::Closed);
    QCOMPARE(PythonForm::repr(loopback.session().socket(client)),
             QStringLiteral("<socket.socket [closed] fd=-1, family=2, type=1, proto=0>"));
}

QTEST_GUILESS_MAIN(TestDefaultSocket)
#include "tst_defaultsocket.moc"
