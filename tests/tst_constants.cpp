// SPDX-License-Identifier: MIT
// The constants table: generated from this system's headers, grouped by prefix, with
// meanings, other systems' values and the collisions a {value: name} dict would hide.

#include "lookup/ConstantCatalog.h"

#include <QFile>
#include <QProcess>
#include <QTest>

#include <cerrno>
#include <netdb.h>
#include <netinet/in.h>
#include <sys/socket.h>

class TestConstants : public QObject
{
    Q_OBJECT

private slots:
    void knownConstants_data();
    void knownConstants();
    void everyGroupHasNames();
    void groupsByLongestPrefix_data();
    void groupsByLongestPrefix();
    void collisionsAreFound();
    void otherSystemsAndMeanings();
    void linuxColumnMatchesThisSystem();
    void parseValue_data();
    void parseValue();
    void pythonNamesAreWhatPythonHas();
};

void TestConstants::knownConstants_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<qint64>("linuxValue");
    QTest::addColumn<qint64>("headerValue");
    QTest::newRow("AF_INET") << "AF_INET" << qint64(2) << qint64(AF_INET);
    QTest::newRow("AF_INET6") << "AF_INET6" << qint64(10) << qint64(AF_INET6);
    QTest::newRow("AF_UNIX") << "AF_UNIX" << qint64(1) << qint64(AF_UNIX);
    QTest::newRow("SOCK_STREAM") << "SOCK_STREAM" << qint64(1) << qint64(SOCK_STREAM);
    QTest::newRow("SOCK_DGRAM") << "SOCK_DGRAM" << qint64(2) << qint64(SOCK_DGRAM);
    QTest::newRow("IPPROTO_TCP") << "IPPROTO_TCP" << qint64(6) << qint64(IPPROTO_TCP);
    QTest::newRow("IPPROTO_UDP") << "IPPROTO_UDP" << qint64(17) << qint64(IPPROTO_UDP);
    QTest::newRow("SOL_SOCKET") << "SOL_SOCKET" << qint64(1) << qint64(SOL_SOCKET);
    QTest::newRow("SO_REUSEADDR") << "SO_REUSEADDR" << qint64(2) << qint64(SO_REUSEADDR);
    QTest::newRow("AI_NUMERICSERV") << "AI_NUMERICSERV" << qint64(0x400) << qint64(AI_NUMERICSERV);
    QTest::newRow("EAI_NONAME") << "EAI_NONAME" << qint64(-2) << qint64(EAI_NONAME);
    QTest::newRow("ECONNREFUSED") << "ECONNREFUSED" << qint64(111) << qint64(ECONNREFUSED);
    QTest::newRow("SHUT_WR") << "SHUT_WR" << qint64(1) << qint64(SHUT_WR);
}

void TestConstants::knownConstants()
{
    QFETCH(QString, name);
    QFETCH(qint64, linuxValue);
    QFETCH(qint64, headerValue);
    const SocketConstant *c = ConstantCatalog::instance().find(name);
    QVERIFY2(c, qPrintable(name));
    QCOMPARE(c->value, headerValue);
#ifdef __linux__
    QCOMPARE(c->value, linuxValue);
#else
    Q_UNUSED(linuxValue)
#endif
}

void TestConstants::everyGroupHasNames()
{
    for (const QString &group : ConstantCatalog::groups())
        QVERIFY2(!ConstantCatalog::instance().withPrefix(group).isEmpty(), qPrintable(group));
    const QList<SocketConstant> families =
        ConstantCatalog::instance().withPrefix(QStringLiteral("AF_"));
    for (int i = 1; i < families.size(); ++i)
        QVERIFY(families.at(i - 1).value <= families.at(i).value);
}

void TestConstants::groupsByLongestPrefix_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("group");
    QTest::newRow("errno") << "EPIPE"
                           << "E";
    QTest::newRow("resolver") << "EAI_NONAME"
                              << "EAI_";
    QTest::newRow("option") << "SO_REUSEADDR"
                            << "SO_";
    QTest::newRow("level") << "SOL_SOCKET"
                           << "SOL_";
    QTest::newRow("type") << "SOCK_STREAM"
                          << "SOCK_";
    QTest::newRow("ipv6") << "IPV6_V6ONLY"
                          << "IPV6_";
    QTest::newRow("ip") << "IP_TTL"
                        << "IP_";
    QTest::newRow("proto") << "IPPROTO_TCP"
                           << "IPPROTO_";
    QTest::newRow("none") << "socket"
                          << "";
}

void TestConstants::groupsByLongestPrefix()
{
    QFETCH(QString, name);
    QFETCH(QString, group);
    QCOMPARE(ConstantCatalog::groupOf(name), group);
}

void TestConstants::collisionsAreFound()
{
    const ConstantCatalog &catalog = ConstantCatalog::instance();
    QStringList zero;
    for (const SocketConstant &c : catalog.withValue(0, QStringLiteral("IPPROTO_")))
        zero << c.name;
    QVERIFY(zero.contains(QStringLiteral("IPPROTO_IP")));
    QVERIFY(zero.contains(QStringLiteral("IPPROTO_HOPOPTS")));

    bool unixAndLocal = false;
    for (const QList<SocketConstant> &shared : catalog.collisions(QStringLiteral("AF_"))) {
        QStringList names;
        for (const SocketConstant &c : shared)
            names << c.name;
        unixAndLocal |=
            names.contains(QStringLiteral("AF_UNIX")) && names.contains(QStringLiteral("AF_LOCAL"));
    }
    QVERIFY(unixAndLocal);
    QVERIFY(catalog.collisions(QStringLiteral("SOCK_")).isEmpty());
}

// The table of other systems' values is typed in from their headers; its Linux column can be
// checked against the values this (Linux) build was compiled with.
void TestConstants::linuxColumnMatchesThisSystem()
{
    int checked = 0;
    for (const SocketConstant &c : ConstantCatalog::instance().all()) {
        if (c.linuxValue.isEmpty())
            continue;
        bool ok = false;
        const qint64 value = c.linuxValue.toLongLong(&ok, 0);
        QVERIFY2(ok, qPrintable(c.name + QStringLiteral(": ") + c.linuxValue));
        QVERIFY2(value == c.value, qPrintable(QStringLiteral("%1: table %2, this system %3")
                                                  .arg(c.name, c.linuxValue)
                                                  .arg(c.value)));
        ++checked;
    }
    QVERIFY(checked >= 50);
}

void TestConstants::otherSystemsAndMeanings()
{
    const SocketConstant *inet6 = ConstantCatalog::instance().find(QStringLiteral("AF_INET6"));
    QVERIFY(inet6);
    QCOMPARE(inet6->linuxValue, QStringLiteral("10"));
    QCOMPARE(inet6->macosValue, QStringLiteral("30"));
    QCOMPARE(inet6->windowsValue, QStringLiteral("23"));
    QVERIFY(ConstantCatalog::instance().platformSources().contains(QStringLiteral("ws2def.h")));
    for (const char *name : {"AF_INET", "SOCK_STREAM", "IPPROTO_TCP", "SO_REUSEADDR", "AI_PASSIVE",
                             "EAI_NONAME", "ECONNREFUSED", "SHUT_WR", "MSG_PEEK", "TCP_NODELAY"})
        QVERIFY2(!ConstantCatalog::instance().find(QLatin1String(name))->meaning.isEmpty(), name);
    const SocketConstant *flag = ConstantCatalog::instance().find(QStringLiteral("AI_NUMERICSERV"));
    QCOMPARE(flag->valueText(), QStringLiteral("1024 (0x400)"));
}

void TestConstants::parseValue_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("group");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<qint64>("value");
    QTest::newRow("full name") << "AF_INET6"
                               << "AF_" << true << qint64(AF_INET6);
    QTest::newRow("short lower") << "inet6"
                                 << "AF_" << true << qint64(AF_INET6);
    QTest::newRow("number") << "23"
                            << "AF_" << true << qint64(23);
    QTest::newRow("hex") << "0x400"
                         << "AI_" << true << qint64(0x400);
    QTest::newRow("type") << "dgram"
                          << "SOCK_" << true << qint64(SOCK_DGRAM);
    QTest::newRow("unknown") << "nonsense"
                             << "AF_" << false << qint64(0);
}

void TestConstants::parseValue()
{
    QFETCH(QString, text);
    QFETCH(QString, group);
    QFETCH(bool, ok);
    QFETCH(qint64, value);
    qint64 parsed = 0;
    QCOMPARE(ConstantCatalog::instance().parseValue(text, group, &parsed), ok);
    if (ok)
        QCOMPARE(parsed, value);
}

void TestConstants::pythonNamesAreWhatPythonHas()
{
    // The page listed AF_LOCAL, which Python's socket module lacks. Asked of python3 itself,
    // when it is the version resources/constants/python.tsv was made with.
    QStringList names;
    for (const QString &group : ConstantCatalog::groups())
        for (const SocketConstant &c : ConstantCatalog::instance().withPrefix(group))
            names << c.name;
    names.removeDuplicates();
    QProcess python;
    python.start(QStringLiteral("python3"),
                 {QStringLiteral("-c"),
                  QStringLiteral("import errno, platform, socket, sys\n"
                                 "print('.'.join(platform.python_version_tuple()[:2]))\n"
                                 "for n in sys.stdin.read().split():\n"
                                 "    m = errno if n.startswith('E') and not "
                                 "n.startswith('EAI_') else socket\n"
                                 "    print(n, m.__name__ if hasattr(m, n) else '')\n")});
    if (!python.waitForStarted(10000))
        QSKIP("python3 is not installed");
    python.write(names.join(QLatin1Char(' ')).toUtf8());
    python.closeWriteChannel();
    QVERIFY(python.waitForFinished(20000));
    const QStringList lines = QString::fromUtf8(python.readAllStandardOutput())
                                  .split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QVERIFY(!lines.isEmpty());
    QFile table(QStringLiteral(":/constants/python.tsv"));
    QVERIFY(table.open(QIODevice::ReadOnly));
    const QString header = QString::fromUtf8(table.readLine());
    if (!header.contains(QStringLiteral("Python %1.").arg(lines.first())))
        QSKIP(qPrintable(QStringLiteral("python3 is %1; the table was made with another: %2")
                             .arg(lines.first(), header.trimmed())));
    int checked = 0;
    for (const QString &line : lines.mid(1)) {
        const QString name = line.section(QLatin1Char(' '), 0, 0);
        const QString module = line.section(QLatin1Char(' '), 1).trimmed();
        const SocketConstant *c = ConstantCatalog::instance().find(name);
        QVERIFY(c);
        QVERIFY2(c->pythonModule == module,
                 qPrintable(QStringLiteral("%1: table says '%2', python3 says '%3'")
                                .arg(name, c->pythonModule, module)));
        ++checked;
    }
    QCOMPARE(checked, names.size());
    QVERIFY(ConstantCatalog::instance().find(QStringLiteral("AF_LOCAL"))->pythonModule.isEmpty());
    QCOMPARE(ConstantCatalog::instance().find(QStringLiteral("AF_UNIX"))->pythonName(),
             QStringLiteral("socket.AF_UNIX"));
}

QTEST_GUILESS_MAIN(TestConstants)
#include "tst_constants.moc"
