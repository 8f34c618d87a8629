// SPDX-License-Identifier: MIT
// The bad input catalogue (docs/bad-input.md) as a test: every row is an input a user might
// give, and the clear message it must get. Nothing may crash and nothing may be changed
// silently.

#include "FreePort.h"
#include "LoopbackSession.h"
#include "calls/AddressInput.h"
#include "calls/HostPortText.h"
#include "present/EscapeCodec.h"
#include "trace/TraceFormat.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <netinet/in.h>

class TestBadInput : public QObject
{
    Q_OBJECT

private slots:
    void addresses_data();
    void addresses();
    void messages_data();
    void messages();
    void traceLines_data();
    void traceLines();
    void recvSizes_data();
    void recvSizes();
    void commandLines_data();
    void commandLines();
    void screenshotOfAStepAfterAFailedOne();
    void windowWithoutDisplay_data();
    void windowWithoutDisplay();
};

void TestBadInput::addresses_data()
{
    QTest::addColumn<int>("family");
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");
    QTest::addColumn<QString>("message");
    QTest::newRow("octet over 255") << AF_INET << "999.1.1.1" << 80 << "not a valid IPv4 address";
    QTest::newRow("five parts") << AF_INET << "1.2.3.4.5" << 80 << "not a valid IPv4 address";
    QTest::newRow("trailing dot number")
        << AF_INET << "127.0.0." << 80 << "not a valid IPv4 address";
    QTest::newRow("IPv6 on AF_INET")
        << AF_INET << "::1" << 80 << "is an IPv6 address, but this socket is AF_INET";
    QTest::newRow("IPv4 on AF_INET6")
        << AF_INET6 << "127.0.0.1" << 80 << "is an IPv4 address, but this socket is AF_INET6";
    QTest::newRow("space in name")
        << AF_INET << "my host" << 80 << "neither an IP address nor a host name";
    QTest::newRow("unbalanced bracket")
        << AF_INET6 << "[::1" << 80 << "neither an IP address nor a host name";
    QTest::newRow("double dot") << AF_INET << "a..b" << 80
                                << "neither an IP address nor a host name";
    QTest::newRow("port 65536") << AF_INET << "127.0.0.1" << 65536
                                << "port must be 0-65535, not 65536";
    QTest::newRow("port 70000") << AF_INET << "127.0.0.1" << 70000
                                << "port must be 0-65535, not 70000";
    QTest::newRow("port -1") << AF_INET << "127.0.0.1" << -1 << "port must be 0-65535, not -1";
}

void TestBadInput::addresses()
{
    QFETCH(int, family);
    QFETCH(QString, host);
    QFETCH(int, port);
    QFETCH(QString, message);
    const AddressInput::Result r = AddressInput::interpret(family, host, port);
    QVERIFY2(r.error.message().contains(message), qPrintable(r.error.message()));
    QVERIFY(!r.error.hint().isEmpty());
    QVERIFY(!r.needsLookup);
}

void TestBadInput::messages_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QString>("mode");
    QTest::addColumn<QString>("message");
    QTest::newRow("unknown escape") << "hi\\q"
                                    << "utf8"
                                    << "unknown escape \\q";
    QTest::newRow("lone backslash") << "end\\"
                                    << "utf8"
                                    << "lone backslash";
    QTest::newRow("short \\x") << "\\x4"
                               << "utf8"
                               << "two hex digits";
    QTest::newRow("bad \\x") << "\\xg0"
                             << "utf8"
                             << "two hex digits";
    QTest::newRow("non-ASCII in ASCII") << QStringLiteral("naïve") << "ascii"
                                        << "is not ASCII";
    QTest::newRow("euro in Latin-1") << QStringLiteral("5 €") << "latin1"
                                     << "does not exist in Latin-1";
    QTest::newRow("emoji in Latin-1") << QStringLiteral("😀") << "latin1"
                                      << "does not exist in Latin-1";
    QTest::newRow("odd hex") << "48 6"
                             << "hex"
                             << "odd number of hex digits";
    QTest::newRow("not hex") << "48 zz"
                             << "hex"
                             << "is not a hex digit";
    QTest::newRow("0x prefix in hex") << "0x48"
                                      << "hex"
                                      << "is not a hex digit";
}

void TestBadInput::messages()
{
    QFETCH(QString, typed);
    QFETCH(QString, mode);
    QFETCH(QString, message);
    const EscapeCodec::Result r = mode == QLatin1String("hex") ? EscapeCodec::fromHex(typed)
                                  : mode == QLatin1String("ascii")
                                      ? EscapeCodec::fromText(typed, EscapeCodec::Encoding::Ascii)
                                  : mode == QLatin1String("latin1")
                                      ? EscapeCodec::fromText(typed, EscapeCodec::Encoding::Latin1)
                                      : EscapeCodec::fromText(typed, EscapeCodec::Encoding::Utf8);
    QVERIFY2(r.error.contains(message), qPrintable(r.error));
    QVERIFY(r.bytes.isEmpty()); // nothing half-parsed is ever sent
    QVERIFY(r.errorPosition >= 0 && r.errorPosition < typed.size());
}

void TestBadInput::traceLines_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<QString>("message");
    QTest::newRow("not JSON") << QByteArray("hello") << "";
    QTest::newRow("JSON array") << QByteArray("[1,2]") << "not a JSON object";
    QTest::newRow("no socket") << QByteArray("{\"call\":\"recv\",\"phase\":\"returned\"}")
                               << "no \"socket\"";
    QTest::newRow("unknown call")
        << QByteArray("{\"socket\":\"a\",\"call\":\"fly\",\"phase\":\"returned\"}")
        << "unknown call";
    QTest::newRow("unknown phase")
        << QByteArray("{\"socket\":\"a\",\"call\":\"recv\",\"phase\":\"done\"}") << "unknown phase";
    QTest::newRow("bad hex data") << QByteArray("{\"socket\":\"a\",\"call\":\"recv\",\"phase\":"
                                                "\"returned\",\"bytes\":1,\"data_hex\":\"zz\"}")
                                  << "data_hex is not hex";
    QTest::newRow("odd hex data") << QByteArray("{\"socket\":\"a\",\"call\":\"recv\",\"phase\":"
                                                "\"returned\",\"bytes\":1,\"data_hex\":\"486\"}")
                                  << "data_hex is not hex";
    // Found by scripts/fuzz: a time this large overflowed when the trace was written again.
    QTest::newRow("huge time") << QByteArray("{\"socket\":\"a\",\"call\":\"recv\",\"phase\":"
                                             "\"returned\",\"t_ms\":6.8e19}")
                               << "t_ms 6.8e+19 is out of range";
    QTest::newRow("a later format") << QByteArray("{\"v\":3,\"socket\":\"a\",\"call\":"
                                                  "\"close\",\"phase\":\"returned\"}")
                                    << "written by a newer SocketLab (trace format 3; this one "
                                       "reads up to 2)";
    QTest::newRow("a version that is not one")
        << QByteArray("{\"v\":\"2\",\"socket\":\"a\",\"call\":\"close\",\"phase\":\"returned\"}")
        << "\"v\" is not a trace format version";
    QTest::newRow("a fractional version")
        << QByteArray("{\"v\":1.5,\"socket\":\"a\",\"call\":\"close\",\"phase\":\"returned\"}")
        << "\"v\" is not a trace format version";
    QTest::newRow("negative time") << QByteArray("{\"socket\":\"a\",\"call\":\"close\","
                                                 "\"phase\":\"returned\",\"t_ms\":-5}")
                                   << "t_ms -5 is out of range";
}

void TestBadInput::traceLines()
{
    QFETCH(QByteArray, line);
    QFETCH(QString, message);
    SocketEvent e;
    QString error;
    QVERIFY(!TraceFormat::fromLine(line, &e, &error));
    QVERIFY(!error.isEmpty());
    QVERIFY2(error.contains(message), qPrintable(error));
}

void TestBadInput::recvSizes_data()
{
    QTest::addColumn<int>("bufsize");
    QTest::addColumn<QString>("message");
    QTest::newRow("negative") << -1 << "negative buffersize in recv";
    QTest::newRow("very negative") << -2147483647 << "negative buffersize in recv";
}

void TestBadInput::recvSizes()
{
    QFETCH(int, bufsize);
    QFETCH(QString, message);
    LoopbackSession lab;
    QString client, conn;
    QVERIFY(lab.connectedPair(&client, &conn));
    lab.session().recv(conn, bufsize);
    const SocketEvent e = lab.events().waitForEnd(conn, SocketCall::Recv);
    QCOMPARE(e.phase, CallPhase::Failed);
    QCOMPARE(e.error.message(), message);
    QCOMPARE(lab.session().socket(conn).state, SocketState::Connected);
}

void TestBadInput::commandLines_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("message");
    QTest::newRow("no command") << QStringList{} << 2 << "Usage: socketlab-cli COMMAND";
    QTest::newRow("unknown command") << QStringList{"listen"} << 2 << "unknown command 'listen'";
    QTest::newRow("serve unknown option")
        << QStringList{"serve", "--port", "1"} << 2 << "Unknown option 'port'";
    QTest::newRow("serve bad mode")
        << QStringList{"serve", "--mode", "ftp"} << 2 << "unknown mode 'ftp'";
    QTest::newRow("serve no port")
        << QStringList{"serve", "--bind", "localhost"} << 2 << "is not HOST:PORT";
    QTest::newRow("serve port word")
        << QStringList{"serve", "--bind", "127.0.0.1:http"} << 2 << "is not a port number";
    QTest::newRow("serve bare IPv6")
        << QStringList{"serve", "--bind", "::1:80"} << 2 << "is not HOST:PORT";
    QTest::newRow("serve negative backlog")
        << QStringList{"serve", "--backlog", "-3"} << 2 << "--backlog needs a number";
    QTest::newRow("serve word backlog")
        << QStringList{"serve", "--backlog", "many"} << 2 << "--backlog needs a number";
    // QString::toInt takes these; a person would not call them numbers.
    QTest::newRow("serve backlog with a space")
        << QStringList{"serve", "--backlog", " 7"} << 2 << "--backlog needs a number";
    QTest::newRow("serve backlog with a plus")
        << QStringList{"serve", "--backlog", "+5"} << 2 << "--backlog needs a number";
    QTest::newRow("serve port with a plus")
        << QStringList{"serve", "--bind", "127.0.0.1:+80"} << 2 << "is not a port number";
    QTest::newRow("serve extra argument") << QStringList{"serve", "--bind", "127.0.0.1:0", "echo"}
                                          << 2 << "unexpected argument 'echo'";
    QTest::newRow("lesson port with a space")
        << QStringList{"lesson", "backlog", "--port", "50000 "} << 2 << "--port needs a number";
    QTest::newRow("connect bad timeout") << QStringList{"connect", "127.0.0.1:1", "--timeout", "-1"}
                                         << 2 << "--timeout needs whole seconds";
    QTest::newRow("serve bad max")
        << QStringList{"serve", "--max-clients", "x"} << 2 << "--max-clients needs a number";
    QTest::newRow("serve bad reply")
        << QStringList{"serve", "--mode", "reply", "--reply", "\\x1"} << 2 << "--reply:";
    QTest::newRow("connect nothing") << QStringList{"connect"} << 2 << "give exactly one HOST:PORT";
    QTest::newRow("connect two") << QStringList{"connect", "a:1", "b:2"} << 2
                                 << "give exactly one HOST:PORT";
    QTest::newRow("connect bad recv")
        << QStringList{"connect", "127.0.0.1:1", "--recv", "lots"} << 2 << "--recv needs a number";
    QTest::newRow("connect bad escape")
        << QStringList{"connect", "127.0.0.1:1", "--send", "\\"} << 2 << "lone backslash";
    QTest::newRow("lookup bad number")
        << QStringList{"lookup", "value", "ten"} << 2 << "is not a number";
    QTest::newRow("lookup bad port")
        << QStringList{"lookup", "port", "eighty"} << 2 << "is not a port number";
    QTest::newRow("lookup bad type")
        << QStringList{"lookup", "addrinfo", "localhost", "80", "--type", "SOCK_FAST"} << 2
        << "unknown type";
    QTest::newRow("export bad language")
        << QStringList{"export", "--to", "java", "x.jsonl"} << 2 << "--to python or c";
    QTest::newRow("export missing file")
        << QStringList{"export", "/nonexistent/trace.jsonl"} << 1 << "/nonexistent/trace.jsonl";
}

void TestBadInput::commandLines()
{
    QFETCH(QStringList, args);
    QFETCH(int, code);
    QFETCH(QString, message);
    QProcess cli;
    cli.start(QStringLiteral(SOCKETLAB_CLI), args);
    QVERIFY(cli.waitForFinished(10000));
    QCOMPARE(cli.exitStatus(), QProcess::NormalExit); // no crash
    QCOMPARE(cli.exitCode(), code);
    const QString err = QString::fromUtf8(cli.readAllStandardError());
    QVERIFY2(err.contains(message), qPrintable(err));
}

// A lesson that fails before the step asked for (its port taken, a peer gone) stops there:
// a screenshot of the later step would never come, and the command must not wait for it.
void TestBadInput::screenshotOfAStepAfterAFailedOne()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const quint16 closedPort = freePort();
    QVERIFY(closedPort > 0);
    QFile lesson(dir.filePath(QStringLiteral("refused.lesson")));
    QVERIFY(lesson.open(QIODevice::WriteOnly));
    lesson.write(QStringLiteral("lesson: refused\n"
                                "title: The second step fails\n"
                                "step: A client socket\n"
                                "say: The client asks for a socket.\n"
                                "do: client socket\n"
                                "step: Nobody listens there\n"
                                "say: Nothing listens on this port.\n"
                                "do: client connect {host} {port}\n"
                                "step: Never reached\n"
                                "say: The lesson stopped before this.\n"
                                "do: client close\n")
                     .toUtf8());
    lesson.close();
    // {port} is the server pane's port: the closed one (a lesson may reach only its own
    // sockets and the address chosen for it).
    QDir(dir.path()).mkpath(QStringLiteral("SocketLab"));
    QFile settings(dir.filePath(QStringLiteral("SocketLab/SocketLab.conf")));
    QVERIFY(settings.open(QIODevice::WriteOnly));
    settings.write(QStringLiteral("[server]\nhost=127.0.0.1\nport=%1\n").arg(closedPort).toUtf8());
    settings.close();
    const QString picture = dir.filePath(QStringLiteral("step3.png"));
    QProcess window;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), dir.path());
    window.setProcessEnvironment(env);
    window.start(QStringLiteral(SOCKETLAB_GUI),
                 {QStringLiteral("-platform"), QStringLiteral("offscreen"),
                  QStringLiteral("--lesson"), lesson.fileName(), QStringLiteral("--step"),
                  QStringLiteral("3"), QStringLiteral("--screenshot"), picture});
    QVERIFY(window.waitForFinished(10000));
    QCOMPARE(window.exitStatus(), QProcess::NormalExit);
    QCOMPARE(window.exitCode(), 1);
    const QString err = QString::fromUtf8(window.readAllStandardError());
    QVERIFY2(err.contains(QStringLiteral("step 2 of the lesson failed, so step 3 is never "
                                         "reached")),
             qPrintable(err));
    QVERIFY2(err.contains(QStringLiteral("ECONNREFUSED")), qPrintable(err));
    QVERIFY(!QFileInfo::exists(picture));
}

void TestBadInput::windowWithoutDisplay_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("output"); // on stdout for exit code 0, else on stderr
    QTest::newRow("no arguments") << QStringList() << 1 << "no display to open the window on";
    QTest::newRow("a lesson") << QStringList{"--lesson", "backlog"} << 1
                              << "-platform offscreen --screenshot FILE";
    QTest::newRow("version") << QStringList{"--version"} << 0 << "socketlab " SOCKETLAB_VERSION;
    QTest::newRow("help") << QStringList{"--help"} << 0 << "--latency-report";
    QTest::newRow("unknown option") << QStringList{"--colour"} << 2 << "Unknown option 'colour'";
    QTest::newRow("unknown theme") << QStringList{"--theme", "purple"} << 2 << "unknown theme";
    QTest::newRow("zero backlog") << QStringList{"--serve", "127.0.0.1:0", "--backlog", "0"} << 2
                                  << "--backlog needs a number from 1 to 4096";
    QTest::newRow("step without lesson") << QStringList{"--step", "3"} << 2 << "--step needs";
    QTest::newRow("backlog with a plus") << QStringList{"--serve", "127.0.0.1:0", "--backlog", "+5"}
                                         << 2 << "--backlog needs a number from 1 to 4096";
    // A file from the desktop's Open With: one that is not there is an error, not ignored.
    QTest::newRow("missing file") << QStringList{"/nonexistent/session.sltrace"} << 2
                                  << "/nonexistent/session.sltrace: no such file";
    QTest::newRow("two files") << QStringList{"/etc/hostname", "/etc/hosts"} << 2
                               << "give at most one FILE";
}

// Where no window can open (over SSH, in a container), Qt would abort with a core dump;
// the window's command line must still answer, and say what to do instead.
void TestBadInput::windowWithoutDisplay()
{
    QFETCH(QStringList, args);
    QFETCH(int, code);
    QFETCH(QString, output);
    QProcess window;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char *variable : {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"})
        env.remove(QString::fromLatin1(variable));
    env.insert(QStringLiteral("LANGUAGE"), QStringLiteral("en"));
    window.setProcessEnvironment(env);
    window.start(QStringLiteral(SOCKETLAB_GUI), args);
    QVERIFY(window.waitForFinished(10000));
    QCOMPARE(window.exitStatus(), QProcess::NormalExit); // no abort
    QCOMPARE(window.exitCode(), code);
    const QString text = QString::fromUtf8(code == 0 ? window.readAllStandardOutput()
                                                     : window.readAllStandardError());
    QVERIFY2(text.contains(output), qPrintable(text));
}

QTEST_GUILESS_MAIN(TestBadInput)
#include "tst_badinput.moc"
