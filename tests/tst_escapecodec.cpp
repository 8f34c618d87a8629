// SPDX-License-Identifier: MIT
// The message editor's parser: escapes, encodings and hex, byte by byte.

#include "present/EscapeCodec.h"

#include <QTest>

class TestEscapeCodec : public QObject
{
    Q_OBJECT

private slots:
    void everyByteAsHexEscape_data();
    void everyByteAsHexEscape();
    void everyByteSurvivesToTextAndBack_data();
    void everyByteSurvivesToTextAndBack();
    void escapes_data();
    void escapes();
    void encodings_data();
    void encodings();
    void errorsNamePosition_data();
    void errorsNamePosition();
    void hex_data();
    void hex();
};

static void addEveryByte()
{
    QTest::addColumn<int>("value");
    for (int b = 0; b < 256; ++b)
        QTest::newRow(qPrintable(QStringLiteral("0x%1").arg(b, 2, 16, QLatin1Char('0')))) << b;
}

void TestEscapeCodec::everyByteAsHexEscape_data()
{
    addEveryByte();
}

void TestEscapeCodec::everyByteAsHexEscape()
{
    QFETCH(int, value);
    for (auto encoding : {EscapeCodec::Encoding::Utf8, EscapeCodec::Encoding::Ascii,
                          EscapeCodec::Encoding::Latin1}) {
        const EscapeCodec::Result lower = EscapeCodec::fromText(
            QStringLiteral("\\x%1").arg(value, 2, 16, QLatin1Char('0')), encoding);
        QVERIFY(lower.ok());
        QCOMPARE(lower.bytes, QByteArray(1, char(value)));
        const EscapeCodec::Result upper =
            EscapeCodec::fromText(QStringLiteral("\\x%1")
                                      .arg(value, 2, 16, QLatin1Char('0'))
                                      .toUpper()
                                      .replace(QLatin1String("\\X"), QLatin1String("\\x")),
                                  encoding);
        QCOMPARE(upper.bytes, QByteArray(1, char(value)));
    }
}

void TestEscapeCodec::everyByteSurvivesToTextAndBack_data()
{
    addEveryByte();
}

void TestEscapeCodec::everyByteSurvivesToTextAndBack()
{
    QFETCH(int, value);
    const QByteArray byte(1, char(value));
    const QString text = EscapeCodec::toText(byte);
    const EscapeCodec::Result back = EscapeCodec::fromText(text, EscapeCodec::Encoding::Ascii);
    QVERIFY2(back.ok(), qPrintable(back.error));
    QCOMPARE(back.bytes, byte);
}

void TestEscapeCodec::escapes_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QByteArray>("bytes");
    QTest::newRow("plain") << "Hey, can you hear me?" << QByteArray("Hey, can you hear me?");
    QTest::newRow("crlf") << "GET / HTTP/1.0\\r\\n\\r\\n" << QByteArray("GET / HTTP/1.0\r\n\r\n");
    QTest::newRow("tab") << "a\\tb" << QByteArray("a\tb");
    QTest::newRow("backslash") << "C:\\\\temp" << QByteArray("C:\\temp");
    QTest::newRow("nul") << "a\\0b" << QByteArray("a\0b", 3);
    QTest::newRow("quotes") << "\\'\\\"" << QByteArray("'\"");
    QTest::newRow("empty") << "" << QByteArray();
    QTest::newRow("hex escape inside text") << "A\\x00\\xffZ" << QByteArray("A\0\xffZ", 4);
}

void TestEscapeCodec::escapes()
{
    QFETCH(QString, typed);
    QFETCH(QByteArray, bytes);
    const EscapeCodec::Result r = EscapeCodec::fromText(typed, EscapeCodec::Encoding::Utf8);
    QVERIFY2(r.ok(), qPrintable(r.error));
    QCOMPARE(r.bytes, bytes);
}

void TestEscapeCodec::encodings_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<int>("encoding");
    QTest::addColumn<QByteArray>("bytes");
    const int utf8 = int(EscapeCodec::Encoding::Utf8);
    const int latin1 = int(EscapeCodec::Encoding::Latin1);
    const int ascii = int(EscapeCodec::Encoding::Ascii);
    QTest::newRow("é utf-8") << QStringLiteral("é") << utf8 << QByteArray("\xc3\xa9");
    QTest::newRow("é latin-1") << QStringLiteral("é") << latin1 << QByteArray("\xe9");
    QTest::newRow("€ utf-8") << QStringLiteral("€") << utf8 << QByteArray("\xe2\x82\xac");
    QTest::newRow("emoji utf-8 (surrogate pair)")
        << QStringLiteral("😀") << utf8 << QByteArray("\xf0\x9f\x98\x80");
    QTest::newRow("ascii text") << QStringLiteral("Hey") << ascii << QByteArray("Hey");
}

void TestEscapeCodec::encodings()
{
    QFETCH(QString, typed);
    QFETCH(int, encoding);
    QFETCH(QByteArray, bytes);
    const EscapeCodec::Result r = EscapeCodec::fromText(typed, EscapeCodec::Encoding(encoding));
    QVERIFY2(r.ok(), qPrintable(r.error));
    QCOMPARE(r.bytes, bytes);
}

void TestEscapeCodec::errorsNamePosition_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<int>("encoding");
    QTest::addColumn<int>("position");
    QTest::addColumn<QString>("messagePart");
    const int utf8 = int(EscapeCodec::Encoding::Utf8);
    QTest::newRow("unknown escape") << "ab\\q" << utf8 << 2 << "unknown escape";
    QTest::newRow("trailing backslash") << "abc\\" << utf8 << 3 << "lone backslash";
    QTest::newRow("short hex escape") << "\\x4" << utf8 << 0 << "two hex digits";
    QTest::newRow("bad hex escape") << "x\\xzz" << utf8 << 1 << "two hex digits";
    QTest::newRow("é in ASCII") << QStringLiteral("café") << int(EscapeCodec::Encoding::Ascii) << 3
                                << "not ASCII";
    QTest::newRow("€ in Latin-1") << QStringLiteral("5€") << int(EscapeCodec::Encoding::Latin1) << 1
                                  << "Latin-1";
}

void TestEscapeCodec::errorsNamePosition()
{
    QFETCH(QString, typed);
    QFETCH(int, encoding);
    QFETCH(int, position);
    QFETCH(QString, messagePart);
    const EscapeCodec::Result r = EscapeCodec::fromText(typed, EscapeCodec::Encoding(encoding));
    QVERIFY(!r.ok());
    QVERIFY(r.bytes.isEmpty());
    QCOMPARE(r.errorPosition, position);
    QVERIFY2(r.error.contains(messagePart), qPrintable(r.error));
}

void TestEscapeCodec::hex_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QByteArray>("bytes");
    QTest::newRow("spaced") << "48 65 79" << true << QByteArray("Hey");
    QTest::newRow("packed upper") << "0D0A" << true << QByteArray("\r\n");
    QTest::newRow("newlines") << "00\nff" << true << QByteArray("\0\xff", 2);
    QTest::newRow("odd") << "48 6" << false << QByteArray();
    QTest::newRow("not hex") << "4g" << false << QByteArray();
}

void TestEscapeCodec::hex()
{
    QFETCH(QString, typed);
    QFETCH(bool, ok);
    QFETCH(QByteArray, bytes);
    const EscapeCodec::Result r = EscapeCodec::fromHex(typed);
    QCOMPARE(r.ok(), ok);
    QCOMPARE(r.bytes, bytes);
}

QTEST_GUILESS_MAIN(TestEscapeCodec)
#include "tst_escapecodec.moc"
