// SPDX-License-Identifier: MIT
#include "watch/PythonFrames.h"

#include "watch/ElfSymbols.h"
#include "watch/PythonLineTable.h"

#include <QFile>
#include <QRegularExpression>

#include <cstring>
#include <unistd.h>

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

QString PythonFrames::lineText(int pid, const QString &file, int line)
{
    // A relative name is the program's own folder's.
    QString path = file;
    if (!path.startsWith(QLatin1Char('/'))) {
        char cwd[4096];
        const QByteArray link = "/proc/" + QByteArray::number(pid) + "/cwd";
        const ssize_t n = ::readlink(link.constData(), cwd, sizeof cwd - 1);
        if (n <= 0)
            return QString();
        path = QString::fromLocal8Bit(cwd, int(n)) + QLatin1Char('/') + file;
    }
    auto it = m_sources.find(path);
    if (it == m_sources.end()) {
        QFile source(path);
        QStringList lines;
        if (source.open(QIODevice::ReadOnly) && source.size() <= maxSourceFile)
            lines = QString::fromUtf8(source.readAll()).split(QLatin1Char('\n'));
        it = m_sources.insert(path, lines);
    }
    return it->value(line - 1).trimmed();
}

SourceLocation PythonFrames::locate(int pid, int tid)
{
    auto known = m_interpreters.find(pid);
    if (known == m_interpreters.end())
        known = m_interpreters.insert(pid, interpreterOf(pid));
    if (known->runtime == 0)
        return {};
    const Layout &l = *known->layout;
    // The thread: every interpreter's list, matched by the kernel's id for it.
    quint64 thread = 0;
    for (quint64 interp = pointer(pid, known->runtime + l.runtimeInterpreters);
         interp != 0 && thread == 0; interp = pointer(pid, interp + l.interpreterNext)) {
        int count = 0;
        for (quint64 t = pointer(pid, interp + l.interpreterThreads); t != 0 && count < maxThreads;
             t = pointer(pid, t + l.threadNext), ++count) {
            if (pointer(pid, t + l.threadNativeId) == quint64(tid)) {
                thread = t;
                break;
            }
        }
    }
    if (thread == 0)
        return {};
    SourceLocation innermost;
    quint64 frame = pointer(pid, pointer(pid, thread + l.threadCFrame) + l.cframeCurrentFrame);
    for (int depth = 0; frame != 0 && depth < maxFrames;
         frame = pointer(pid, frame + l.framePrevious), ++depth) {
        const QByteArray owner = m_read(pid, frame + l.frameOwner, 1);
        if (owner.size() != 1 || quint8(owner[0]) == l.cstackOwner)
            continue;
        const quint64 code = pointer(pid, frame + l.frameCode);
        const quint64 instruction = pointer(pid, frame + l.framePrevInstr);
        const QByteArray head = m_read(pid, code, l.codeAdaptive);
        if (code == 0 || head.size() != l.codeAdaptive || instruction < code + l.codeAdaptive)
            continue;
        quint64 filename = 0, table = 0;
        qint32 firstLine = 0;
        std::memcpy(&filename, head.constData() + l.codeFilename, sizeof filename);
        std::memcpy(&table, head.constData() + l.codeLineTable, sizeof table);
        std::memcpy(&firstLine, head.constData() + l.codeFirstLine, sizeof firstLine);
        qint64 tableSize = 0;
        const QByteArray size = m_read(pid, table + bytesSize, sizeof tableSize);
        if (size.size() == sizeof tableSize)
            std::memcpy(&tableSize, size.constData(), sizeof tableSize);
        if (tableSize <= 0 || tableSize > maxLineTable)
            continue;
        const int line =
            PythonLineTable::lineAt(m_read(pid, table + bytesData, tableSize), firstLine,
                                    int(instruction - (code + l.codeAdaptive)));
        const QString file = string(pid, filename, l);
        if (line <= 0 || file.isEmpty())
            continue;
        SourceLocation here{file, line, QString()};
        // Python's own library and frozen modules are not where the student's line is.
        const bool library = file.startsWith(QLatin1Char('<')) ||
                             file.contains(QLatin1String("/lib/python3.")) ||
                             file.contains(QLatin1String("/lib64/python3."));
        if (!library) {
            here.text = lineText(pid, file, line);
            return here;
        }
        if (!innermost.isValid())
            innermost = here;
    }
    if (innermost.isValid())
        innermost.text = lineText(pid, innermost.file, innermost.line);
    return innermost;
}
