// SPDX-License-Identifier: MIT
#include "LookupCommand.h"

#include "calls/OptionNumber.h"
#include "calls/PortRange.h"
#include "lookup/AddrInfoLookup.h"
#include "lookup/ConstantCatalog.h"
#include "lookup/HostLookup.h"
#include "lookup/InterfaceList.h"
#include "lookup/PortOwners.h"
#include "lookup/ServiceLookup.h"
#include "lookup/SocketNames.h"
#include "present/CodeLiteral.h"
#include "present/PythonForm.h"
#include "session/SocketSession.h"

#include <QCommandLineParser>
#include <QEventLoop>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>

namespace {
// The subcommands, after Qt's option list in --help and in every usage error.
const char subcommands[] =
    "Subcommands:\n"
    "  constants PREFIX        names starting with PREFIX (AF_, SOCK_, IPPROTO_, E…)\n"
    "  value N                 every name whose value is N (--group PREFIX narrows it)\n"
    "  addrinfo HOST SERVICE   getaddrinfo (--family, --type, --proto, --flags)\n"
    "  service NAME            getservbyname (--proto tcp|udp)\n"
    "  port N                  getservbyport (--proto tcp|udp)\n"
    "  host NAME               gethostbyname_ex\n"
    "  hostname                gethostname\n"
    "  interfaces              this machine's interfaces and addresses\n"
    "  defaults                what a bare socket.socket() gets\n"
    "  port-owner PORT         who holds a TCP or UDP port, and what the kernel still\n"
    "                          remembers on it (TIME_WAIT), as ss -tulpn shows it\n";

QJsonObject constantJson(const SocketConstant &c)
{
    QJsonObject o{{QStringLiteral("name"), c.name},
                  {QStringLiteral("value"), c.value},
                  {QStringLiteral("group"), c.group},
                  {QStringLiteral("meaning"), c.meaning},
                  {QStringLiteral("python"), c.pythonName()}};
    if (!c.linuxValue.isEmpty())
        o.insert(QStringLiteral("other_systems"),
                 QJsonObject{{QStringLiteral("linux"), c.linuxValue},
                             {QStringLiteral("macos"), c.macosValue},
                             {QStringLiteral("windows"), c.windowsValue}});
    return o;
}

QString constantLine(const SocketConstant &c, const QStringList &sameValue)
{
    QString line =
        QStringLiteral("%1 %2  %3").arg(c.name, -22).arg(c.valueText(), -14).arg(c.meaning);
    if (!c.linuxValue.isEmpty())
        line += QStringLiteral("  [Linux %1, macOS %2, Windows %3]")
                    .arg(c.linuxValue, c.macosValue, c.windowsValue);
    if (!sameValue.isEmpty())
        line += QStringLiteral("  (same value as %1)").arg(sameValue.join(QStringLiteral(", ")));
    if (c.pythonModule.isEmpty())
        line += QStringLiteral("  (C only: not in Python)");
    return line;
}
} // namespace

int LookupCommand::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Answer the socket module's look-up questions with real calls on this "
                       "machine, as text or as JSON."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("SUBCOMMAND"),
                                 QStringLiteral("What to look up (below), and its arguments."),
                                 QStringLiteral("SUBCOMMAND [ARGUMENTS…]"));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Answer as JSON."));
    const QCommandLineOption family(QStringLiteral("family"),
                                    QStringLiteral("addrinfo: the address family (AF_INET, …)."),
                                    QStringLiteral("F"));
    const QCommandLineOption type(QStringLiteral("type"),
                                  QStringLiteral("addrinfo: the socket type (SOCK_STREAM, …)."),
                                  QStringLiteral("T"));
    const QCommandLineOption proto(
        QStringLiteral("proto"),
        QStringLiteral("addrinfo: the protocol (IPPROTO_TCP, …); service, port: tcp or udp."),
        QStringLiteral("P"));
    const QCommandLineOption flags(QStringLiteral("flags"),
                                   QStringLiteral("addrinfo: flags, e.g. AI_PASSIVE,AI_CANONNAME."),
                                   QStringLiteral("A,B"));
    const QCommandLineOption group(QStringLiteral("group"),
                                   QStringLiteral("value: only names starting with PREFIX."),
                                   QStringLiteral("PREFIX"));
    parser.addOptions({json, family, type, proto, flags, group});
    if (!parser.parse(QStringList{QStringLiteral("socketlab-cli lookup")} + arguments))
        return usageError(parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        std::printf("%s\n%s", qPrintable(parser.helpText()), subcommands);
        return 0;
    }
    m_json = parser.isSet(json);
    QStringList args = parser.positionalArguments();
    if (args.isEmpty())
        return usageError(QStringLiteral("which lookup? Give a SUBCOMMAND"));
    const QString what = args.takeFirst();
    // An option the subcommand does not read is a mistake, not something to ignore.
    const QHash<QString, QList<const QCommandLineOption *>> reads{
        {QStringLiteral("addrinfo"), {&family, &type, &proto, &flags}},
        {QStringLiteral("service"), {&proto}},
        {QStringLiteral("port"), {&proto}},
        {QStringLiteral("value"), {&group}}};
    for (const QCommandLineOption *option : {&family, &type, &proto, &flags, &group}) {
        if (parser.isSet(*option) && !reads.value(what).contains(option))
            return usageError(
                QStringLiteral("%1 takes no --%2").arg(what, option->names().first()));
        m_options.insert(option->names().first(), parser.value(*option));
    }
    if (what == QLatin1String("constants"))
        return constants(args);
    if (what == QLatin1String("value"))
        return value(args);
    if (what == QLatin1String("addrinfo"))
        return addrinfo(args);
    if (what == QLatin1String("service"))
        return service(args, false);
    if (what == QLatin1String("port"))
        return service(args, true);
    if (what == QLatin1String("host"))
        return host(args);
    if (what == QLatin1String("hostname"))
        return hostname();
    if (what == QLatin1String("interfaces"))
        return interfaces();
    if (what == QLatin1String("port-owner"))
        return portOwner(args);
    if (what == QLatin1String("defaults"))
        return defaults();
    return usageError(QStringLiteral("unknown lookup '%1'").arg(what));
}

int LookupCommand::constants(const QStringList &args)
{
    if (args.size() != 1)
        return usageError(QStringLiteral("constants needs one PREFIX, e.g. AF_"));
    const QList<SocketConstant> found = ConstantCatalog::instance().withPrefix(args.first());
    if (found.isEmpty())
        return lookupFailed(QStringLiteral("constants"), QStringLiteral("NotFound"),
                            QStringLiteral("no constant starts with %1").arg(args.first()),
                            QStringLiteral("Prefixes are upper case: AF_, SOCK_, IPPROTO_, SO_."));
    QStringList lines;
    QJsonArray json;
    for (const SocketConstant &c : found) {
        QStringList same;
        for (const SocketConstant &other : found) {
            if (other.value == c.value && other.name != c.name)
                same << other.name;
        }
        lines << constantLine(c, same);
        json.append(constantJson(c));
    }
    print(lines.join(QLatin1Char('\n')), json);
    return 0;
}

int LookupCommand::value(const QStringList &args)
{
    const QString group = m_options.value(QStringLiteral("group"));
    if (args.size() != 1)
        return usageError(QStringLiteral("value needs a number N, and optionally --group PREFIX"));
    bool ok = false;
    const qint64 number = args.first().toLongLong(&ok, 0);
    if (!ok)
        return usageError(QStringLiteral("'%1' is not a number").arg(args.first()));
    const QList<SocketConstant> found =
        ConstantCatalog::instance().withValue(number, group.toUpper());
    if (found.isEmpty())
        return lookupFailed(QStringLiteral("value"), QStringLiteral("NotFound"),
                            QStringLiteral("no constant has the value %1").arg(number), QString());
    QStringList lines;
    QJsonArray json;
    for (const SocketConstant &c : found) {
        lines << constantLine(c, {});
        json.append(constantJson(c));
    }
    print(lines.join(QLatin1Char('\n')), json);
    return 0;
}

int LookupCommand::addrinfo(const QStringList &args)
{
    const QString family = m_options.value(QStringLiteral("family"));
    const QString type = m_options.value(QStringLiteral("type"));
    const QString proto = m_options.value(QStringLiteral("proto"));
    const QString flags = m_options.value(QStringLiteral("flags"));
    if (args.size() != 2)
        return usageError(QStringLiteral("addrinfo needs HOST SERVICE (use '' for none)"));
    AddrInfoRequest request;
    request.host = args.at(0);
    request.service = args.at(1);
    const ConstantCatalog &catalog = ConstantCatalog::instance();
    qint64 v = 0;
    if (!family.isEmpty()) {
        if (!catalog.parseValue(family, QStringLiteral("AF_"), &v))
            return usageError(QStringLiteral("unknown family '%1'").arg(family));
        request.family = int(v);
    }
    if (!type.isEmpty()) {
        if (!catalog.parseValue(type, QStringLiteral("SOCK_"), &v))
            return usageError(QStringLiteral("unknown type '%1'").arg(type));
        request.type = int(v);
    }
    if (!proto.isEmpty()) {
        if (!catalog.parseValue(proto, QStringLiteral("IPPROTO_"), &v))
            return usageError(QStringLiteral("unknown protocol '%1'").arg(proto));
        request.protocol = int(v);
    }
    QString unknown;
    if (!AddrInfoLookup::parseFlags(flags, &request.flags, &unknown))
        return usageError(QStringLiteral("unknown flag '%1'").arg(unknown));

    const AddrInfoLookup::Answer answer = AddrInfoLookup::run(request);
    if (answer.error.isError())
        return lookupFailed(QStringLiteral("getaddrinfo"), answer.error.name(),
                            answer.error.message(), answer.error.hint());
    QStringList lines{request.pythonCall()};
    QJsonArray json;
    for (const AddrInfoEntry &e : answer.entries) {
        lines << QStringLiteral("%1 %2 %3 '%4'  %5")
                     .arg(
                         QStringLiteral("%1 (%2)").arg(SocketNames::family(e.family)).arg(e.family),
                         -15)
                     .arg(QStringLiteral("%1 (%2)").arg(SocketNames::type(e.type)).arg(e.type), -16)
                     .arg(QStringLiteral("%1 (%2)")
                              .arg(SocketNames::protocol(e.protocol))
                              .arg(e.protocol),
                          -17)
                     .arg(e.canonicalName, e.address.pythonTuple());
        json.append(QJsonObject{{QStringLiteral("family"), e.family},
                                {QStringLiteral("family_name"), SocketNames::family(e.family)},
                                {QStringLiteral("type"), e.type},
                                {QStringLiteral("type_name"), SocketNames::type(e.type)},
                                {QStringLiteral("proto"), e.protocol},
                                {QStringLiteral("canonname"), e.canonicalName},
                                {QStringLiteral("host"), e.address.host()},
                                {QStringLiteral("port"), e.address.port()},
                                {QStringLiteral("python"), e.pythonTuple()}});
    }
    print(lines.join(QLatin1Char('\n')), json);
    if (!answer.note.isEmpty())
        std::fprintf(stderr, "socketlab-cli lookup: note: %s\n", qPrintable(answer.note));
    return 0;
}

int LookupCommand::service(const QStringList &args, bool byPort)
{
    const QString proto = m_options.value(QStringLiteral("proto"));
    if (args.size() != 1)
        return usageError(byPort ? QStringLiteral("port needs a number N")
                                 : QStringLiteral("service needs a NAME"));
    ServiceLookup::Answer answer;
    if (byPort) {
        bool ok = false;
        const int port = args.first().toInt(&ok);
        if (!ok)
            return usageError(QStringLiteral("'%1' is not a port number").arg(args.first()));
        answer = ServiceLookup::byPort(port, proto);
    } else {
        answer = ServiceLookup::byName(args.first(), proto);
    }
    if (answer.error.isError())
        return lookupFailed(byPort ? QStringLiteral("getservbyport")
                                   : QStringLiteral("getservbyname"),
                            answer.error.name(), answer.error.message(), answer.error.hint());
    const ServiceLookup::Entry &e = answer.entries.first();
    const QString kind = PortRange::kindName(PortRange::kind(e.port));
    print(QStringLiteral("%1  %2/%3  %4%5")
              .arg(e.name)
              .arg(e.port)
              .arg(e.protocol, kind,
                   e.aliases.isEmpty()
                       ? QString()
                       : QStringLiteral("  aliases: %1").arg(e.aliases.join(QLatin1Char(' ')))),
          QJsonObject{{QStringLiteral("name"), e.name},
                      {QStringLiteral("port"), e.port},
                      {QStringLiteral("proto"), e.protocol},
                      {QStringLiteral("aliases"), QJsonArray::fromStringList(e.aliases)},
                      {QStringLiteral("range"), kind}});
    return 0;
}

int LookupCommand::host(const QStringList &args)
{
    if (args.size() != 1)
        return usageError(QStringLiteral("host needs a NAME"));
    const HostLookup::Answer a = HostLookup::byName(args.first());
    if (a.error.isError())
        return lookupFailed(QStringLiteral("gethostbyname_ex"), a.error.name(), a.error.message(),
                            a.error.hint());
    print(QStringLiteral("gethostbyname: ") + CodeLiteral::python(a.addresses.value(0)) +
              QStringLiteral("\ngethostbyname_ex: ") + a.pythonTuple(),
          QJsonObject{{QStringLiteral("name"), a.canonicalName},
                      {QStringLiteral("aliases"), QJsonArray::fromStringList(a.aliases)},
                      {QStringLiteral("addresses"), QJsonArray::fromStringList(a.addresses)}});
    return 0;
}

int LookupCommand::hostname()
{
    const QString name = HostLookup::hostname();
    print(name, QJsonObject{{QStringLiteral("hostname"), name}});
    return 0;
}

int LookupCommand::interfaces()
{
    QStringList lines;
    QJsonArray json;
    for (const InterfaceList::Entry &e : InterfaceList::current()) {
        lines << QStringLiteral("%1%2%3  %4")
                     .arg(e.name, e.isLoopback ? QStringLiteral(" (loopback)") : QString(),
                          e.isUp ? QString() : QStringLiteral(" (down)"),
                          (e.ipv4 + e.ipv6).join(QStringLiteral("  ")));
        json.append(QJsonObject{{QStringLiteral("name"), e.name},
                                {QStringLiteral("up"), e.isUp},
                                {QStringLiteral("loopback"), e.isLoopback},
                                {QStringLiteral("ipv4"), QJsonArray::fromStringList(e.ipv4)},
                                {QStringLiteral("ipv6"), QJsonArray::fromStringList(e.ipv6)}});
    }
    print(lines.join(QLatin1Char('\n')), json);
    return 0;
}

int LookupCommand::defaults()
{
    // The socket is made by a session's worker, like every socket SocketLab makes.
    SocketSession session;
    DefaultSocket d;
    QEventLoop wait;
    session.askDefaults(&wait, [&](const DefaultSocket &answer) {
        d = answer;
        wait.quit();
    });
    wait.exec();
    if (d.error.isError())
        return lookupFailed(QStringLiteral("socket"), d.error.name(), d.error.message(),
                            d.error.hint());
    const SocketInfo &s = d.socket;
    const QString repr = PythonForm::repr(s);
    print(QStringLiteral("%1\nfamily %2 (%3), type %4 (%5), proto 0: the kernel chose %6 (%7)")
              .arg(repr, SocketNames::family(s.family))
              .arg(s.family)
              .arg(SocketNames::type(s.type))
              .arg(s.type)
              .arg(SocketNames::protocol(d.kernelProtocol))
              .arg(d.kernelProtocol),
          QJsonObject{{QStringLiteral("family"), SocketNames::family(s.family)},
                      {QStringLiteral("type"), SocketNames::type(s.type)},
                      {QStringLiteral("proto"), 0},
                      {QStringLiteral("kernel_proto"), SocketNames::protocol(d.kernelProtocol)},
                      {QStringLiteral("repr"), repr}});
    return 0;
}

int LookupCommand::portOwner(const QStringList &args)
{
    int port = 0;
    if (args.size() != 1 || !OptionNumber::parse(args.first(), 1, 65535, &port))
        return usageError(QStringLiteral("port-owner needs one PORT, 1 to 65535"));
    const QVector<PortOwners::Entry> entries = PortOwners::of(quint16(port));
    QStringList lines;
    QJsonArray json;
    for (const PortOwners::Entry &e : entries) {
        lines << QStringLiteral("%1 %2  %3")
                     .arg(e.protocol, -5)
                     .arg(e.local, -22)
                     .arg(PortOwners::describe(e));
        QJsonObject row{{QStringLiteral("protocol"), e.protocol},
                        {QStringLiteral("local"), e.local},
                        {QStringLiteral("state"), e.state},
                        {QStringLiteral("own_user"), e.ownUser}};
        if (e.pid >= 0) {
            row.insert(QStringLiteral("pid"), e.pid);
            row.insert(QStringLiteral("command"), e.command);
        }
        if (e.secondsLeft >= 0)
            row.insert(QStringLiteral("seconds_left"), e.secondsLeft);
        json.append(row);
    }
    if (lines.isEmpty())
        lines << QStringLiteral("nothing uses port %1: a server may bind it").arg(port);
    print(lines.join(QLatin1Char('\n')), json);
    return 0;
}

int LookupCommand::usageError(const QString &message)
{
    std::fprintf(stderr,
                 "socketlab-cli lookup: %s\n\nUsage: socketlab-cli lookup [options] SUBCOMMAND "
                 "[ARGUMENTS…]\n(--help lists the options)\n\n%s",
                 qPrintable(message), subcommands);
    return 2;
}

int LookupCommand::lookupFailed(const QString &what, const QString &name, const QString &message,
                                const QString &hint)
{
    if (m_json) {
        print(QString(), QJsonObject{{QStringLiteral("error"),
                                      QJsonObject{{QStringLiteral("name"), name},
                                                  {QStringLiteral("message"), message},
                                                  {QStringLiteral("hint"), hint}}}});
    }
    std::fprintf(stderr, "socketlab-cli lookup: %s failed: %s (%s)\n", qPrintable(what),
                 qPrintable(name), qPrintable(message));
    if (!hint.isEmpty())
        std::fprintf(stderr, "hint: %s\n", qPrintable(hint));
    return 1;
}

void LookupCommand::print(const QString &text, const QJsonValue &json)
{
    if (m_json) {
        const QJsonDocument doc =
            json.isArray() ? QJsonDocument(json.toArray()) : QJsonDocument(json.toObject());
        std::fputs(doc.toJson(QJsonDocument::Indented).constData(), stdout);
    } else {
        std::printf("%s\n", text.toUtf8().constData());
    }
}
