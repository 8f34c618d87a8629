#pragma once

#include <QObject>
#include <QTimer>

class ByteView;
class CodeView;
class EventLog;
class ReplayController;
class SequenceDiagramView;
class SessionLogView;
class SocketSession;
class TcpStateView;
struct SocketEvent;

// How the window's views follow the session: every event goes to the log and the diagram
// (unless a replay holds it back), the byte, code and TCP state views show the newest call
// or the one selected, and a long session's history stays bounded.
class EventFollower : public QObject
{
    Q_OBJECT
public:
    struct Parts
    {
        SocketSession *session = nullptr;
        EventLog *log = nullptr;
        SessionLogView *logView = nullptr;
        SequenceDiagramView *diagram = nullptr;
        ByteView *bytes = nullptr;
        CodeView *code = nullptr;
        TcpStateView *states = nullptr;
        ReplayController *replayer = nullptr;
    };

    // The live history a long session keeps (a lesson is about a hundred events; a thousand
    // clients about eight thousand): beyond max, the oldest go down to kept.
    static constexpr int maxLogEvents = 12000;
    static constexpr int keptLogEvents = 9000;
    static constexpr int maxDiagramRows = 4000;
    static constexpr int keptDiagramEvents = 2000;

    explicit EventFollower(const Parts &parts, QObject *parent = nullptr);

    // The byte and code views show the log's row (a replay's step, a click in the log).
    void showEventBytes(int logRow);

private:
    void onEvent(const SocketEvent &event);
    void keepHistoryBounded();
    void followNewest();

    Parts m_parts;
    QTimer m_followTimer;
    int m_newestEnded = -1;
};
