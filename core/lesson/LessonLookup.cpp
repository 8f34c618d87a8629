// SPDX-License-Identifier: MIT
#include "lesson/LessonLookup.h"

#include "lookup/AddrInfoLookup.h"
#include "lookup/ConstantCatalog.h"
#include "lookup/HostLookup.h"
#include "lookup/InterfaceList.h"
#include "lookup/ServiceLookup.h"
#include "lookup/SocketNames.h"
#include "present/PythonForm.h"

namespace {
QString failure(const CallError &error)
{
    return QStringLiteral("%1: %2%3")
        .arg(error.name(), error.message(),
             error.hint().isEmpty() ? QString() : QStringLiteral(" (%1)").arg(error.hint()));
}
} // namespace

LessonLookup::Answer LessonLookup::run(const QString &lookup, const QStringList &args)
{
    Answer a;
    if (lookup == QLatin1String("hostname")) {
        a.output = QStringLiteral("'%1'").arg(HostLookup::hostname());
    } else if (lookup == QLatin1String("host")) {
        const HostLookup::Answer h = HostLookup::byName(args.value(0));
        if (h.error.isError())
            a.error = failure(h.error);
        else
            a.output = h.pythonTuple();
    } else if (lookup == QLatin1String("service") || lookup == QLatin1String("port")) {
        const QString proto = args.value(1);
        const ServiceLookup::Answer s = lookup == QLatin1String("service")
                                            ? ServiceLookup::byName(args.value(0), proto)
                                            : ServiceLookup::byPort(args.value(0).toInt(), proto);
        if (s.error.isError())
            a.error = failure(s.error);
        else if (lookup == QLatin1String("service"))
            a.output = QString::number(s.entries.first().port);
        else
            a.output = QStringLiteral("'%1'").arg(s.entries.first().name);
    } else if (lookup == QLatin1String("addrinfo")) {
        AddrInfoRequest request;
        request.host = args.value(0);
        request.service = args.value(1);
        const AddrInfoLookup::Answer r = AddrInfoLookup::run(request);
        if (r.error.isError()) {
            a.error = failure(r.error);
        } else {
            QStringList tuples;
            for (const AddrInfoEntry &e : r.entries)
                tuples << e.pythonTuple();
            a.output = QStringLiteral("[%1]").arg(tuples.join(QStringLiteral(",\n ")));
        }
    } else if (lookup == QLatin1String("constants")) {
        // What dir(socket) has: the header names Python's socket module defines, sorted.
        QStringList lines;
        for (const SocketConstant &c : ConstantCatalog::instance().withPrefix(args.value(0))) {
            if (c.pythonModule == QLatin1String("socket"))
                lines << QStringLiteral("%1 = %2").arg(c.name).arg(c.value);
        }
        lines.sort();
        if (lines.isEmpty())
            a.error = QStringLiteral("no constant starts with %1").arg(args.value(0));
        a.output = lines.join(QLatin1Char('\n'));
    } else {
        QStringList lines;
        for (const InterfaceList::Entry &e : InterfaceList::current())
            lines << QStringLiteral("%1%2  %3")
                         .arg(e.name, e.isLoopback ? QStringLiteral(" (loopback)") : QString(),
                              (e.ipv4 + e.ipv6).join(QStringLiteral("  ")));
        a.output = lines.join(QLatin1Char('\n'));
    }
    return a;
}

LessonLookup::Answer LessonLookup::defaults(const DefaultSocket &d)
{
    Answer a;
    if (d.error.isError())
        a.error = failure(d.error);
    else
        a.output = QStringLiteral("%1\n# proto 0 means \"the usual one\": the kernel chose %2")
                       .arg(PythonForm::repr(d.socket), SocketNames::protocol(d.kernelProtocol));
    return a;
}
