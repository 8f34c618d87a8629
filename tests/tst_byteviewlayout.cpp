// SPDX-License-Identifier: MIT
// Offset/row/column arithmetic and cell text of the byte view, without widgets.

#include "present/ByteViewLayout.h"

#include <QTest>

class TestByteViewLayout : public QObject
{
    Q_OBJECT

private slots:
    void rows_data();
    void rows();
    void cellOfEveryByte_data();
    void cellOfEveryByte();
    void rowText();
    void positionsPointAtTheRightCells();
};

void TestByteViewLayout::rows_data()
{
    QTest::addColumn<int>("perRow");
    QTest::addColumn<qint64>("size");
    QTest::addColumn<int>("rowCount");
    QTest::newRow("empty") << 16 << qint64(0) << 0;
    QTest::newRow("one byte") << 16 << qint64(1) << 1;
    QTest::newRow("exact row") << 16 << qint64(16) << 1;
    QTest::newRow("course message") << 16 << qint64(21) << 2;
    QTest::newRow("8 per row") << 8 << qint64(21) << 3;
    QTest::newRow("large") << 16 << qint64(10 * 1024 * 1024) << 655360;
}

void TestByteViewLayout::rows()
{
    QFETCH(int, perRow);
    QFETCH(qint64, size);
    QFETCH(int, rowCount);
    const ByteViewLayout layout(perRow);
    QCOMPARE(layout.rowCount(size), rowCount);
    if (size > 0) {
        QCOMPARE(layout.rowOf(size - 1), rowCount - 1);
        QCOMPARE(layout.rowStart(layout.rowOf(size - 1)) + layout.columnOf(size - 1), size - 1);
    }
}

void TestByteViewLayout::cellOfEveryByte_data()
{
    QTest::addColumn<int>("value");
    QTest::addColumn<QString>("cell");
    for (int b = 0; b < 256; ++b) {
        const bool printable = b >= 0x20 && b <= 0x7e;
        QTest::newRow(qPrintable(QString::number(b)))
            << b << (printable ? QString(QChar(b)) : QStringLiteral("."));
    }
}

void TestByteViewLayout::cellOfEveryByte()
{
    QFETCH(int, value);
    QFETCH(QString, cell);
    QCOMPARE(QString(ByteViewLayout::asciiCell(static_cast<unsigned char>(value))), cell);
    const ByteViewLayout layout;
    const QByteArray one(1, char(value));
    QCOMPARE(layout.hexText(one, 0).left(2),
             QStringLiteral("%1").arg(value, 2, 16, QLatin1Char('0')));
    QCOMPARE(layout.asciiText(one, 0), cell);
}

void TestByteViewLayout::rowText()
{
    const ByteViewLayout layout;
    const QByteArray message("Hey, can you hear me?");
    QCOMPARE(layout.offsetText(1), QStringLiteral("00000010"));
    QCOMPARE(layout.text(message),
             QStringLiteral(
                 "00000000  48 65 79 2c 20 63 61 6e 20 79 6f 75 20 68 65 61  Hey, can you hea\n"
                 "00000010  72 20 6d 65 3f                                   r me?"));
}

void TestByteViewLayout::positionsPointAtTheRightCells()
{
    const ByteViewLayout layout;
    QByteArray data;
    for (int i = 0; i < 16; ++i)
        data += char('A' + i);
    const QString row = layout.rowText(data, 0);
    for (int col = 0; col < 16; ++col) {
        QCOMPARE(row.mid(layout.hexPosition(col), 2), QString::number('A' + col, 16));
        QCOMPARE(row.at(layout.asciiPosition(col)), QChar('A' + col));
    }
}

QTEST_GUILESS_MAIN(TestByteViewLayout)
#include "tst_byteviewlayout.moc"
