// SPDX-License-Identifier: MIT
// libFuzzer target: a lesson file from anywhere is refused with a line number or read whole,
// never crashes the reader.

#include "lesson/LessonParser.h"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray text(reinterpret_cast<const char *>(data), qsizetype(size));
    const LessonParser::Result r =
        LessonParser::parse(text, QStringLiteral("fuzz.lesson"), LessonParser::Settings{});
    if (!r.ok() && !r.error.startsWith(QStringLiteral("line ")) &&
        !r.error.contains(QStringLiteral("bytes; a lesson file")))
        std::abort(); // every refusal names its line
    if (r.ok()) {
        for (const LessonStep &s : r.lesson.steps)
            (void)s.action.python();
    }
    return 0;
}
