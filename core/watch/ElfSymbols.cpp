// SPDX-License-Identifier: MIT
#include "watch/ElfSymbols.h"

#include <QFile>

#include <elf.h>

#include <cstring>

namespace {
// A struct at offset within the mapped file, or null when it does not fit.
template <typename T> const T *at(const uchar *base, qint64 size, quint64 offset, quint64 index = 0)
{
    const quint64 where = offset + index * sizeof(T);
    if (where < offset || where + sizeof(T) > quint64(size) || where + sizeof(T) < where)
        return nullptr;
    return reinterpret_cast<const T *>(base + where);
}
} // namespace

ElfSymbols::Found ElfSymbols::find(const QString &path, const QByteArray &name)
{
    Found found;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return found;
    const qint64 size = file.size();
    const uchar *base = file.map(0, size);
    if (!base)
        return found;
    const auto *header = at<Elf64_Ehdr>(base, size, 0);
    if (!header || std::memcmp(header->e_ident, ELFMAG, SELFMAG) != 0 ||
        header->e_ident[EI_CLASS] != ELFCLASS64 || header->e_shentsize != sizeof(Elf64_Shdr) ||
        header->e_phentsize != sizeof(Elf64_Phdr))
        return found;
    bool loaded = false;
    for (int i = 0; i < header->e_phnum; ++i) {
        const auto *segment = at<Elf64_Phdr>(base, size, header->e_phoff, quint64(i));
        if (segment && segment->p_type == PT_LOAD &&
            (!loaded || segment->p_vaddr < found.firstLoad)) {
            found.firstLoad = segment->p_vaddr & ~quint64(0xfff);
            loaded = true;
        }
    }
    // The dynamic table first (what a stripped file keeps), then the full one.
    for (const quint32 kind : {quint32(SHT_DYNSYM), quint32(SHT_SYMTAB)}) {
        for (int i = 0; i < header->e_shnum; ++i) {
            const auto *section = at<Elf64_Shdr>(base, size, header->e_shoff, quint64(i));
            if (!section || section->sh_type != kind || section->sh_entsize != sizeof(Elf64_Sym))
                continue;
            const auto *strings =
                at<Elf64_Shdr>(base, size, header->e_shoff, quint64(section->sh_link));
            if (!strings || strings->sh_offset > quint64(size) ||
                strings->sh_size > quint64(size) - strings->sh_offset)
                continue;
            const char *names = reinterpret_cast<const char *>(base + strings->sh_offset);
            const quint64 count = section->sh_size / sizeof(Elf64_Sym);
            for (quint64 s = 0; s < count; ++s) {
                const auto *symbol = at<Elf64_Sym>(base, size, section->sh_offset, s);
                if (!symbol)
                    break;
                const quint64 n = symbol->st_name;
                if (n >= strings->sh_size || strings->sh_size - n < quint64(name.size()) + 1)
                    continue;
                if (std::memcmp(names + n, name.constData(), size_t(name.size()) + 1) == 0 &&
                    symbol->st_value != 0) {
                    found.value = symbol->st_value;
                    return found;
                }
            }
        }
    }
    found.firstLoad = 0;
    return found;
}
