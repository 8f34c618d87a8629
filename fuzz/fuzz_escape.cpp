// SPDX-License-Identifier: MIT
// libFuzzer target: the message editor's parser (escapes and hex) must never crash, and what
// it accepts must survive the trip back to text.

#include "present/EscapeCodec.h"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    for (auto encoding : {EscapeCodec::Encoding::Utf8, EscapeCodec::Encoding::Ascii,
                          EscapeCodec::Encoding::Latin1}) {
        const EscapeCodec::Result r = EscapeCodec::fromText(text, encoding);
        if (r.ok()) {
            // toText writes every byte so that fromText reads the same bytes back.
            const EscapeCodec::Result again =
                EscapeCodec::fromText(EscapeCodec::toText(r.bytes), EscapeCodec::Encoding::Latin1);
            if (!again.ok() || again.bytes != r.bytes)
                std::abort();
        } else if (r.errorPosition < 0 || r.errorPosition > text.size()) {
            std::abort();
        }
    }
    (void)EscapeCodec::fromHex(text);
    return 0;
}
