// SPDX-License-Identifier: MIT
// The socket module tour in the core: getaddrinfo with its flags, services, hosts,
// interfaces, background look-ups and create_connection.
// Only names this machine resolves from its own files (localhost) or numeric addresses
// are used, so no test depends on a name server.

#include "LoopbackSession.h"
#include "calls/PortRange.h"
#include "lookup/AddrInfoLookup.h"
#include "lookup/BackgroundLookup.h"
#include "lookup/HostLookup.h"
#include "lookup/InterfaceList.h"
#include "lookup/ServiceLookup.h"
#include "session/ConnectionAttempts.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QSignalSpy>
#include <QTest>

#include <netdb.h>
#include <netinet/in.h>

class TestLookups : public QObject
{
    Q_OBJECT

private slots:
    void addrInfo_data();
    void addrInfo();
    void addrInfoTypeFilter();
    void addrInfoSaysWhenAPortWraps();
    void services_data();
    void services();
    void unknownServiceIsAnError();
    void portKinds_data();
    void portKinds();
    void hosts();
    void hostAnswerReadsBackInPython_data();
    void hostAnswerReadsBackInPython();
    void interfacesIncludeLoopback();
    void supersededAnswerNeverArrives();
    void cancelledAnswerNeverArrives();
    void createConnectionFallsBack();
    void createConnectionByName();
};

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

// getaddrinfo keeps a numeric service's low 16 bits, as the real C library (and so Python)
// does; the answer says so instead of showing another port without a word.
void TestLookups::addrInfoSaysWhenAPortWraps()
{
    AddrInfoRequest request;
    request.host = QStringLiteral("127.0.0.1");
    request.type = SOCK_STREAM;
    request.service = QStringLiteral("99999");
    const AddrInfoLookup::Answer wrapped = AddrInfoLookup::run(request);
    QCOMPARE(wrapped.entries.size(), 1);
    QCOMPARE(wrapped.entries.first().address.port(), quint16(34463)); // 99999 - 65536
    QVERIFY2(wrapped.note.contains(QStringLiteral("34463")), qPrintable(wrapped.note));
    request.service = QStringLiteral("65535");
    QVERIFY(AddrInfoLookup::run(request).note.isEmpty());
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
    // As in Python: a name is not an address (gaierror), what inet_aton takes is one, and
    // the port must fit in 16 bits.
    const HostLookup::Answer name = HostLookup::nameInfo(QStringLiteral("not an address"), 1, 0);
    QCOMPARE(name.error.code(), EAI_NONAME);
    QVERIFY2(name.error.pythonException().startsWith(QStringLiteral("socket.gaierror")),
             qPrintable(name.error.pythonException()));
    QCOMPARE(HostLookup::nameInfo(QStringLiteral("1.2.3"), 0, NI_NUMERICHOST).host,
             QStringLiteral("1.2.0.3"));
    QCOMPARE(HostLookup::nameInfo(QStringLiteral("127.0.0.1"), 65536, 0).error.name(),
             QStringLiteral("OverflowError"));
}

void TestLookups::hostAnswerReadsBackInPython_data()
{
    QTest::addColumn<QString>("canonical");
    QTest::addColumn<QStringList>("aliases");
    QTest::addColumn<QStringList>("addresses");
    QTest::newRow("localhost") << "localhost" << QStringList{} << QStringList{"127.0.0.1"};
    QTest::newRow("aliases") << "db.lan" << QStringList{"db", "pg"}
                             << QStringList{"192.0.2.7", "192.0.2.8"};
    // /etc/hosts may say anything; the answer must still read back as these strings.
    QTest::newRow("quote and backslash") << "it's" << QStringList{"a\\b', 1)#"} << QStringList{};
    QTest::newRow("not ascii") << QString::fromUtf8("m\xc3\xbcnchen") << QStringList{"\n"}
                               << QStringList{};
}

void TestLookups::hostAnswerReadsBackInPython()
{
    QFETCH(QString, canonical);
    QFETCH(QStringList, aliases);
    QFETCH(QStringList, addresses);
    HostLookup::Answer a;
    a.canonicalName = canonical;
    a.aliases = aliases;
    a.addresses = addresses;
    QProcess python;
    python.start(QStringLiteral("python3"),
                 {QStringLiteral("-c"),
                  QStringLiteral("import ast, json, sys\n"
                                 "print(json.dumps(ast.literal_eval(sys.argv[1])))"),
                  a.pythonTuple()});
    QVERIFY(python.waitForFinished(10000));
    const QJsonArray back = QJsonDocument::fromJson(python.readAllStandardOutput()).array();
    QCOMPARE(back.size(), 3);
    QCOMPARE(back.at(0).toString(), canonical);
    QCOMPARE(back.at(1).toVariant().toStringList(), aliases);
    QCOMPARE(back.at(2).toVariant().toStringList(), addresses);
}

void TestLookups::interfacesIncludeLoopback()
{
    bool loopback = false;
    for (const InterfaceList::Entry &e : InterfaceList::current())
        loopback |= e.isLoopback && e.ipv4.contains(QStringLiteral("127.0.0.1"));
    QVERIFY(loopback);
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
