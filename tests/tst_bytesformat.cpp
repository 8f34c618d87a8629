// SPDX-License-Identifier: MIT
// Bytes written for people. The Python literal is checked against python3's own repr().

#include "present/BytesFormat.h"

#include <QProcess>
#include <QTest>

class TestBytesFormat : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void literalMatchesPythonForEveryByte_data();
    void literalMatchesPythonForEveryByte();
    void literalQuoting_data();
    void literalQuoting();
    void literalPreviewIsMarked();
    void counts_data();
    void counts();

private:
    QStringList m_pythonRepr; // repr(bytes([b])) for b in 0..255, from python3 itself
};

void TestBytesFormat::initTestCase()
{
    QProcess python;
    python.start(
        QStringLiteral("python3"),
        {QStringLiteral("-c"), QStringLiteral("for b in range(256): print(repr(bytes([b])))")});
    QVERIFY2(python.waitForFinished(20000), "python3 is needed (scripts/test installs it)");
    QCOMPARE(python.exitCode(), 0);
    m_pythonRepr = QString::fromLatin1(python.readAllStandardOutput()).split(QLatin1Char('\n'));
    QVERIFY(m_pythonRepr.size() >= 256);
}

void TestBytesFormat::literalMatchesPythonForEveryByte_data()
{
    QTest::addColumn<int>("value");
    for (int b = 0; b < 256; ++b)
        QTest::newRow(qPrintable(QString::number(b))) << b;
}

void TestBytesFormat::literalMatchesPythonForEveryByte()
{
    QFETCH(int, value);
    QCOMPARE(BytesFormat::pythonLiteral(QByteArray(1, char(value))), m_pythonRepr.at(value));
}

void TestBytesFormat::literalQuoting_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("literal");
    QTest::newRow("course message")
        << QByteArray("Hey, can you hear me?") << "b'Hey, can you hear me?'";
    QTest::newRow("empty") << QByteArray() << "b''";
    QTest::newRow("single quote only") << QByteArray("it's") << "b\"it's\"";
    QTest::newRow("both quotes") << QByteArray("'\"") << "b'\\'\"'";
    QTest::newRow("crlf") << QByteArray("GET / HTTP/1.0\r\n\r\n")
                          << "b'GET / HTTP/1.0\\r\\n\\r\\n'";
}

void TestBytesFormat::literalQuoting()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, literal);
    QCOMPARE(BytesFormat::pythonLiteral(bytes), literal);
}

void TestBytesFormat::literalPreviewIsMarked()
{
    QCOMPARE(BytesFormat::pythonLiteral("abcdef", 3), QStringLiteral("b'abc'…"));
    QCOMPARE(BytesFormat::pythonLiteral("abc", 3), QStringLiteral("b'abc'"));
    QCOMPARE(BytesFormat::hex("Hey"), QStringLiteral("48 65 79"));
}

void TestBytesFormat::counts_data()
{
    QTest::addColumn<qint64>("value");
    QTest::addColumn<QString>("text");
    QTest::newRow("0") << qint64(0) << "0";
    QTest::newRow("999") << qint64(999) << "999";
    QTest::newRow("1000") << qint64(1000) << "1,000";
    QTest::newRow("12345678") << qint64(12345678) << "12,345,678";
    QTest::newRow("negative") << qint64(-1234) << "-1,234";
}

void TestBytesFormat::counts()
{
    QFETCH(qint64, value);
    QFETCH(QString, text);
    QCOMPARE(BytesFormat::count(value), text);
    QCOMPARE(BytesFormat::byteCount(1), QStringLiteral("1 byte"));
}

QTEST_GUILESS_MAIN(TestBytesFormat)
#include "tst_bytesformat.moc"
