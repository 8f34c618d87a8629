// The socket module tour in the core: constants from the headers, getaddrinfo with its
// flags, services, hosts, interfaces, background look-ups and create_connection.
// Only names this machine resolves from its own files (localhost) or numeric addresses
// are used, so no test depends on a name server.

#include "AddrInfoLookup.h"
#include "BackgroundLookup.h"
#include "ConnectionAttempts.h"
#include "ConstantCatalog.h"
#include "DefaultSocketProbe.h"
#include "HostLookup.h"
#include "InterfaceList.h"
#include "LoopbackSession.h"
#include "PortRange.h"
#include "ServiceLookup.h"

#include <QSignalSpy>
#include <QTest>

#include <netdb.h>
#include <netinet/in.h>

class TestLookups : public QObject
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
    void parseValue_data();
    void parseValue();
    void addrInfo_data();
    void addrInfo();
    void addrInfoTypeFilter();
    void services_data();
    void services();
    void unknownServiceIsAnError();
    void portKinds_data();
    void portKinds();
    void hosts();
    void interfacesIncludeLoopback();
    void defaultSocket();
    void supersededAnswerNeverArrives();
    void cancelledAnswerNeverArrives();
    void createConnectionFallsBack();
    void createConnectionByName();
};

void TestLookups::knownConstants_data()
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

void TestLookups::knownConstants()
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

void TestLookups::everyGroupHasNames()
{
    for (const QString &group : ConstantCatalog::groups())
        QVERIFY2(!ConstantCatalog::instance().withPrefix(group).isEmpty(), qPrintable(group));
    const QList<SocketConstant> families =
        ConstantCatalog::instance().withPrefix(QStringLiteral("AF_"));
    for (int i = 1; i < families.size(); ++i)
        QVERIFY(families.at(i - 1).value <= families.at(i).value);
}

void TestLookups::groupsByLongestPrefix_data()
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

void TestLookups::groupsByLongestPrefix()
{
    QFETCH(QString, name);
    QFETCH(QString, group);
    QCOMPARE(ConstantCatalog::groupOf(name), group);
}

void TestLookups::collisionsAreFound()
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

void TestLookups::otherSystemsAndMeanings()
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

void TestLookups::parseValue_data()
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

void TestLookups::parseValue()
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

void TestLookups::addrInfo_data()
{
    QTest::addColumn<QString>("host");
    QTest::addColumn<QString>("service");
    QTest::addColumn<int>("family");
    QTest::addColumn<int>("flags");
    QTest::addColumn<QString>("error");
    QTest::addColumn<QString>("address");
    QTest::addColumn<QString>("canonical");

    QTest::newRow("localhost") << "localhost"
                               << "80" << AF_INET << 0 << ""
                               << "('127.0.0.1', 80)"
                               << "";
    QTest::newRow("service name") << "127.0.0.1"
                                  << "http" << AF_UNSPEC << 0 << ""
                                  << "('127.0.0.1', 80)"
                                  << "";
    QTest::newRow("ipv6 loopback") << "::1"
                                   << "80" << AF_INET6 << 0 << ""
                                   << "('::1', 80, 0, 0)"
                                   << "";
    QTest::newRow("AI_PASSIVE any v4") << ""
                                       << "50000" << AF_INET << int(AI_PASSIVE) << ""
                                       << "('0.0.0.0', 50000)"
                                       << "";
    QTest::newRow("AI_PASSIVE any v6") << ""
                                       << "50000" << AF_INET6 << int(AI_PASSIVE) << ""
                                       << "('::', 50000, 0, 0)"
                                       << "";
    QTest::newRow("no AI_PASSIVE is loopback") << ""
                                               << "50000" << AF_INET << 0 << ""
                                               << "('127.0.0.1', 50000)"
                                               << "";
    QTest::newRow("AI_CANONNAME") << "localhost"
                                  << "80" << AF_INET << int(AI_CANONNAME) << ""
                                  << "('127.0.0.1', 80)"
                                  << "localhost";
    QTest::newRow("AI_NUMERICHOST number") << "127.0.0.1"
                                           << "80" << AF_INET << int(AI_NUMERICHOST) << ""
                                           << "('127.0.0.1', 80)"
                                           << "";
    QTest::newRow("AI_NUMERICHOST rejects a name")
        << "localhost"
        << "80" << AF_UNSPEC << int(AI_NUMERICHOST) << "EAI_NONAME"
        << ""
        << "";
    QTest::newRow("AI_NUMERICSERV number") << "127.0.0.1"
                                           << "80" << AF_INET << int(AI_NUMERICSERV) << ""
                                           << "('127.0.0.1', 80)"
                                           << "";
    QTest::newRow("AI_NUMERICSERV rejects a name")
        << "127.0.0.1"
        << "http" << AF_INET << int(AI_NUMERICSERV) << "EAI_NONAME"
        << ""
        << "";
    QTest::newRow("AI_V4MAPPED") << "127.0.0.1"
                                 << "80" << AF_INET6 << int(AI_V4MAPPED) << ""
                                 << "('::ffff:127.0.0.1', 80, 0, 0)"
                                 << "";
    QTest::newRow("AI_ALL|AI_V4MAPPED") << "localhost"
                                        << "80" << AF_INET6 << int(AI_ALL | AI_V4MAPPED) << ""
                                        << "('::ffff:127.0.0.1', 80, 0, 0)"
                                        << "";
    QTest::newRow("AI_ADDRCONFIG numeric") << "127.0.0.1"
                                           << "80" << AF_UNSPEC << int(AI_ADDRCONFIG) << ""
                                           << "('127.0.0.1', 80)"
                                           << "";
    QTest::newRow("family mismatch") << "127.0.0.1"
                                     << "80" << AF_INET6 << 0 << "EAI_ADDRFAMILY"
                                     << ""
                                     << "";
}

void TestLookups::addrInfo()
{
    QFETCH(QString, host);
    QFETCH(QString, service);
    QFETCH(int, family);
    QFETCH(int, flags);
    QFETCH(QString, error);
    QFETCH(QString, address);
    QFETCH(QString, canonical);
    AddrInfoRequest request;
    request.host = host;
    request.service = service;
    request.family = family;
    request.flags = flags;
    const AddrInfoLookup::Answer answer = AddrInfoLookup::run(request);
    if (!error.isEmpty()) {
        QVERIFY(answer.entries.isEmpty());
        // glibc says EAI_ADDRFAMILY or EAI_NONAME for a family mismatch, depending on version.
        if (error == QLatin1String("EAI_ADDRFAMILY"))
            QVERIFY2(answer.error.name().startsWith(QStringLiteral("EAI_")),
                     qPrintable(answer.error.name()));
        else
            QCOMPARE(answer.error.name(), error);
        QVERIFY(!answer.error.message().isEmpty());
        QVERIFY(!answer.error.hint().isEmpty());
        return;
    }
    QVERIFY2(!answer.error.isError(), qPrintable(answer.error.message()));
    QVERIFY(!answer.entries.isEmpty());
    QStringList addresses;
    for (const AddrInfoEntry &e : answer.entries) {
        addresses << e.address.pythonTuple();
        QCOMPARE(e.address.family(), e.family);
    }
    QVERIFY2(addresses.contains(address), qPrintable(addresses.join(QLatin1Char(' '))));
    if (!canonical.isEmpty())
        QCOMPARE(answer.entries.first().canonicalName, canonical);
}

void TestLookups::addrInfoTypeFilter()
{
    AddrInfoRequest request;
    request.host = QStringLiteral("127.0.0.1");
    request.service = QStringLiteral("80");
    const AddrInfoLookup::Answer all = AddrInfoLookup::run(request);
    request.type = SOCK_STREAM;
    const AddrInfoLookup::Answer streams = AddrInfoLookup::run(request);
    QVERIFY(all.entries.size() > streams.entries.size());
    QCOMPARE(streams.entries.size(), 1);
    QCOMPARE(streams.entries.first().protocol, int(IPPROTO_TCP));
    QCOMPARE(streams.entries.first().pythonTuple(),
             QStringLiteral("(<AddressFamily.AF_INET: 2>, <SocketKind.SOCK_STREAM: 1>, 6, '', "
                            "('127.0.0.1', 80))"));
    QCOMPARE(request.pythonCall(), QStringLiteral("socket.getaddrinfo('127.0.0.1', 80, "
                                                  "socket.AF_UNSPEC, socket.SOCK_STREAM, 0, 0)"));
}

void TestLookups::services_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("port");
    QTest::newRow("ssh") << "ssh" << 22;
    QTest::newRow("http") << "http" << 80;
    QTest::newRow("https") << "https" << 443;
}

void TestLookups::services()
{
    QFETCH(QString, name);
    QFETCH(int, port);
    const ServiceLookup::Answer byName = ServiceLookup::byName(name, QStringLiteral("tcp"));
    QVERIFY2(!byName.error.isError(), "is netbase installed? (/etc/services)");
    QCOMPARE(byName.entries.first().port, port);
    const ServiceLookup::Answer byPort = ServiceLookup::byPort(port, QStringLiteral("tcp"));
    QCOMPARE(byPort.entries.first().name, name);
    bool inTable = false;
    for (const ServiceLookup::Entry &e : ServiceLookup::all().entries)
        inTable |= e.name == name && e.port == port;
    QVERIFY(inTable);
}

void TestLookups::unknownServiceIsAnError()
{
    const ServiceLookup::Answer a =
        ServiceLookup::byName(QStringLiteral("no-such-service"), QString());
    QCOMPARE(a.error.name(), QStringLiteral("OSError"));
    QCOMPARE(a.error.message(), QStringLiteral("service/proto not found"));
    QCOMPARE(ServiceLookup::byPort(70000, QString()).error.name(), QStringLiteral("OverflowError"));
}

void TestLookups::portKinds_data()
{
    QTest::addColumn<int>("port");
    QTest::addColumn<int>("kind");
    QTest::addColumn<bool>("serverWarning");
    QTest::newRow("22") << 22 << int(PortRange::Kind::WellKnown) << true;
    QTest::newRow("1023") << 1023 << int(PortRange::Kind::WellKnown) << true;
    QTest::newRow("8080") << 8080 << int(PortRange::Kind::Registered) << false;
    QTest::newRow("49152") << 49152 << int(PortRange::Kind::Dynamic) << true;
    QTest::newRow("70000") << 70000 << int(PortRange::Kind::Invalid) << false;
}

void TestLookups::portKinds()
{
    QFETCH(int, port);
    QFETCH(int, kind);
    QFETCH(bool, serverWarning);
    QCOMPARE(int(PortRange::kind(port)), kind);
    int first = 0, last = 0;
    const bool ephemeral =
        PortRange::ephemeralRange(&first, &last) && port >= first && port <= last;
    QCOMPARE(!PortRange::serverWarning(port).isEmpty(),
             serverWarning && (port < 1024 || ephemeral));
}

void TestLookups::hosts()
{
    QVERIFY(!HostLookup::hostname().isEmpty());
    const HostLookup::Answer local = HostLookup::byName(QStringLiteral("localhost"));
    QVERIFY2(!local.error.isError(), qPrintable(local.error.message()));
    QVERIFY(local.addresses.contains(QStringLiteral("127.0.0.1")));
    const HostLookup::Answer reverse =
        HostLookup::nameInfo(QStringLiteral("127.0.0.1"), 80, NI_NUMERICSERV);
    QVERIFY(!reverse.error.isError());
    QCOMPARE(reverse.service, QStringLiteral("80"));
    QVERIFY(!reverse.host.isEmpty());
    const HostLookup::Answer numeric =
        HostLookup::nameInfo(QStringLiteral("::1"), 22, NI_NUMERICHOST);
    QCOMPARE(numeric.host, QStringLiteral("::1"));
    QCOMPARE(numeric.service, QStringLiteral("ssh"));
    QCOMPARE(HostLookup::nameInfo(QStringLiteral("not an address"), 1, 0).error.name(),
             QStringLiteral("ValueError"));
}

void TestLookups::interfacesIncludeLoopback()
{
    bool loopback = false;
    for (const InterfaceList::Entry &e : InterfaceList::current())
        loopback |= e.isLoopback && e.ipv4.contains(QStringLiteral("127.0.0.1"));
    QVERIFY(loopback);
}

void TestLookups::defaultSocket()
{
    const DefaultSocketProbe::Answer a = DefaultSocketProbe::probe();
    QVERIFY(!a.error.isError());
    QCOMPARE(a.family, int(AF_INET));
    QCOMPARE(a.type, int(SOCK_STREAM));
    QCOMPARE(a.kernelProtocol, int(IPPROTO_TCP));
    QVERIFY(a.pythonRepr.contains(QStringLiteral("family=AF_INET, type=SOCK_STREAM, proto=0")));
}

void TestLookups::supersededAnswerNeverArrives()
{
    BackgroundLookup lookup;
    QStringList delivered;
    const auto ask = [&lookup, &delivered](const QString &host) {
        lookup.run<AddrInfoLookup::Answer>(
            [host] {
                AddrInfoRequest r;
                r.host = host;
                r.service = QStringLiteral("80");
                return AddrInfoLookup::run(r);
            },
            [&delivered](const AddrInfoLookup::Answer &a) { delivered << a.request.host; });
    };
    QSignalSpy dropped(&lookup, &BackgroundLookup::staleAnswerDropped);
    ask(QStringLiteral("127.0.0.1"));
    ask(QStringLiteral("::1"));
    QVERIFY(lookup.isBusy());
    QTRY_COMPARE(delivered.size() + dropped.count(), 2);
    QCOMPARE(delivered, QStringList{QStringLiteral("::1")});
    QCOMPARE(lookup.droppedCount(), 1);
    QVERIFY(!lookup.isBusy());
}

void TestLookups::cancelledAnswerNeverArrives()
{
    BackgroundLookup lookup;
    bool delivered = false;
    QSignalSpy busy(&lookup, &BackgroundLookup::busyChanged);
    lookup.run<int>([] { return 42; }, [&delivered](const int &) { delivered = true; });
    lookup.cancel();
    QTRY_COMPARE(lookup.droppedCount(), 1);
    QVERIFY(!delivered);
    QCOMPARE(busy.count(), 2);
}

void TestLookups::createConnectionFallsBack()
{
    LoopbackSession lab;
    quint16 port = 0;
    const QString server = lab.listeningServer(4, &port);
    QVERIFY(!server.isEmpty());
    ConnectionAttempts attempts(&lab.session());
    QSignalSpy finished(&attempts, &ConnectionAttempts::finished);
    // The listener is on 127.0.0.1 only, so ::1 refuses first, as with "localhost" on a
    // machine whose resolver lists ::1 before 127.0.0.1.
    attempts.tryAddresses(QStringLiteral("localhost"),
                          {SocketAddress(AF_INET6, QStringLiteral("::1"), port),
                           SocketAddress(AF_INET, QStringLiteral("127.0.0.1"), port)});
    QTRY_COMPARE(finished.count(), 1);
    QCOMPARE(finished.first().at(1).toBool(), true);
    QCOMPARE(attempts.summary(),
             QStringLiteral("localhost → ::1 ECONNREFUSED → 127.0.0.1 connected"));
    const QString connected = finished.first().at(0).toString();
    QCOMPARE(connected, QStringLiteral("client#2"));
    QCOMPARE(lab.session().socket(QStringLiteral("client#1")).state, SocketState::Closed);
    QCOMPARE(lab.session().socket(connected).state, SocketState::Connected);
    QCOMPARE(lab.session().socket(connected).family, int(AF_INET));
}

void TestLookups::createConnectionByName()
{
    LoopbackSession lab;
    quint16 port = 0;
    QVERIFY(!lab.listeningServer(4, &port).isEmpty());
    ConnectionAttempts attempts(&lab.session());
    QSignalSpy finished(&attempts, &ConnectionAttempts::finished);
    attempts.start(QStringLiteral("localhost"), port);
    QTRY_COMPARE(finished.count(), 1);
    QCOMPARE(finished.first().at(1).toBool(), true);
    QVERIFY(attempts.summary().endsWith(QStringLiteral("127.0.0.1 connected")));
}

QTEST_GUILESS_MAIN(TestLookups)
#include "tst_lookups.moc"
