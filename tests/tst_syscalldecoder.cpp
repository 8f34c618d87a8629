// SPDX-License-Identifier: MIT
// What a watched program's system calls become, as data: no program runs here. The memory
// the decoder reads is a table of addresses the test fills.

#include "present/PythonForm.h"
#include "trace/TraceReplay.h"
#include "watch/SyscallDecoder.h"

#include <QTest>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/uio.h>

namespace {
constexpr int pid = 4242;

class FakeMemory
{
public:
    quint64 put(const QByteArray &bytes)
    {
        const quint64 at = m_next;
        m_bytes.insert(at, bytes);
        m_next += 0x1000;
        return at;
    }
    QByteArray read(quint64 address, qint64 length) const
    {
        return m_bytes.value(address).left(int(length));
    }

private:
    QHash<quint64, QByteArray> m_bytes;
    quint64 m_next = 0x10000;
};

QByteArray inet(const char *host, int port)
{
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_port = htons(quint16(port));
    inet_pton(AF_INET, host, &a.sin_addr);
    return QByteArray(reinterpret_cast<const char *>(&a), sizeof a);
}
} // namespace

class TestSyscallDecoder : public QObject
{
    Q_OBJECT
private slots:
    void aServersCallsReadAsPython();
    void filesAndTheTerminalAreLeftOut();
    void aReusedDescriptorIsANewSocket();
    void aDuplicateIsTheSameSocket();
    void aForkedChildKeepsItsParentsSockets();
    void aFailedCallCarriesItsErrno();
    void aSocketIsShownOnceItHasItsDescriptor();
    void aCallTheKernelStartsAgainIsOneCall();
    void aSocketFromBeforeAttachingIsShownAsTheKernelListsIt();
    void scatteredBuffersAreGatheredInOrder();

private:
    // One call: its entry and return; the returned event (or call None when not shown).
    SocketEvent call(int nr, SyscallDecoder::Arguments args, qint64 ret, int process = pid);

    FakeMemory m_memory;
    SyscallDecoder m_decoder{
        [this](int, quint64 address, qint64 length) { return m_memory.read(address, length); }};
    double m_t = 0;
};

SocketEvent TestSyscallDecoder::call(int nr, SyscallDecoder::Arguments args, qint64 ret,
                                     int process)
{
    const auto started = m_decoder.enter(process, process, nr, args, ++m_t);
    const auto ended = m_decoder.leave(process, process, ret, ++m_t);
    if (started.has_value() && !ended.has_value())
        return SocketEvent(); // a call whose start was shown must be shown ending
    return ended.value_or(SocketEvent());
}

void TestSyscallDecoder::aServersCallsReadAsPython()
{
    const SocketEvent made = call(SYS_socket, {AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0}, 3);
    QCOMPARE(PythonForm::statement(made),
             QStringLiteral("sock_3 = socket.socket(socket.AF_INET, socket.SOCK_STREAM, "
                            "socket.IPPROTO_IP)"));
    const quint64 address = m_memory.put(inet("127.0.0.1", 50000));
    QCOMPARE(PythonForm::statement(call(SYS_bind, {3, address, 16}, 0)),
             QStringLiteral("sock_3.bind(('127.0.0.1', 50000))"));
    QCOMPARE(PythonForm::statement(call(SYS_listen, {3, 5}, 0)),
             QStringLiteral("sock_3.listen(5)"));
    const quint64 peer = m_memory.put(inet("127.0.0.1", 40000));
    socklen_t length = 16;
    const quint64 lengthAt =
        m_memory.put(QByteArray(reinterpret_cast<const char *>(&length), sizeof length));
    const SocketEvent accepted = call(SYS_accept4, {3, peer, lengthAt, SOCK_CLOEXEC}, 4);
    QCOMPARE(PythonForm::statement(accepted), QStringLiteral("sock_4, addr = sock_3.accept()"));
    QCOMPARE(PythonForm::outcome(accepted), QStringLiteral("('127.0.0.1', 40000)"));
    QCOMPARE(accepted.role, SocketRole::Server);
    const quint64 buffer = m_memory.put("hello, server");
    const SocketEvent received = call(SYS_recvfrom, {4, buffer, 1024, 0, 0, 0}, 5);
    QCOMPARE(received.call, SocketCall::Recv);
    QCOMPARE(received.role, SocketRole::Connection);
    QCOMPARE(received.data, QByteArray("hello")); // the bytes the call returned, no more
    QCOMPARE(received.byteCount, 5);
    const SocketEvent sent = call(SYS_sendto, {4, buffer, 13, 0, 0, 0}, 13);
    QCOMPARE(sent.call, SocketCall::Send);
    QCOMPARE(sent.data, QByteArray("hello, server"));
    QCOMPARE(PythonForm::statement(call(SYS_close, {4}, 0)), QStringLiteral("sock_4.close()"));
}

void TestSyscallDecoder::filesAndTheTerminalAreLeftOut()
{
    for (const int nr : {SYS_read, SYS_write, SYS_close})
        QCOMPARE(call(nr, {1, m_memory.put("text"), 4}, 4).call, SocketCall::None);
    QVERIFY(!m_decoder.awaitsReturn(pid));
    // A file's read needs no stop at its return; a socket's does.
    m_decoder.enter(pid, pid, SYS_read, {0, 0, 10}, ++m_t);
    QVERIFY(!m_decoder.awaitsReturn(pid));
}

void TestSyscallDecoder::aReusedDescriptorIsANewSocket()
{
    const SocketEvent first = call(SYS_socket, {AF_INET, SOCK_STREAM, 0}, 3);
    call(SYS_close, {3}, 0);
    const SocketEvent second = call(SYS_socket, {AF_INET, SOCK_DGRAM, 0}, 3);
    QCOMPARE(first.socketName, second.socketName); // both sock_3, as print() would say
    QVERIFY(first.socketId != second.socketId);    // but two sockets in the trace
}

void TestSyscallDecoder::aDuplicateIsTheSameSocket()
{
    const SocketEvent made = call(SYS_socket, {AF_INET, SOCK_STREAM, 0}, 3);
    QCOMPARE(call(SYS_dup2, {3, 7}, 7).call, SocketCall::None);
    const SocketEvent listened = call(SYS_listen, {7, 1}, 0);
    QCOMPARE(listened.socketId, made.socketId);
}

void TestSyscallDecoder::aForkedChildKeepsItsParentsSockets()
{
    const SocketEvent made = call(SYS_socket, {AF_INET, SOCK_STREAM, 0}, 3);
    m_decoder.forked(pid, pid + 1);
    QCOMPARE(call(SYS_listen, {3, 1}, 0, pid + 1).socketId, made.socketId);
}

void TestSyscallDecoder::aFailedCallCarriesItsErrno()
{
    call(SYS_socket, {AF_INET, SOCK_STREAM, 0}, 3);
    const quint64 address = m_memory.put(inet("127.0.0.1", 1));
    const SocketEvent refused = call(SYS_connect, {3, address, 16}, -ECONNREFUSED);
    QCOMPARE(refused.phase, CallPhase::Failed);
    QCOMPARE(refused.error.name(), QStringLiteral("ECONNREFUSED"));
    QVERIFY(!refused.error.hint().isEmpty());
}

void TestSyscallDecoder::aSocketIsShownOnceItHasItsDescriptor()
{
    // Before it returns, socket() names no socket: an event of none could not be traced.
    QVERIFY(!m_decoder.enter(pid, pid, SYS_socket, {AF_INET, SOCK_STREAM, 0}, ++m_t));
    QVERIFY(m_decoder.awaitsReturn(pid));
    const auto made = m_decoder.leave(pid, pid, 5, ++m_t);
    QVERIFY(made.has_value());
    QVERIFY(!made->socketId.isEmpty());
    QCOMPARE(made->phase, CallPhase::Returned);
    QCOMPARE(made->socketName, QStringLiteral("sock_5"));
}

void TestSyscallDecoder::aCallTheKernelStartsAgainIsOneCall()
{
    call(SYS_socket, {AF_INET, SOCK_STREAM, 0}, 3);
    call(SYS_listen, {3, 5}, 0);
    // A SIGCHLD while accept() waits: the kernel's ERESTARTSYS (512), which the program never
    // sees, and the same call entered again.
    const auto started = m_decoder.enter(pid, pid, SYS_accept4, {3, 0, 0, 0}, ++m_t);
    QVERIFY(started.has_value());
    QVERIFY(!m_decoder.leave(pid, pid, -512, ++m_t).has_value());
    QVERIFY(!m_decoder.enter(pid, pid, SYS_accept4, {3, 0, 0, 0}, ++m_t).has_value());
    QVERIFY(m_decoder.awaitsReturn(pid));
    const auto accepted = m_decoder.leave(pid, pid, 4, ++m_t);
    QVERIFY(accepted.has_value());
    QCOMPARE(accepted->phase, CallPhase::Returned);
    QCOMPARE(accepted->socketId, started->socketId);
    // Another call after a restart (one the program saw as EINTR) is a call of its own.
    m_decoder.enter(pid, pid, SYS_recvfrom, {4, 0, 10, 0, 0, 0}, ++m_t);
    m_decoder.leave(pid, pid, -514, ++m_t);
    const auto closing = m_decoder.enter(pid, pid, SYS_close, {4}, ++m_t);
    QVERIFY(closing.has_value());
    QCOMPARE(closing->call, SocketCall::Close);
}

void TestSyscallDecoder::aSocketFromBeforeAttachingIsShownAsTheKernelListsIt()
{
    SocketDiag::Entry listener;
    listener.family = AF_INET;
    listener.protocol = IPPROTO_TCP;
    listener.local =
        SocketAddress::fromVariant({{QStringLiteral("family"), AF_INET},
                                    {QStringLiteral("host"), QStringLiteral("127.0.0.1")},
                                    {QStringLiteral("port"), 5000}});
    listener.kernel.source = KernelSample::Source::SockDiag;
    listener.kernel.state = 10;
    const SocketEvent found = m_decoder.existing(pid, 3, SocketRole::Server, listener, ++m_t);
    QCOMPARE(found.call, SocketCall::Socket);
    QCOMPARE(found.phase, CallPhase::Returned);
    QCOMPARE(found.socketName, QStringLiteral("sock_3"));
    QCOMPARE(PythonForm::statement(found),
             QStringLiteral("# sock_3 was open before watching began: socket.AF_INET, "
                            "socket.SOCK_STREAM, LISTEN at ('127.0.0.1', 5000)"));
    // A replay, or the pane, sees a listener.
    QHash<QString, SocketInfo> sockets;
    QStringList order;
    TraceReplay::apply(found, &sockets, &order);
    QCOMPARE(sockets.value(found.socketId).state, SocketState::Listening);
    QCOMPARE(sockets.value(found.socketId).local.port(), 5000);
    // Its calls from then on are its own.
    QCOMPARE(call(SYS_accept4, {3, 0, 0, 0}, 4).socketId, found.socketId);
}

void TestSyscallDecoder::scatteredBuffersAreGatheredInOrder()
{
    call(SYS_socket, {AF_INET, SOCK_DGRAM, 0}, 3);
    // sendmsg with an address and two pieces: a sendto of both, in order.
    const quint64 first = m_memory.put("scatter");
    const quint64 second = m_memory.put("-gather");
    const iovec pieces[2] = {{reinterpret_cast<void *>(first), 7},
                             {reinterpret_cast<void *>(second), 7}};
    const quint64 vector =
        m_memory.put(QByteArray(reinterpret_cast<const char *>(pieces), sizeof pieces));
    const quint64 to = m_memory.put(inet("127.0.0.1", 9999));
    msghdr m{};
    m.msg_name = reinterpret_cast<void *>(to);
    m.msg_namelen = 16;
    m.msg_iov = reinterpret_cast<iovec *>(vector);
    m.msg_iovlen = 2;
    const quint64 header = m_memory.put(QByteArray(reinterpret_cast<const char *>(&m), sizeof m));
    const SocketEvent sent = call(SYS_sendmsg, {3, header, 0}, 14);
    QCOMPARE(sent.call, SocketCall::SendTo);
    QCOMPARE(sent.data, QByteArray("scatter-gather"));
    QCOMPARE(sent.args.value(QStringLiteral("port")).toInt(), 9999);
    // readv of 7 + 7 bytes that returned 10: the first piece whole, then 3 of the second.
    const SocketEvent read = call(SYS_readv, {3, vector, 2}, 10);
    QCOMPARE(read.call, SocketCall::Recv);
    QCOMPARE(read.args.value(QStringLiteral("bufsize")).toLongLong(), 14);
    QCOMPARE(read.data, QByteArray("scatter-ga"));
    // A vector the program's memory does not hold is no bytes, not a crash.
    QCOMPARE(call(SYS_writev, {3, 0xdead0000, 1000000}, 5).data, QByteArray());
}

QTEST_GUILESS_MAIN(TestSyscallDecoder)
#include "tst_syscalldecoder.moc"
