// SPDX-License-Identifier: MIT
// Where the sequence diagram puts things (SequenceLayout), as data: columns, rows, label
// boxes, scrolling and picking, for the view sizes and font sizes people use.

#include "calls/SocketAddress.h"
#include "present/SequenceLayout.h"

#include <QTest>

#include <netinet/in.h>

namespace {
SocketEvent ev(qint64 seq, const QString &socket, SocketCall call, CallPhase phase,
               const QVariantMap &args = {}, const QVariant &result = QVariant(),
               const QByteArray &data = QByteArray())
{
    SocketEvent e;
    e.seq = seq;
    e.socketId = socket;
    e.role = socketRoleOf(socket);
    e.call = call;
    e.phase = phase;
    e.args = args;
    e.result = result;
    e.data = data;
    e.byteCount = data.size();
    return e;
}

QVariantMap address(int port)
{
    return SocketAddress(AF_INET, QStringLiteral("127.0.0.1"), quint16(port)).toVariant();
}

// The course's first exchange: a client first (so birth order and sides differ), a server,
// the handshake, an accepted conn#1, and a sendall.
void exchange(SequenceModel &m)
{
    using C = SocketCall;
    using P = CallPhase;
    qint64 seq = 0;
    m.addEvent(ev(++seq, "client#1", C::Socket, P::Returned, {}, 4));
    m.addEvent(ev(++seq, "server#1", C::Socket, P::Returned, {}, 3));
    m.addEvent(ev(++seq, "server#1", C::Bind, P::Returned, {{"host", "127.0.0.1"}, {"port", 50000}},
                  address(50000)));
    m.addEvent(ev(++seq, "server#1", C::Listen, P::Returned, {{"backlog", 1}}));
    m.addEvent(ev(++seq, "server#1", C::Accept, P::Blocked));
    m.addEvent(ev(++seq, "client#1", C::Connect, P::Returned,
                  {{"host", "127.0.0.1"}, {"port", 50000}, {"address", address(50000)}},
                  QVariantMap{{"local", address(40000)}}));
    m.addEvent(ev(++seq, "server#1", C::Accept, P::Returned, {},
                  QVariantMap{{"socket", "conn#1"}, {"address", address(40000)}}));
    m.addEvent(ev(++seq, "client#1", C::SendAll, P::Returned, {{"size", 2}}, 2, "hi"));
}

// A font's ascent and descent for its line height, as for the usual sans fonts.
int ascentOf(int lineHeight)
{
    return lineHeight * 4 / 5;
}
int descentOf(int lineHeight)
{
    return lineHeight - ascentOf(lineHeight);
}
} // namespace

class TestSequenceLayout : public QObject
{
    Q_OBJECT

private slots:
    void serverSideSocketsStandLeftOfClients();
    void columnsStayInsideTheView_data();
    void columnsStayInsideTheView();
    void theFirstRowsLabelsClearTheStickyHeader_data();
    void theFirstRowsLabelsClearTheStickyHeader();
    void labelsStayInsideTheView_data();
    void labelsStayInsideTheView();
    void headerNamesNeverOverlap_data();
    void headerNamesNeverOverlap();
    void scrollingToARowMovesAsLittleAsPossible_data();
    void scrollingToARowMovesAsLittleAsPossible();
    void followingShowsTheNewestArrowAndRow_data();
    void followingShowsTheNewestArrowAndRow();
    void aPointPicksTheItemUnderIt();
};

void TestSequenceLayout::serverSideSocketsStandLeftOfClients()
{
    SequenceModel model;
    exchange(model);
    SequenceLayout layout(&model);
    layout.placeLifelines();
    layout.setViewport(900, 600);
    const int server = layout.columnX(model.lifelineOf("server#1"));
    const int conn = layout.columnX(model.lifelineOf("conn#1"));
    const int client = layout.columnX(model.lifelineOf("client#1"));
    QVERIFY2(server < conn && conn < client,
             qPrintable(QStringLiteral("%1 %2 %3").arg(server).arg(conn).arg(client)));
    // Three columns, each centred in its third.
    QCOMPARE(server, 150);
    QCOMPARE(conn, 450);
    QCOMPARE(client, 750);
}

void TestSequenceLayout::columnsStayInsideTheView_data()
{
    QTest::addColumn<int>("width");
    QTest::addColumn<int>("sockets");
    QTest::newRow("projector, a few") << 1024 << 3;
    QTest::newRow("laptop, a class") << 1366 << 40;
    QTest::newRow("more sockets than pixels") << 600 << 2000;
}

void TestSequenceLayout::columnsStayInsideTheView()
{
    QFETCH(int, width);
    QFETCH(int, sockets);
    SequenceModel model;
    for (int i = 0; i < sockets; ++i)
        model.addEvent(ev(i + 1, QStringLiteral("client#%1").arg(i + 1), SocketCall::Socket,
                          CallPhase::Returned, {}, i + 3));
    SequenceLayout layout(&model);
    layout.placeLifelines();
    layout.setViewport(width, 700);
    int previous = -1;
    for (int i = 0; i < sockets; ++i) {
        const int x = layout.columnX(i);
        QVERIFY2(x >= 0 && x < width, qPrintable(QString::number(x)));
        QVERIFY(x >= previous);
        previous = x;
    }
    // Spread over the whole width, not piled up at the left edge.
    QVERIFY(layout.columnX(sockets - 1) > width / 2);
}

void TestSequenceLayout::theFirstRowsLabelsClearTheStickyHeader_data()
{
    QTest::addColumn<int>("lineHeight");
    QTest::newRow("small font") << 12;
    QTest::newRow("desktop") << 16;
    QTest::newRow("zoomed") << 24;
    QTest::newRow("presenter") << 32;
    QTest::newRow("presenter, zoomed") << 48;
}

void TestSequenceLayout::theFirstRowsLabelsClearTheStickyHeader()
{
    QFETCH(int, lineHeight);
    SequenceModel model;
    exchange(model);
    SequenceLayout layout(&model);
    layout.placeLifelines();
    layout.setViewport(1024, 500);
    layout.setLineHeight(lineHeight);
    layout.setScroll(0);
    const int ascent = ascentOf(lineHeight), descent = descentOf(lineHeight);
    // Every label, wherever its row, is below the header at the top of the diagram; the
    // first row's are the ones the header could hide.
    for (const SequenceModel::Mark &m : model.marks()) {
        const QRectF box = layout.markLabel(m, 4, 80, ascent, descent);
        QVERIFY2(box.top() >= layout.headerHeight(), qPrintable(m.label));
    }
    for (const SequenceModel::Arrow &a : model.arrows()) {
        const QRectF box = layout.arrowLabel(a, 60, ascent, descent);
        QVERIFY2(box.top() >= layout.headerHeight(),
                 qPrintable(QStringLiteral("%1 at %2").arg(a.label).arg(box.top())));
    }
    // The newest band starts at the header, not under it.
    QVERIFY(layout.rowY(0) - layout.rowHeight() / 2 >= layout.headerHeight());
}

void TestSequenceLayout::labelsStayInsideTheView_data()
{
    QTest::addColumn<int>("width");
    QTest::addColumn<int>("textWidth");
    QTest::newRow("fits") << 1024 << 120;
    QTest::newRow("wide label near the right edge") << 500 << 300;
    QTest::newRow("wider than the view") << 200 << 300;
}

void TestSequenceLayout::labelsStayInsideTheView()
{
    QFETCH(int, width);
    QFETCH(int, textWidth);
    SequenceModel model;
    exchange(model);
    SequenceLayout layout(&model);
    layout.placeLifelines();
    layout.setViewport(width, 600);
    const auto inside = [&](const QRectF &box) {
        if (textWidth + 4 > width)
            return box.left() == 2; // starts at the left edge, the rest is cut
        return box.left() >= 2 && box.right() <= width - 2;
    };
    for (const SequenceModel::Arrow &a : model.arrows())
        QVERIFY2(inside(layout.arrowLabel(a, textWidth, 12, 4)), qPrintable(a.label));
    for (const SequenceModel::Mark &m : model.marks())
        QVERIFY2(inside(layout.markLabel(m, 4, textWidth, 12, 4)) || textWidth + 4 > width,
                 qPrintable(m.label));
    for (const SequenceLayout::HeaderLabel &label :
         layout.headerLabels([&](int) { return textWidth; }, 12, 4)) {
        const int left = label.box.left();
        QVERIFY(textWidth + 4 > width ? left == 2
                                      : left >= 2 && left + label.box.width() <= width - 2);
    }
}

void TestSequenceLayout::headerNamesNeverOverlap_data()
{
    QTest::addColumn<int>("width");
    QTest::addColumn<int>("sockets");
    QTest::addColumn<int>("textWidth");
    QTest::addColumn<int>("shown"); // at least this many names; -1: all of them
    // server_socket, conn and client_socket in bold, beside a lesson at 1024 px: they did
    // overlap ("ver_socketonclient_soc") when each was centred on one line.
    QTest::newRow("three long names, narrow diagram") << 190 << 3 << 110 << -1;
    QTest::newRow("three names, wide") << 900 << 3 << 110 << -1;
    QTest::newRow("a class on a laptop") << 1366 << 40 << 100 << 20;
    QTest::newRow("more sockets than pixels") << 600 << 2000 << 90 << 6;
}

void TestSequenceLayout::headerNamesNeverOverlap()
{
    QFETCH(int, width);
    QFETCH(int, sockets);
    QFETCH(int, textWidth);
    QFETCH(int, shown);
    SequenceModel model;
    if (sockets == 3) {
        exchange(model);
    } else {
        for (int i = 0; i < sockets; ++i)
            model.addEvent(ev(i + 1, QStringLiteral("client#%1").arg(i + 1), SocketCall::Socket,
                              CallPhase::Returned, {}, i + 3));
    }
    SequenceLayout layout(&model);
    layout.placeLifelines();
    layout.setViewport(width, 400);
    layout.setLineHeight(20);
    const QVector<SequenceLayout::HeaderLabel> labels =
        layout.headerLabels([&](int) { return textWidth; }, 16, 4);
    QVERIFY2(labels.size() >= (shown < 0 ? sockets : shown),
             qPrintable(QString::number(labels.size())));
    const QRect header(0, 0, width, layout.headerHeight());
    for (int i = 0; i < labels.size(); ++i) {
        const QRect box = labels.at(i).box;
        QVERIFY2(header.contains(box), qPrintable(QStringLiteral("%1,%2 %3×%4")
                                                      .arg(box.left())
                                                      .arg(box.top())
                                                      .arg(box.width())
                                                      .arg(box.height())));
        for (int j = 0; j < i; ++j)
            QVERIFY2(!box.intersects(labels.at(j).box),
                     qPrintable(QStringLiteral("names %1 and %2").arg(j).arg(i)));
    }
}

void TestSequenceLayout::scrollingToARowMovesAsLittleAsPossible_data()
{
    QTest::addColumn<int>("scroll");
    QTest::addColumn<int>("row");
    QTest::addColumn<int>("expected");
    // Line height 16: rows of 40 px, a header of 36 (two lines and a little room) and a top
    // margin of 16; the view is 300 px high, so rows start at 52 + 40 × row in the content.
    QTest::newRow("already in view") << 0 << 2 << 0;
    QTest::newRow("below: its bottom at the view's bottom") << 0 << 10 << 52 + 440 - 300;
    QTest::newRow("above: its top under the header") << 800 << 3 << 52 + 120 - 36;
}

void TestSequenceLayout::scrollingToARowMovesAsLittleAsPossible()
{
    QFETCH(int, scroll);
    QFETCH(int, row);
    QFETCH(int, expected);
    SequenceModel model;
    exchange(model);
    SequenceLayout layout(&model);
    layout.setViewport(800, 300);
    layout.setLineHeight(16);
    layout.setScroll(scroll);
    QCOMPARE(layout.scrollToShow(row), expected);
}

void TestSequenceLayout::followingShowsTheNewestArrowAndRow_data()
{
    // View heights from a short stage (the diagram below the panes on a 1024×768 projector)
    // to a tall window; line heights from the normal font to presenter zoom.
    QTest::addColumn<int>("height");
    QTest::addColumn<int>("lineHeight");
    QTest::newRow("short stage") << 190 << 20;
    QTest::newRow("short stage, big font") << 260 << 32;
    QTest::newRow("window") << 500 << 16;
    QTest::newRow("shorter than a row and header") << 60 << 20;
}

void TestSequenceLayout::followingShowsTheNewestArrowAndRow()
{
    QFETCH(int, height);
    QFETCH(int, lineHeight);
    SequenceModel model;
    exchange(model);
    // More rows after the newest arrow: the server blocks in recv, the client in recv too.
    model.addEvent(ev(9, "conn#1", SocketCall::Recv, CallPhase::Blocked));
    model.addEvent(ev(10, "client#1", SocketCall::Recv, CallPhase::Blocked));
    SequenceLayout layout(&model);
    layout.setViewport(800, height);
    layout.setLineHeight(lineHeight);
    const int bottom = qMax(0, layout.contentHeight() - height);
    layout.setScroll(layout.followScroll());
    QVERIFY(layout.followScroll() >= 0 && layout.followScroll() <= bottom);
    const int newestRow = layout.rowY(model.rowCount() - 1, 1); // lane 1: the middle
    const QLineF arrow = layout.arrowLine(model.arrows().last());
    const int room = height - layout.headerHeight();
    const int needed = newestRow + layout.rowHeight() / 2 - (int(arrow.p2().y()) - lineHeight);
    if (layout.rowHeight() <= room) // the newest row whole below the header
        QVERIFY2(newestRow - layout.rowHeight() / 2 >= layout.headerHeight() &&
                     newestRow + layout.rowHeight() / 2 <= height,
                 qPrintable(QString::number(newestRow)));
    if (needed <= room) // and the newest arrow's end with the line above it
        QVERIFY2(int(arrow.p2().y()) - lineHeight >= layout.headerHeight(),
                 qPrintable(QStringLiteral("arrow ends at %1, newest row at %2, scroll %3 of %4")
                                .arg(arrow.p2().y())
                                .arg(newestRow)
                                .arg(layout.followScroll())
                                .arg(bottom)));
}

void TestSequenceLayout::aPointPicksTheItemUnderIt()
{
    SequenceModel model;
    exchange(model);
    SequenceLayout layout(&model);
    layout.placeLifelines();
    layout.setViewport(900, 800);
    layout.setLineHeight(16);
    // The middle of the data arrow picks the sendall.
    const SequenceModel::Arrow data = model.arrows().constLast();
    QCOMPARE(data.kind, SequenceModel::ArrowKind::Data);
    QCOMPARE(layout.seqAt(layout.arrowLine(data).pointAt(0.5)), data.seq);
    // The header picks nothing (it used to pick the first row).
    QCOMPARE(layout.seqAt(QPointF(5, 5)), qint64(0));
    // Empty space on a row picks the row's event.
    const int row = model.rowOfSeq(data.seq);
    QCOMPARE(layout.seqAt(QPointF(2, layout.rowY(row) + 1)), model.seqOfRow(row));
}

QTEST_GUILESS_MAIN(TestSequenceLayout)
#include "tst_sequencelayout.moc"
