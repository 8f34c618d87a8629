// SPDX-License-Identifier: MIT
// socketlab-cli lookup: every subcommand, as text and as JSON, and its errors.

#include "PythonServers.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTest>

#include <unistd.h>

namespace {
const QString cli = QStringLiteral(SOCKETLAB_CLI);

struct Run
{
    int code = -1;
    QString out;
    QString err;
};

Run lookup(const QStringList &args)
{
    QProcess p;
    p.start(cli, QStringList{QStringLiteral("lookup")} + args);
    Run r;
    if (!p.waitForFinished(20000))
        return r;
    r.code = p.exitCode();
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}
} // namespace

class TestCliLookup : public QObject
{
    Q_OBJECT

private slots:
    void text_data();
    void text();
    void json();
    void errors_data();
    void errors();
    void portOwnerNamesTheProgramHoldingAPort();
    void portOwnerShowsWhatTheKernelRemembers();
    void anotherUsersProgramIsNotNamed();
};

void TestCliLookup::text_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("constants AF_")
        << QStringList{"constants", "AF_"}
        << QStringList{"AF_INET                2", "[Linux 10, macOS 30, Windows 23]",
                       "(same value as AF_LOCAL"};
    QTest::newRow("value 0 in IPPROTO_") << QStringList{"value", "0", "--group", "IPPROTO_"}
                                         << QStringList{"IPPROTO_IP", "IPPROTO_HOPOPTS"};
    QTest::newRow("addrinfo")
        << QStringList{"addrinfo", "localhost", "http", "--family", "INET", "--type", "STREAM"}
        << QStringList{
               "socket.getaddrinfo('localhost', 'http', socket.AF_INET, socket.SOCK_STREAM, 0, 0)",
               "AF_INET (2)", "SOCK_STREAM (1)", "IPPROTO_TCP (6)", "('127.0.0.1', 80)"};
    QTest::newRow("addrinfo flags")
        << QStringList{"addrinfo", "localhost", "80",          "--family",
                       "AF_INET",  "--flags",   "AI_CANONNAME"}
        << QStringList{"'localhost'  ('127.0.0.1', 80)"};
    QTest::newRow("addrinfo ipv6") << QStringList{"addrinfo", "::1", "50000", "--proto", "tcp"}
                                   << QStringList{"('::1', 50000, 0, 0)"};
    // Options as every other command takes them: with '=', before or after the words.
    QTest::newRow("option with =")
        << QStringList{"addrinfo", "--family=AF_INET6", "::1", "50000", "--type=STREAM"}
        << QStringList{"socket.AF_INET6", "('::1', 50000, 0, 0)"};
    QTest::newRow("help lists the subcommands")
        << QStringList{"--help"} << QStringList{"--family <F>", "port-owner PORT", "--json"};
    QTest::newRow("service") << QStringList{"service", "ssh"}
                             << QStringList{"ssh  22/tcp  well-known"};
    QTest::newRow("port") << QStringList{"port", "443", "--proto", "tcp"}
                          << QStringList{"https  443/tcp"};
    QTest::newRow("host") << QStringList{"host", "localhost"}
                          << QStringList{"gethostbyname: '127.0.0.1'",
                                         "gethostbyname_ex: ('localhost', [], ['127.0.0.1'])"};
    QTest::newRow("interfaces") << QStringList{"interfaces"}
                                << QStringList{"(loopback)", "127.0.0.1"};
    QTest::newRow("defaults") << QStringList{"defaults"}
                              << QStringList{"family=2, type=1, proto=0, laddr=('0.0.0.0', 0)>",
                                             "family AF_INET (2), type SOCK_STREAM (1)",
                                             "the kernel chose IPPROTO_TCP (6)"};
}

void TestCliLookup::text()
{
    QFETCH(QStringList, args);
    QFETCH(QStringList, expected);
    const Run r = lookup(args);
    QCOMPARE(r.code, 0);
    for (const QString &part : expected)
        QVERIFY2(r.out.contains(part),
                 qPrintable(QStringLiteral("missing %1 in:\n%2").arg(part, r.out)));
}

void TestCliLookup::json()
{
    Run r =
        lookup({QStringLiteral("constants"), QStringLiteral("SOCK_"), QStringLiteral("--json")});
    QCOMPARE(r.code, 0);
    const QJsonArray constants = QJsonDocument::fromJson(r.out.toUtf8()).array();
    QVERIFY(!constants.isEmpty());
    bool stream = false;
    for (const QJsonValue &v : constants)
        stream |=
            v.toObject().value(QStringLiteral("name")).toString() == QLatin1String("SOCK_STREAM") &&
            v.toObject().value(QStringLiteral("value")).toInt() == 1;
    QVERIFY(stream);

    r = lookup({QStringLiteral("addrinfo"), QStringLiteral("127.0.0.1"), QStringLiteral("80"),
                QStringLiteral("--type"), QStringLiteral("SOCK_STREAM"), QStringLiteral("--json")});
    QCOMPARE(r.code, 0);
    const QJsonObject first = QJsonDocument::fromJson(r.out.toUtf8()).array().first().toObject();
    QCOMPARE(first.value(QStringLiteral("family_name")).toString(), QStringLiteral("AF_INET"));
    QCOMPARE(first.value(QStringLiteral("host")).toString(), QStringLiteral("127.0.0.1"));
    QCOMPARE(first.value(QStringLiteral("port")).toInt(), 80);

    r = lookup({QStringLiteral("service"), QStringLiteral("http"), QStringLiteral("--json")});
    QCOMPARE(QJsonDocument::fromJson(r.out.toUtf8()).object().value(QStringLiteral("port")).toInt(),
             80);
    r = lookup({QStringLiteral("hostname"), QStringLiteral("--json")});
    QVERIFY(!QJsonDocument::fromJson(r.out.toUtf8())
                 .object()
                 .value(QStringLiteral("hostname"))
                 .toString()
                 .isEmpty());
}

void TestCliLookup::errors_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("message");
    QTest::newRow("numeric host flag")
        << QStringList{"addrinfo", "localhost", "80", "--flags", "NUMERICHOST"} << 1
        << "getaddrinfo failed: EAI_NONAME";
    QTest::newRow("numeric service flag")
        << QStringList{"addrinfo", "127.0.0.1", "http", "--flags", "AI_NUMERICSERV"} << 1
        << "AI_NUMERICSERV is set";
    QTest::newRow("unknown service")
        << QStringList{"service", "no-such-service"} << 1 << "getservbyname failed: OSError";
    QTest::newRow("unknown port") << QStringList{"port", "1", "--proto", "udp"} << 1
                                  << "getservbyport failed";
    QTest::newRow("unknown prefix")
        << QStringList{"constants", "XYZ_"} << 1 << "no constant starts with XYZ_";
    QTest::newRow("unknown flag") << QStringList{"addrinfo", "localhost", "80", "--flags",
                                                 "AI_FAST"}
                                  << 2 << "unknown flag 'AI_FAST'";
    QTest::newRow("unknown family")
        << QStringList{"addrinfo", "localhost", "80", "--family", "AF_MARS"} << 2
        << "unknown family";
    QTest::newRow("missing args") << QStringList{"addrinfo", "localhost"} << 2
                                  << "addrinfo needs HOST SERVICE";
    QTest::newRow("unknown lookup") << QStringList{"weather"} << 2 << "unknown lookup 'weather'";
    QTest::newRow("unknown option")
        << QStringList{"host", "localhost", "--colour"} << 2 << "Unknown option 'colour'";
    QTest::newRow("an option the lookup does not read")
        << QStringList{"host", "localhost", "--family", "AF_INET"} << 2 << "host takes no --family";
    QTest::newRow("option without its value")
        << QStringList{"service", "ssh", "--proto"} << 2 << "Missing value after '--proto'";
    QTest::newRow("nothing to look up") << QStringList{"--json"} << 2 << "which lookup?";
}

void TestCliLookup::errors()
{
    QFETCH(QStringList, args);
    QFETCH(int, code);
    QFETCH(QString, message);
    const Run r = lookup(args);
    QCOMPARE(r.code, code);
    QVERIFY2(r.err.contains(message), qPrintable(r.err));
}

void TestCliLookup::portOwnerNamesTheProgramHoldingAPort()
{
    QProcess server;
    const int port = PythonServers::listen(&server);
    QVERIFY(port > 0);
    const Run text = lookup({QStringLiteral("port-owner"), QString::number(port)});
    QCOMPARE(text.code, 0);
    QVERIFY2(text.out.contains(QStringLiteral("PID %1 (").arg(server.processId())) &&
                 text.out.contains(QStringLiteral("python3")) &&
                 text.out.contains(QStringLiteral("LISTEN")),
             qPrintable(text.out));
    const Run json =
        lookup({QStringLiteral("port-owner"), QString::number(port), QStringLiteral("--json")});
    const QJsonObject row = QJsonDocument::fromJson(json.out.toUtf8()).array().first().toObject();
    QCOMPARE(row.value(QStringLiteral("pid")).toInteger(), server.processId());
    QCOMPARE(row.value(QStringLiteral("state")).toString(), QStringLiteral("LISTEN"));
    QCOMPARE(row.value(QStringLiteral("local")).toString(),
             QStringLiteral("127.0.0.1:%1").arg(port));
    server.kill();
    server.waitForFinished();
}

void TestCliLookup::portOwnerShowsWhatTheKernelRemembers()
{
    // The server closes first, so its side of the connection waits in TIME_WAIT after the
    // program has gone: no holder, and the kernel's timer.
    const int port = PythonServers::leaveTimeWait();
    QVERIFY(port > 0);
    const Run text = lookup({QStringLiteral("port-owner"), QString::number(port)});
    QCOMPARE(text.code, 0);
    QVERIFY2(text.out.contains(QRegularExpression(QStringLiteral("TIME_WAIT, \\d+ s left"))),
             qPrintable(text.out));
    QVERIFY2(!text.out.contains(QStringLiteral("PID")), qPrintable(text.out));
}

void TestCliLookup::anotherUsersProgramIsNotNamed()
{
    if (::geteuid() != 0)
        QSKIP("needs root, to run the lookup as the user nobody (CI runs as root)");
    QProcess server;
    const int port = PythonServers::listen(&server);
    QVERIFY(port > 0);
    QProcess asNobody;
    asNobody.start(QStringLiteral("setpriv"),
                   {QStringLiteral("--reuid=nobody"), QStringLiteral("--regid=nogroup"),
                    QStringLiteral("--clear-groups"), cli, QStringLiteral("lookup"),
                    QStringLiteral("port-owner"), QString::number(port)});
    QVERIFY(asNobody.waitForFinished(20000));
    const QString out = QString::fromUtf8(asNobody.readAllStandardOutput());
    QVERIFY2(asNobody.exitCode() == 0, qPrintable(asNobody.readAllStandardError()));
    QVERIFY2(out.contains(QStringLiteral("another user's program, LISTEN")), qPrintable(out));
    QVERIFY2(!out.contains(QString::number(server.processId())), qPrintable(out));
    server.kill();
    server.waitForFinished();
}

QTEST_GUILESS_MAIN(TestCliLookup)
#include "tst_clilookup.moc"
