// SPDX-License-Identifier: MIT
#include "watch/PythonFrames.h"

#include "watch/ElfSymbols.h"
#include "watch/PythonLineTable.h"

#include <QFile>
#include <QRegularExpression>

#include <algorithm>
#include <cstring>
#include <sys/uio.h>
#include <unistd.h>

#include <initializer_list>
#include <vector>

// Byte offsets in CPython's structures on x86-64 (from its Include/internal headers, measured
// with offsetof for each version): _PyRuntime.interpreters.head, PyInterpreterState,
// PyThreadState, _PyCFrame, _PyInterpreterFrame, PyCodeObject, and the sizes of str objects.
struct PythonFrames::Layout
{
    int runtimeInterpreters;
    int interpreterNext;
    int interpreterThreads;
    int threadNext;
    int threadNativeId;
    int threadCFrame;
    int cframeCurrentFrame;
    int frameCode;
    int framePrevious;
    int framePrevInstr;
    int frameOwner;
    int cstackOwner; // a frame owned by the C stack (a shim, no code of the program); -1 none
    int codeFilename;
    int codeFirstLine;
    int codeLineTable;
    int codeAdaptive;
    int asciiSize;   // sizeof(PyASCIIObject): a compact ASCII str's characters follow
    int compactSize; // sizeof(PyCompactUnicodeObject): a compact Latin-1 str's follow
};

namespace {
constexpr PythonFrames::Layout python311{40, 0,  16, 8,   160, 56,  8,   32, 48,
                                         56, 69, -1, 112, 72,  136, 184, 48, 72};
constexpr PythonFrames::Layout python312{40, 0,  72, 8,   144, 56,  0,   0,  8,
                                         56, 70, 3,  112, 68,  136, 192, 40, 56};
constexpr int strLength = 16; // PyASCIIObject.length
constexpr int strState = 32;  // its bit field: kind (3 bits from bit 2), compact, ascii
constexpr int bytesSize = 16; // PyVarObject.ob_size
constexpr int bytesData = 32; // PyBytesObject.ob_sval
constexpr int maxFrames = 64; // a deeper stack is searched no further
constexpr int maxThreads = 1024;
constexpr qint64 maxText = 4096;
constexpr qint64 maxLineTable = 64 * 1024;
constexpr qint64 maxSourceFile = 4 * 1024 * 1024;
constexpr qsizetype maxCodes = 4096; // code objects remembered at most
} // namespace

namespace {
struct Range
{
    quint64 address;
    qint64 length;
    QByteArray *into;
};

// Several ranges of the process in one process_vm_readv: all of them, or false.
bool readTogether(int pid, std::initializer_list<Range> ranges)
{
    std::vector<iovec> local, remote;
    size_t total = 0;
    for (const Range &r : ranges) {
        r.into->resize(r.length);
        local.push_back({r.into->data(), size_t(r.length)});
        remote.push_back({reinterpret_cast<void *>(r.address), size_t(r.length)});
        total += size_t(r.length);
    }
    return ::process_vm_readv(pid, local.data(), local.size(), remote.data(), remote.size(), 0) ==
           ssize_t(total);
}

// A pointer-sized field of bytes read from the process (0 when they are too few).
quint64 field(const QByteArray &bytes, int offset)
{
    quint64 value = 0;
    if (offset >= 0 && offset + qsizetype(sizeof value) <= bytes.size())
        std::memcpy(&value, bytes.constData() + offset, sizeof value);
    return value;
}

int codeHeadSize(const PythonFrames::Layout &l)
{
    return qMax(l.codeFilename, l.codeLineTable) + int(sizeof(quint64));
}
} // namespace

quint64 PythonFrames::pointer(int pid, quint64 address) const
{
    const QByteArray bytes = m_read(pid, address, sizeof(quint64));
    if (bytes.size() != sizeof(quint64))
        return 0;
    quint64 value = 0;
    std::memcpy(&value, bytes.constData(), sizeof value);
    return value;
}

PythonFrames::Interpreter PythonFrames::interpreterOf(int pid) const
{
    Interpreter found;
    QFile maps(QStringLiteral("/proc/%1/maps").arg(pid));
    if (!maps.open(QIODevice::ReadOnly))
        return found;
    // python3.11, libpython3.11.so.1.0, python3.12d, …
    static const QRegularExpression interpreter(
        QStringLiteral("^(?:lib)?python3\\.(11|12)[a-z]*(?:\\.so[.0-9]*)?$"));
    QHash<QString, quint64> starts; // each candidate file's lowest mapping at file offset 0
    QHash<QString, const Layout *> layouts;
    for (const QByteArray &line : maps.readAll().split('\n')) {
        const QList<QByteArray> fields = line.simplified().split(' ');
        if (fields.size() < 6 || fields.at(2).toULongLong(nullptr, 16) != 0)
            continue;
        const QString path = QString::fromLocal8Bit(fields.at(5));
        const auto match = interpreter.match(path.section(QLatin1Char('/'), -1));
        if (!match.hasMatch())
            continue;
        const quint64 start = fields.at(0).split('-').value(0).toULongLong(nullptr, 16);
        if (!starts.contains(path) || start < starts.value(path))
            starts.insert(path, start);
        layouts.insert(path, match.captured(1) == QLatin1String("11") ? &python311 : &python312);
    }
    for (auto it = starts.cbegin(); it != starts.cend(); ++it) {
        const ElfSymbols::Found symbol = ElfSymbols::find(it.key(), "_PyRuntime");
        if (symbol.value != 0) {
            found.runtime = symbol.value + (it.value() - symbol.firstLoad);
            found.layout = layouts.value(it.key());
            break;
        }
    }
    return found;
}

QString PythonFrames::string(int pid, quint64 object, const Layout &l) const
{
    const QByteArray header = m_read(pid, object, l.asciiSize);
    if (header.size() != l.asciiSize)
        return QString();
    qint64 length = 0;
    quint32 state = 0;
    std::memcpy(&length, header.constData() + strLength, sizeof length);
    std::memcpy(&state, header.constData() + strState, sizeof state);
    const int kind = (state >> 2) & 7;
    const bool compact = state & (1u << 5);
    const bool ascii = state & (1u << 6);
    if (!compact || kind != 1 || length <= 0 || length > maxText)
        return QString(); // only one byte per character is read
    const QByteArray text = m_read(pid, object + (ascii ? l.asciiSize : l.compactSize), length);
    return text.size() == length ? QString::fromLatin1(text) : QString();
}

QString PythonFrames::sourcePath(int pid, const QString &file) const
{
    if (file.startsWith(QLatin1Char('/')))
        return file;
    // A relative name is the program's own folder's.
    char cwd[4096];
    const QByteArray link = "/proc/" + QByteArray::number(pid) + "/cwd";
    const ssize_t n = ::readlink(link.constData(), cwd, sizeof cwd - 1);
    return n > 0 ? QString::fromLocal8Bit(cwd, int(n)) + QLatin1Char('/') + file : QString();
}

QString PythonFrames::lineText(const QString &path, int line)
{
    if (path.isEmpty())
        return QString();
    auto it = m_sources.find(path);
    if (it == m_sources.end()) {
        QFile source(path);
        QStringList lines;
        if (source.open(QIODevice::ReadOnly) && source.size() <= maxSourceFile)
            lines = QString::fromUtf8(source.readAll()).split(QLatin1Char('\n'));
        for (QString &l : lines)
            l = l.trimmed();
        it = m_sources.insert(path, lines);
    }
    return it->value(line - 1);
}

quint64 PythonFrames::currentFrame(int pid, int tid, const Interpreter &in, Guess *g)
{
    const Layout &l = *in.layout;
    // The thread found last time, if it is still that thread's: its id and its frames' place
    // in one read.
    const int size = qMax(l.threadNativeId, l.threadCFrame) + int(sizeof(quint64));
    QByteArray state = g->state ? m_read(pid, g->state, size) : QByteArray();
    quint64 id = 0;
    if (state.size() == size)
        std::memcpy(&id, state.constData() + l.threadNativeId, sizeof id);
    if (id != quint64(tid)) {
        g->state = findThread(pid, tid, in);
        state = g->state ? m_read(pid, g->state, size) : QByteArray();
        if (state.size() != size)
            return 0;
    }
    std::memcpy(&g->cframe, state.constData() + l.threadCFrame, sizeof g->cframe);
    return pointer(pid, g->cframe + l.cframeCurrentFrame);
}

quint64 PythonFrames::findThread(int pid, int tid, const Interpreter &in)
{
    const Layout &l = *in.layout;
    for (quint64 interp = pointer(pid, in.runtime + l.runtimeInterpreters); interp != 0;
         interp = pointer(pid, interp + l.interpreterNext)) {
        int count = 0;
        for (quint64 t = pointer(pid, interp + l.interpreterThreads); t != 0 && count < maxThreads;
             t = pointer(pid, t + l.threadNext), ++count) {
            if (pointer(pid, t + l.threadNativeId) == quint64(tid))
                return t;
        }
    }
    return 0;
}

const PythonFrames::Code *PythonFrames::code(int pid, quint64 address, const Layout &l,
                                             QByteArray head)
{
    const int headSize = codeHeadSize(l);
    if (head.size() != headSize)
        head = m_read(pid, address, headSize);
    if (head.size() != headSize)
        return nullptr;
    Code c;
    std::memcpy(&c.filename, head.constData() + l.codeFilename, sizeof c.filename);
    std::memcpy(&c.table, head.constData() + l.codeLineTable, sizeof c.table);
    std::memcpy(&c.firstLine, head.constData() + l.codeFirstLine, sizeof c.firstLine);
    // A code object lives as long as its function: what was read of it is kept, and read
    // again when the memory at its address turns out to hold another.
    auto it = m_codes.find({pid, address});
    if (it != m_codes.end() && it->filename == c.filename && it->table == c.table &&
        it->firstLine == c.firstLine)
        return &*it;
    qint64 tableSize = 0;
    const QByteArray size = m_read(pid, c.table + bytesSize, sizeof tableSize);
    if (size.size() == sizeof tableSize)
        std::memcpy(&tableSize, size.constData(), sizeof tableSize);
    if (tableSize <= 0 || tableSize > maxLineTable)
        return nullptr;
    c.lineTable = m_read(pid, c.table + bytesData, tableSize);
    c.file = string(pid, c.filename, l);
    if (c.file.isEmpty() || c.lineTable.size() != tableSize)
        return nullptr;
    // Python's own library and frozen modules are not where the student's line is.
    // ("<string>" of python3 -c is the program's own.)
    c.library = c.file.startsWith(QLatin1String("<frozen ")) ||
                c.file.contains(QLatin1String("/lib/python3.")) ||
                c.file.contains(QLatin1String("/lib64/python3."));
    c.path = c.library ? QString() : sourcePath(pid, c.file);
    if (m_codes.size() > maxCodes)
        m_codes.clear();
    return &*m_codes.insert({pid, address}, c);
}

SourceLocation PythonFrames::locate(int pid, int tid)
{
    auto known = m_interpreters.find(pid);
    if (known == m_interpreters.end())
        known = m_interpreters.insert(pid, interpreterOf(pid));
    if (known->runtime == 0)
        return {};
    const Layout &l = *known->layout;
    // One read per frame: its code, where it is, its owner and the frame below.
    const int frameSize =
        std::max({l.frameCode + 8, l.framePrevious + 8, l.framePrevInstr + 8, l.frameOwner + 1});
    const int stateSize = qMax(l.threadNativeId, l.threadCFrame) + int(sizeof(quint64));
    // A thread in a loop calls from the same frame as last time: the thread, its C frame, its
    // current frame and that frame's code are read at the places they were, in one system
    // call, and each pointer is checked against what was just read. Only a mismatch costs
    // the walk from the thread's state.
    Guess &g = m_guesses[{pid, tid}];
    quint64 frame = 0;
    QByteArray f, head;
    if (g.state && g.cframe && g.frame && g.code) {
        QByteArray state, current;
        if (readTogether(pid, {{g.state, stateSize, &state},
                               {g.cframe + l.cframeCurrentFrame, sizeof(quint64), &current},
                               {g.frame, frameSize, &f},
                               {g.code, codeHeadSize(l), &head}}) &&
            field(state, l.threadNativeId) == quint64(tid) &&
            field(state, l.threadCFrame) == g.cframe && field(current, 0) == g.frame &&
            field(f, l.frameCode) == g.code)
            frame = g.frame;
    }
    if (frame == 0) {
        f.clear();
        head.clear();
        frame = currentFrame(pid, tid, *known, &g);
    }
    g.frame = frame;
    g.code = 0;
    SourceLocation innermost;
    for (int depth = 0; frame != 0 && depth < maxFrames; ++depth) {
        if (depth > 0 || f.size() != frameSize)
            f = m_read(pid, frame, frameSize);
        if (f.size() != frameSize)
            break;
        const quint64 codeAddress = field(f, l.frameCode);
        const quint64 instruction = field(f, l.framePrevInstr);
        frame = field(f, l.framePrevious);
        if (depth == 0)
            g.code = codeAddress;
        if (quint8(f[l.frameOwner]) == l.cstackOwner || codeAddress == 0 ||
            instruction < codeAddress + l.codeAdaptive)
            continue;
        const Code *c = code(pid, codeAddress, l, depth == 0 ? head : QByteArray());
        if (!c)
            continue;
        const int line = PythonLineTable::lineAt(c->lineTable, c->firstLine,
                                                 int(instruction - (codeAddress + l.codeAdaptive)));
        if (line <= 0)
            continue;
        if (!c->library)
            return {c->file, line, lineText(c->path, line)};
        if (!innermost.isValid())
            innermost = {c->file, line, QString()};
    }
    return innermost;
}

void PythonFrames::forget(int pid)
{
    m_interpreters.remove(pid);
    m_guesses.removeIf([pid](const auto &it) { return it.key().first == pid; });
    m_codes.removeIf([pid](const auto &it) { return it.key().first == pid; });
}
