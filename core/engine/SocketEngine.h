// SPDX-License-Identifier: MIT
#pragma once

#include "calls/CallRequest.h"
#include "calls/ServeRequest.h"
#include "calls/ServingStatus.h"
#include "calls/SocketEvent.h"
#include "calls/SocketInfo.h"
#include "engine/AddressCalls.h"
#include "engine/CallReporter.h"
#include "engine/DataTransfer.h"
#include "engine/OptionCalls.h"

#include <QObject>
#include <QThreadPool>

#include <deque>
#include <map>
#include <memory>

class BatchSender;
class CallQueue;
class Mailbox;
class QSocketNotifier;
class ServeLoop;
class QTimer;
struct CallSlot;
struct EngineSocket;

// The socket worker. It lives on its own thread ("socketlab-io") and is the only place
// where socket system calls happen. Every fd is non-blocking: a call that would block in
// Python is reported as blocked and finished later, when a QSocketNotifier says the fd is
// ready. So one thread and one poll loop serve any number of sockets, and close() can
// always cancel a blocked call at once.
class SocketEngine : public QObject
{
    Q_OBJECT
public:
    explicit SocketEngine(const SessionClock *clock, QObject *parent = nullptr);
    ~SocketEngine() override;

    // A call an automatic server makes (AcceptLoop, DatagramLoop); see CallQueue.
    void enqueue(const CallRequest &request);
    // Work for this thread from any other (see Mailbox).
    Mailbox *mailbox() const { return m_mailbox; }
    // Snapshots, events and serving status for the UI thread, in order, in batches.
    BatchSender *batches() const { return m_batches; }

public slots:
    void execute(const CallRequest &request);
    // Closes every socket, cancelling blocked calls; the owner calls it before quitting.
    void closeAll();
    void startServing(const ServeRequest &request);
    // Nothing new is started for that socket; calls already under way finish.
    void stopServing(const QString &socketId);
    // See SocketSession::setEventDataLimit.
    void setEventDataLimit(qint64 bytes);

signals:
    // At once, for listeners on this thread (the automatic servers).
    void eventOccurred(const SocketEvent &event);

private:
    // The event as the UI thread gets it: its data cut to m_eventDataLimit.
    SocketEvent forUiThread(const SocketEvent &event) const;
    EngineSocket *find(const QString &id);
    void createSocket(const CallRequest &request);
    void listenOn(EngineSocket &s, const CallRequest &request);
    void tryAccept(EngineSocket &s, CallSlot &slot);
    // A non-blocking call that would block is the student's blocking call waiting: report
    // it and try again when the fd is ready. Reports the call blocked and arms the fd (for writing
    // or for reading).
    void blockAndWait(EngineSocket &s, CallSlot &slot, bool forWriting);
    void shutdownSocket(EngineSocket &s, const CallRequest &request);
    void closeSocket(EngineSocket &s, const QString &cancelReason);

    // A receive (or accept) waits for readability; connect and a send for writability. A
    // send may wait beside a receive, so each direction has its own notifier.
    void onReadable(EngineSocket &s);
    void onWritable(EngineSocket &s);
    // Between calls the kernel's view still changes (a peer's FIN, TIME_WAIT expiring):
    // sample it a few times a second and report what changed.
    void sampleKernel();
    // Lets go of closed sockets beyond the newest keepClosed once the kernel no longer
    // lists them, so 100,000 connections served leave no more behind than 1,000.
    void forgetClosedSockets();
    void waitFor(EngineSocket &s, bool writable);
    void stopWaiting(EngineSocket &s, bool writable);

    CallReporter m_report;
    DataTransfer m_data;
    OptionCalls m_options;
    std::map<QString, std::unique_ptr<ServeLoop>> m_loops; // automatic servers by socket id
    std::map<QString, std::unique_ptr<EngineSocket>> m_sockets;
    std::deque<QString> m_closed; // closed sockets still in m_sockets, oldest first

    // The last few closed sockets stay in the panes, whatever the kernel says.
    static constexpr std::size_t keepClosed = 64;
    int m_connectionCount = 0;
    qint64 m_eventDataLimit = -1;
    QTimer *m_kernelTimer;
    QTimer *m_trim; // hands freed memory back (FreedMemory) a second after sockets are forgotten
    BatchSender *m_batches;
    CallQueue *m_calls;
    Mailbox *m_mailbox;
    QThreadPool m_lookups;  // getaddrinfo for host names: it may block, so never on this thread
    AddressCalls m_address; // bind, connect, sendto: after the mailbox and pool it posts to
};
