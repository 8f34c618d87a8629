// SPDX-License-Identifier: MIT
// Recording and replay: a saved session replays in the log, diagram and panes without the
// network, forward and back, and gives back the same log; the live session resumes after.

#include "CallButton.h"
#include "ClientPane.h"
#include "FreePort.h"
#include "MainWindow.h"
#include "ReplayBar.h"
#include "SequenceDiagramView.h"
#include "ServerPane.h"
#include "StateBadge.h"
#include "TcpStateView.h"
#include "lesson/LessonRunner.h"
#include "session/EventLog.h"
#include "session/SocketSession.h"
#include "trace/TraceReplay.h"

#include <QFileInfo>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace {
// Each log row as the user reads it: socket, call, outcome, bytes.
QStringList logRows(const EventLog *log)
{
    QStringList rows;
    for (int r = 0; r < log->rowCount(); ++r) {
        QStringList cells;
        for (int c = EventLog::SocketColumn; c < EventLog::ColumnCount; ++c)
            cells << log->data(log->index(r, c)).toString();
        rows << cells.join(QLatin1Char('|'));
    }
    return rows;
}

QStringList badgeTexts(const QWidget *pane)
{
    QStringList texts;
    for (const StateBadge *b : pane->findChildren<StateBadge *>())
        texts << b->text();
    return texts;
}
} // namespace

class TestReplay : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void replayRebuildsSocketsFromEvents();
    void savedSessionReplaysTheSameLog();
    void badTraceFilesAreRefused();

private:
    QString recordGettingTheFlow(const QString &directory, QStringList *rows);
};

void TestReplay::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
}

QString TestReplay::recordGettingTheFlow(const QString &directory, QStringList *rows)
{
    MainWindow window;
    window.findChild<QSpinBox *>(QStringLiteral("server.port"))->setValue(freePort());
    QString error;
    if (!window.openLesson(QStringLiteral("getting-the-flow"), &error))
        return QString();
    LessonRunner *runner = window.lessonRunner();
    runner->runTo(runner->stepCount());
    if (!QTest::qWaitFor([runner] { return runner->currentStep() == runner->stepCount(); }, 10000))
        return QString();
    QTest::qWait(100); // the last snapshots and events
    const QString path = directory + QStringLiteral("/flow.jsonl");
    if (!window.exportTrace(path, &error))
        return QString();
    *rows = logRows(window.log());
    window.closeLesson();
    return path;
}

void TestReplay::replayRebuildsSocketsFromEvents()
{
    QTemporaryDir dir;
    QStringList rows;
    const QString path = recordGettingTheFlow(dir.path(), &rows);
    QVERIFY(!path.isEmpty());
    TraceReplay replay;
    QString error;
    QVERIFY2(replay.load(path, &error), qPrintable(error));
    QCOMPARE(replay.count(), rows.size());

    // After listen returned: one listening server, nothing else.
    int afterListen = 0;
    for (int i = 0; i < replay.count(); ++i) {
        const SocketEvent &e = replay.events().at(i);
        if (e.call == SocketCall::Listen && e.phase == CallPhase::Returned)
            afterListen = i + 1;
    }
    QVector<SocketInfo> sockets = replay.socketsAfter(afterListen);
    QCOMPARE(sockets.size(), 1);
    QCOMPARE(sockets.first().state, SocketState::Listening);
    QCOMPARE(sockets.first().local.host(), QStringLiteral("127.0.0.1"));

    // At the end: server, client and conn all closed; bytes counted both ways.
    sockets = replay.socketsAfter(replay.count());
    QCOMPARE(sockets.size(), 3);
    for (const SocketInfo &s : sockets)
        QCOMPARE(s.state, SocketState::Closed);
    const auto find = [&sockets](SocketRole role) {
        for (const SocketInfo &s : sockets)
            if (s.role == role)
                return s;
        return SocketInfo();
    };
    QCOMPARE(find(SocketRole::Client).bytesSent, 14);
    QCOMPARE(find(SocketRole::Client).bytesReceived, 14);
    QCOMPARE(find(SocketRole::Connection).bytesReceived, 14);
    QCOMPARE(find(SocketRole::Connection).parentId, find(SocketRole::Server).id);
}

void TestReplay::savedSessionReplaysTheSameLog()
{
    QTemporaryDir dir;
    QStringList recorded;
    const QString path = recordGettingTheFlow(dir.path(), &recorded);
    QVERIFY(!path.isEmpty());
    QVERIFY2(recorded.size() >= 30, qPrintable(QString::number(recorded.size())));

    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    // A live socket made before the replay comes back afterwards.
    QTest::mouseClick(window.findChild<QPushButton *>(QStringLiteral("client.socket")),
                      Qt::LeftButton);
    QTRY_COMPARE(window.log()->rowCount(), 2);
    const QString live = window.clientPane()->clientId();
    QVERIFY(!live.isEmpty());
    const QStringList liveRows = logRows(window.log());

    QString error;
    QVERIFY2(window.openSession(path, &error), qPrintable(error));
    QVERIFY(window.isReplaying());
    QCOMPARE(window.log()->rowCount(), 0);
    QCOMPARE(window.replayBar()->eventCount(), recorded.size());
    // Calls are off while the panes show the replay, with the reason on the button, and each
    // pane says what it shows.
    auto *socketButton = window.findChild<QPushButton *>(QStringLiteral("server.socket"));
    QVERIFY(!socketButton->isEnabled());
    QVERIFY(socketButton->toolTip().contains(QStringLiteral("replay of")));
    for (const char *label : {"server.source", "client.source"}) {
        auto *shown = window.findChild<QLabel *>(QLatin1String(label));
        QVERIFY(shown && shown->isVisible());
        QVERIFY2(shown->text().contains(QFileInfo(path).fileName()), qPrintable(shown->text()));
    }

    QTest::keyClick(&window, Qt::Key_End, Qt::AltModifier);
    QCOMPARE(logRows(window.log()), recorded);
    QCOMPARE(window.diagram()->model().lifelines().size(), 3);

    // Step back to just after listen: the server pane shows LISTENING, the client nothing.
    int afterListen = 0;
    for (int i = 0; i < recorded.size(); ++i) {
        if (recorded.at(i).contains(QStringLiteral("listen(1)")) &&
            !recorded.at(i).contains(QStringLiteral("…")))
            afterListen = i + 1;
    }
    QVERIFY(afterListen > 0);
    while (window.replayBar()->position() > afterListen)
        QTest::keyClick(&window, Qt::Key_Left, Qt::AltModifier);
    QCOMPARE(window.log()->rowCount(), afterListen);
    QVERIFY(badgeTexts(window.serverPane()).contains(QStringLiteral("LISTENING")));
    QVERIFY(!badgeTexts(window.clientPane()).contains(QStringLiteral("CONNECTED")));
    QTest::keyClick(&window, Qt::Key_Right, Qt::AltModifier);
    QCOMPARE(window.log()->rowCount(), afterListen + 1);
    QCOMPARE(logRows(window.log()), recorded.mid(0, afterListen + 1));
    // The TCP state view reads the replay as well: it follows the recording's server, a socket
    // the live session does not have.
    const QString stepped = window.log()->event(afterListen).socketId;
    QVERIFY(!window.session()->contains(stepped));
    auto *states = window.findChild<TcpStateView *>();
    QVERIFY(states);
    QTRY_COMPARE(states->socketId(), stepped);

    // While replaying, the live session goes on in the background, then comes back.
    QVERIFY(window.session()->close(live).isEmpty());
    QTest::qWait(100);
    QCOMPARE(window.log()->rowCount(), afterListen + 1);
    window.closeReplay();
    QVERIFY(!window.isReplaying());
    QTRY_COMPARE(window.log()->rowCount(), 4);
    QCOMPARE(logRows(window.log()).mid(0, 2), liveRows);
    QCOMPARE(window.clientPane()->clientId(), live);
    QVERIFY(socketButton->isEnabled());
    QVERIFY(!window.findChild<QLabel *>(QStringLiteral("server.source"))->isVisible());
}

void TestReplay::badTraceFilesAreRefused()
{
    QTemporaryDir dir;
    MainWindow window;
    QString error;
    QVERIFY(!window.openSession(dir.filePath(QStringLiteral("missing.jsonl")), &error));
    QVERIFY(error.contains(QStringLiteral("no such trace file")));
    QFile bad(dir.filePath(QStringLiteral("bad.jsonl")));
    QVERIFY(bad.open(QIODevice::WriteOnly));
    bad.write("{\"seq\": 1}\nnot json\n");
    bad.close();
    QVERIFY(!window.openSession(bad.fileName(), &error));
    QVERIFY2(error.contains(QStringLiteral("line 1")) || error.contains(QStringLiteral("line 2")),
             qPrintable(error));
    QFile empty(dir.filePath(QStringLiteral("empty.jsonl")));
    QVERIFY(empty.open(QIODevice::WriteOnly));
    empty.close();
    QVERIFY(!window.openSession(empty.fileName(), &error));
    QVERIFY(error.contains(QStringLiteral("no events")));
    QVERIFY(!window.isReplaying());
}

QTEST_MAIN(TestReplay)
#include "tst_replay.moc"
