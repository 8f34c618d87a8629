// SPDX-License-Identifier: MIT
// libFuzzer target: a trace line from anywhere, as replay and export read it: it is read as
// an event or refused with a reason; an event read back formats, writes again, changes a
// replay's socket table and exports to Python and C without crashing, and the exported
// programs hold no byte that could end a literal or a comment early (no control character
// but the newlines between lines).

#include "present/PythonForm.h"
#include "trace/CodeGenerator.h"
#include "trace/TraceFormat.h"
#include "trace/TraceReplay.h"

#include <cstdint>
#include <cstdlib>

namespace {
void checkProgram(const QString &program)
{
    for (const QChar c : program) {
        if (c.unicode() < 0x20 && c != QLatin1Char('\n'))
            std::abort();
    }
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray line(reinterpret_cast<const char *>(data), qsizetype(size));
    SocketEvent event;
    QString error;
    if (TraceFormat::fromLine(line, &event, &error)) {
        (void)PythonForm::statement(event);
        (void)PythonForm::outcome(event);
        (void)TraceFormat::toLine(event, 1024);
        QHash<QString, SocketInfo> sockets;
        QStringList order;
        TraceReplay::apply(event, &sockets, &order);
        const QVector<SocketEvent> events{event};
        for (auto side : {CodeGenerator::Side::Server, CodeGenerator::Side::Client}) {
            for (auto language : {CodeGenerator::Language::Python, CodeGenerator::Language::C})
                checkProgram(CodeGenerator::script(events, side, language));
        }
    } else if (error.isEmpty()) {
        std::abort(); // a refusal says why
    }
    return 0;
}
