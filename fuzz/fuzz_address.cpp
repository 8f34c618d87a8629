// SPDX-License-Identifier: MIT
// libFuzzer target: everything a user can type as an address — HOST:PORT on the command line
// and host plus port in a pane — is read without crashing and never resolved by accident.

#include "calls/AddressInput.h"
#include "calls/HostPortText.h"

#include <cstdint>
#include <cstdlib>
#include <sys/socket.h>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    const HostPortText::Parts parts = HostPortText::parse(text);
    const int port = size > 0 ? int(data[0]) * 300 - 1000 : 0;
    for (int family : {AF_INET, AF_INET6, AF_UNIX}) {
        const AddressInput::Result r = AddressInput::interpret(family, text, port);
        // A name goes to the resolver; nothing else may, and nothing may pass unchecked.
        if (r.needsLookup && r.error.isError())
            std::abort();
        if (!r.error.isError() && !r.needsLookup) {
            sockaddr_storage storage;
            socklen_t length = 0;
            (void)r.address.toSockaddr(&storage, &length);
            (void)r.address.display();
            (void)r.address.pythonTuple();
        }
    }
    (void)parts;
    return 0;
}
