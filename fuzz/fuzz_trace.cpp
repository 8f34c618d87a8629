// libFuzzer target: a trace line from anywhere is read as an event or refused with a reason;
// an event read back formats and writes again without crashing.

#include "PythonForm.h"
#include "TraceFormat.h"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray line(reinterpret_cast<const char *>(data), qsizetype(size));
    SocketEvent event;
    QString error;
    if (TraceFormat::fromLine(line, &event, &error)) {
        (void)PythonForm::statement(event);
        (void)PythonForm::outcome(event);
        (void)TraceFormat::toLine(event, 1024);
    } else if (error.isEmpty()) {
        std::abort(); // a refusal says why
    }
    return 0;
}
