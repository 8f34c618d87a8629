// SPDX-License-Identifier: MIT
// RFC 793's diagram as data, and the view following a real socket's kernel state.

#include "LoopbackSession.h"
#include "TcpStateView.h"
#include "calls/TcpStateMachine.h"

#include <QFontMetricsF>
#include <QLineF>
#include <QTest>

class TestTcpStateMachine : public QObject
{
    Q_OBJECT

private slots:
    void everyTransitionJoinsKnownStates();
    void transitions_data();
    void transitions();
    void viewFollowsARealConnection();
    void labelsNeverCollide_data();
    void labelsNeverCollide();
};

void TestTcpStateMachine::everyTransitionJoinsKnownStates()
{
    QSet<int> numbers;
    for (const auto &s : TcpStateMachine::states())
        numbers.insert(s.number);
    QCOMPARE(numbers.size(), 11);
    for (const auto &t : TcpStateMachine::transitions()) {
        QVERIFY(numbers.contains(t.from));
        QVERIFY(numbers.contains(t.to));
        QVERIFY(!t.label.isEmpty());
    }
}

void TestTcpStateMachine::transitions_data()
{
    QTest::addColumn<int>("from");
    QTest::addColumn<int>("to");
    QTest::addColumn<QString>("label");
    // Linux numbers: 1 ESTABLISHED, 2 SYN_SENT, 4 FIN_WAIT1, 5 FIN_WAIT2, 6 TIME_WAIT,
    // 7 CLOSE, 8 CLOSE_WAIT, 9 LAST_ACK, 10 LISTEN; 0 (gone) counts as CLOSED.
    QTest::newRow("listen") << 7 << 10 << "listen()";
    QTest::newRow("active open") << 7 << 2 << "connect() / SYN";
    QTest::newRow("open done") << 2 << 1 << "SYN-ACK / ACK";
    QTest::newRow("active close") << 1 << 4 << "close() / FIN";
    QTest::newRow("passive close") << 1 << 8 << "FIN / ACK";
    QTest::newRow("time wait") << 5 << 6 << "FIN / ACK";
    QTest::newRow("time wait ends") << 6 << 0 << "2 MSL timeout";
    QTest::newRow("no direct arrow") << 10 << 6 << "";
}

void TestTcpStateMachine::transitions()
{
    QFETCH(int, from);
    QFETCH(int, to);
    QFETCH(QString, label);
    const int i = TcpStateMachine::transition(from, to);
    if (label.isEmpty())
        QCOMPARE(i, -1);
    else
        QCOMPARE(TcpStateMachine::transitions().at(i).label, label);
}

void TestTcpStateMachine::viewFollowsARealConnection()
{
#ifndef __linux__
    QSKIP("needs Linux's TCP_INFO");
#endif
    LoopbackSession lab;
    QString client, conn;
    QVERIFY(lab.connectedPair(&client, &conn));
    TcpStateView view;
    view.showSocket(lab.session().socket(client));
    QCOMPARE(view.currentState(), 1); // ESTABLISHED
    lab.session().close(conn);
    QTRY_COMPARE(lab.session().socket(client).kernel.state, 8); // CLOSE_WAIT
    view.showSocket(lab.session().socket(client));
    QCOMPARE(view.currentState(), 8);
    QCOMPARE(TcpStateMachine::transitions().at(view.lastTransition()).label,
             QStringLiteral("FIN / ACK"));
}

void TestTcpStateMachine::labelsNeverCollide_data()
{
    QTest::addColumn<double>("pointSize");
    QTest::addColumn<double>("widthFactor"); // of the view's minimum size
    QTest::addColumn<double>("heightFactor");
    // Normal window fonts and the stage's (up to twice as large on 1920×1080), at the view's
    // minimum size (the scroll area's floor) and larger, wide or tall.
    for (const double points : {9.0, 12.0, 18.0}) {
        const QByteArray size = QByteArray::number(points);
        QTest::newRow(size + "pt minimum") << points << 1.0 << 1.0;
        QTest::newRow(size + "pt larger") << points << 1.4 << 1.3;
        QTest::newRow(size + "pt wide") << points << 2.5 << 1.0;
        QTest::newRow(size + "pt tall") << points << 1.0 << 2.0;
    }
}

void TestTcpStateMachine::labelsNeverCollide()
{
    // "close() / RST" was printed over "connect() / SYN" and SYN-RECEIVED was clipped.
    QFETCH(double, pointSize);
    QFETCH(double, widthFactor);
    QFETCH(double, heightFactor);
    TcpStateView view;
    QFont font = view.font();
    font.setPointSizeF(pointSize);
    view.setFont(font);
    const QSize minimum = view.minimumSizeHint();
    view.resize(int(minimum.width() * widthFactor), int(minimum.height() * heightFactor));
    const TcpStateLayout layout = view.layout();
    const QRectF bounds(QPointF(0, 0), QSizeF(view.size()));
    QVector<QPair<QString, QRectF>> boxes;
    QFont bold = font;
    bold.setBold(true);
    for (const TcpStateMachine::State &s : TcpStateMachine::states()) {
        const QRectF box = layout.box(s.number);
        QVERIFY2(bounds.contains(box), qPrintable(s.name));
        QVERIFY2(QFontMetricsF(bold).horizontalAdvance(s.name) <= box.width(), qPrintable(s.name));
        for (const auto &other : std::as_const(boxes))
            QVERIFY2(!box.intersects(other.second), qPrintable(s.name + " / " + other.first));
        boxes.append({s.name, box});
    }
    QVector<QPair<QString, QRectF>> labels;
    for (const TcpStateLayout::Arrow &a : layout.arrows()) {
        const TcpStateMachine::Transition &t = TcpStateMachine::transitions().at(a.transition);
        const QString name = QStringLiteral("%1 (%2→%3)").arg(t.label).arg(t.from).arg(t.to);
        QVERIFY2(bounds.contains(a.label), qPrintable(name));
        QVERIFY2(!a.label.intersects(layout.title()), qPrintable(name));
        for (const auto &box : std::as_const(boxes))
            QVERIFY2(!a.label.intersects(box.second), qPrintable(name + " / " + box.first));
        for (const auto &other : std::as_const(labels))
            QVERIFY2(!a.label.intersects(other.second), qPrintable(name + " / " + other.first));
        labels.append({name, a.label});
        // Nor on another arrow's line, where it would read as that arrow's label.
        for (const TcpStateLayout::Arrow &other : layout.arrows()) {
            for (int k = 0; other.transition != a.transition && k + 1 < other.path.size(); ++k) {
                const QLineF line(other.path.at(k), other.path.at(k + 1));
                for (double t = 0; t <= 1; t += 1 / qMax(1.0, line.length()))
                    QVERIFY2(!a.label.contains(line.pointAt(t)),
                             qPrintable(name + " on the arrow of " +
                                        TcpStateMachine::transitions().at(other.transition).label));
            }
        }
    }
}

QTEST_MAIN(TestTcpStateMachine)
#include "tst_tcpstatemachine.moc"
