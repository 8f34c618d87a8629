// SPDX-License-Identifier: MIT
// Reading host and port as typed in a field or on the command line.

#include "calls/AddressInput.h"
#include "calls/HostPortText.h"

#include <QTest>

#include <sys/socket.h>

class TestAddressInput : public QObject
{
    Q_OBJECT

private slots:
    void interpret_data();
    void interpret();
    void hostPortText_data();
    void hostPortText();
};

void TestAddressInput::interpret_data()
{
    QTest::addColumn<int>("family");
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");
    QTest::addColumn<QString>("error");
    QTest::addColumn<bool>("lookup");
    QTest::addColumn<QString>("tuple");
    QTest::newRow("loopback") << AF_INET << "127.0.0.1" << 50000 << "" << false
                              << "('127.0.0.1', 50000)";
    QTest::newRow("empty is any") << AF_INET << "" << 50000 << "" << false << "('0.0.0.0', 50000)";
    QTest::newRow("ipv6 loopback")
        << AF_INET6 << "::1" << 50000 << "" << false << "('::1', 50000, 0, 0)";
    QTest::newRow("bracketed ipv6")
        << AF_INET6 << "[::1]" << 80 << "" << false << "('::1', 80, 0, 0)";
    QTest::newRow("empty ipv6 is any") << AF_INET6 << "" << 1 << "" << false << "('::', 1, 0, 0)";
    QTest::newRow("name needs lookup")
        << AF_INET << "localhost" << 80 << "" << true << "('localhost', 80)";
    QTest::newRow("port 0") << AF_INET << "127.0.0.1" << 0 << "" << false << "('127.0.0.1', 0)";
    QTest::newRow("port 65535") << AF_INET << "127.0.0.1" << 65535 << "" << false
                                << "('127.0.0.1', 65535)";
    QTest::newRow("port 65536") << AF_INET << "127.0.0.1" << 65536 << "OverflowError" << false
                                << "";
    QTest::newRow("999.1.1.1") << AF_INET << "999.1.1.1" << 80 << "ValueError" << false << "";
    QTest::newRow("1.2.3") << AF_INET << "1.2.3.4.5" << 80 << "ValueError" << false << "";
    QTest::newRow("space inside") << AF_INET << "my host" << 80 << "ValueError" << false << "";
}

void TestAddressInput::interpret()
{
    QFETCH(int, family);
    QFETCH(QString, host);
    QFETCH(int, port);
    QFETCH(QString, error);
    QFETCH(bool, lookup);
    QFETCH(QString, tuple);
    const AddressInput::Result r = AddressInput::interpret(family, host, port);
    QCOMPARE(r.error.name(), error);
    QCOMPARE(r.needsLookup, lookup);
    if (error.isEmpty())
        QCOMPARE(r.address.pythonTuple(), tuple);
    else
        QVERIFY(!r.error.hint().isEmpty());
}

void TestAddressInput::hostPortText_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");
    QTest::addColumn<int>("family");
    QTest::addColumn<bool>("ok");
    QTest::newRow("ipv4") << "127.0.0.1:50000"
                          << "127.0.0.1" << 50000 << AF_INET << true;
    QTest::newRow("ipv6") << "[::1]:8080"
                          << "::1" << 8080 << AF_INET6 << true;
    QTest::newRow("name") << "localhost:80"
                          << "localhost" << 80 << AF_INET << true;
    QTest::newRow("any") << ":50000"
                         << "" << 50000 << AF_INET << true;
    QTest::newRow("big port passes through") << "127.0.0.1:70000"
                                             << "127.0.0.1" << 70000 << AF_INET << true;
    QTest::newRow("no port") << "127.0.0.1"
                             << "" << 0 << 0 << false;
    QTest::newRow("bare ipv6") << "::1:80"
                               << "" << 0 << 0 << false;
    QTest::newRow("port not a number") << "127.0.0.1:http"
                                       << "" << 0 << 0 << false;
}

void TestAddressInput::hostPortText()
{
    QFETCH(QString, text);
    QFETCH(QString, host);
    QFETCH(int, port);
    QFETCH(int, family);
    QFETCH(bool, ok);
    const HostPortText::Parts p = HostPortText::parse(text);
    QCOMPARE(p.error.isEmpty(), ok);
    if (ok) {
        QCOMPARE(p.host, host);
        QCOMPARE(p.port, port);
        QCOMPARE(p.family, family);
    }
}

QTEST_GUILESS_MAIN(TestAddressInput)
#include "tst_addressinput.moc"
