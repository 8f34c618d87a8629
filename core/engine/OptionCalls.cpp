// SPDX-License-Identifier: MIT
#include "engine/OptionCalls.h"

#include "calls/SocketOption.h"
#include "engine/CallSlot.h"
#include "engine/EngineSocket.h"

#include <sys/socket.h>

OptionCalls::OptionCalls(CallReporter &report) : m_report(report) {}

void OptionCalls::set(EngineSocket &s, const CallRequest &request)
{
    const SocketOption *option = SocketOption::find(request.optionName);
    CallSlot &slot =
        m_report.begin(s, request,
                       {{QStringLiteral("level"), option ? option->levelName : QString()},
                        {QStringLiteral("option"), request.optionName},
                        {QStringLiteral("value"), request.optionValue}});
    if (!option) {
        m_report.fail(s, slot,
                      CallError::usage(QStringLiteral("AttributeError"),
                                       QStringLiteral("SocketLab does not offer the option "
                                                      "%1")
                                           .arg(request.optionName),
                                       tr("Choose one from the list.")));
        return;
    }
    int rc;
    if (option->kind == SocketOption::Kind::Seconds) {
        const linger l{request.optionValue >= 0 ? 1 : 0, qMax(0, request.optionValue)};
        rc = ::setsockopt(s.info.fd, option->level, option->optname, &l, sizeof l);
    } else {
        const int value = request.optionValue;
        rc = ::setsockopt(s.info.fd, option->level, option->optname, &value, sizeof value);
    }
    if (rc != 0) {
        m_report.failErrno(s, slot, errno);
        return;
    }
    // What the kernel made of it, as getsockopt would say.
    int now = 0;
    if (option->kind == SocketOption::Kind::Seconds) {
        linger l{};
        socklen_t length = sizeof l;
        if (::getsockopt(s.info.fd, option->level, option->optname, &l, &length) == 0)
            now = l.l_onoff ? l.l_linger : -1;
    } else {
        socklen_t length = sizeof now;
        ::getsockopt(s.info.fd, option->level, option->optname, &now, &length);
    }
    m_report.succeed(s, slot, QVariantMap{{QStringLiteral("getsockopt"), now}});
}
