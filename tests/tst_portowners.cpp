// SPDX-License-Identifier: MIT
// Who holds a port (PortOwners): the kernel's socket tables read as data, and the Lookups
// page's row against a python3 server. The console's lookup against real programs (another
// user among them) is in tst_clilookup; the hint bind gives, in tst_socketerrors.

#include "PythonServers.h"
#include "ServicesView.h"
#include "lookup/PortOwners.h"

#include <QLabel>
#include <QProcess>
#include <QPushButton>
#include <QSpinBox>
#include <QTest>

class TestPortOwners : public QObject
{
    Q_OBJECT
private slots:
    void portTablesAreReadAsTheKernelWritesThem_data();
    void portTablesAreReadAsTheKernelWritesThem();
    void theLookupsPageNamesAPortsHolder();
};

void TestPortOwners::portTablesAreReadAsTheKernelWritesThem_data()
{
    // Lines as /proc/net/tcp and tcp6 write them (the kernel's columns, addresses as raw
    // 32-bit words in hex): a listener of uid 1000, a TIME_WAIT entry with 39.96 s left
    // (3996 jiffies at 100 a second), a connection on another port.
    const QByteArray header = "  sl  local_address rem_address   st tx_queue rx_queue tr "
                              "tm->when retrnsmt   uid  timeout inode\n";
    QTest::addColumn<QByteArray>("table");
    QTest::addColumn<QString>("protocol");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("tcp")
        << header + "   0: 0100007F:C350 00000000:0000 0A 00000000:00000000 00:00000000 "
                    "00000000  1000        0 123 1 0000000000000000 100 0 0 10 0\n"
                    "   1: 0100007F:C350 0100007F:9C40 06 00000000:00000000 03:00000F9C "
                    "00000000     0        0 0 3 0000000000000000\n"
                    "   2: 0100007F:1F90 0100007F:9C41 01 00000000:00000000 00:00000000 "
                    "00000000  1000        0 456 1 0000000000000000 20 4 30 10 -1\n"
        << "tcp"
        << QStringList{"127.0.0.1:50000 LISTEN uid 1000 inode 123 own",
                       "127.0.0.1:50000 TIME_WAIT uid 0 inode 0 39 s"};
    QTest::newRow("tcp6") << header + "   0: 00000000000000000000000001000000:C350 "
                                      "00000000000000000000000000000000:0000 0A 00000000:00000000 "
                                      "00:00000000 00000000  1001        0 789 1 0000000000000000\n"
                          << "tcp6" << QStringList{"[::1]:50000 LISTEN uid 1001 inode 789"};
    QTest::newRow("udp, bound")
        << header + "  7: 00000000:C350 00000000:0000 07 00000000:00000000 "
                    "00:00000000 00000000  1000        0 99 2 0000000000000000 0\n"
        << "udp" << QStringList{"0.0.0.0:50000 UNCONN uid 1000 inode 99 own"};
    QTest::newRow("nothing on the port")
        << header + "   0: 0100007F:1F90 00000000:0000 0A 00000000:00000000 00:00000000 "
                    "00000000  1000        0 1 1 0000000000000000 100 0 0 10 0\n"
        << "tcp" << QStringList{};
}

void TestPortOwners::portTablesAreReadAsTheKernelWritesThem()
{
    QFETCH(QByteArray, table);
    QFETCH(QString, protocol);
    QFETCH(QStringList, expected);
    QStringList seen;
    for (const PortOwners::Entry &e : PortOwners::parseTable(table, protocol, 50000, 1000)) {
        QString row =
            QStringLiteral("%1 %2 uid %3 inode %4").arg(e.local, e.state).arg(e.uid).arg(e.inode);
        if (e.ownUser && e.uid != 0)
            row += QStringLiteral(" own");
        if (e.secondsLeft >= 0)
            row += QStringLiteral(" %1 s").arg(e.secondsLeft);
        seen << row;
    }
    QCOMPARE(seen, expected);
}

void TestPortOwners::theLookupsPageNamesAPortsHolder()
{
    QProcess server;
    const int port = PythonServers::listen(&server);
    QVERIFY(port > 0);
    ServicesView view;
    view.findChild<QSpinBox *>(QStringLiteral("services.port"))->setValue(port);
    QTest::mouseClick(view.findChild<QPushButton *>(QStringLiteral("services.owners")),
                      Qt::LeftButton);
    QTRY_VERIFY(view.answerLabel()->text().startsWith(QStringLiteral("Port %1:").arg(port)));
    QVERIFY2(
        view.answerLabel()->text().contains(QStringLiteral("PID %1 (").arg(server.processId())) &&
            view.answerLabel()->text().contains(QStringLiteral("LISTEN")),
        qPrintable(view.answerLabel()->text()));
    server.kill();
    server.waitForFinished();
}

QTEST_MAIN(TestPortOwners)
#include "tst_portowners.moc"
