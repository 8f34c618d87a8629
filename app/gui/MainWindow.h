#pragma once

#include <QMainWindow>
#include <QTimer>

class ByteView;
class CodeView;
class SequenceDiagramView;
class TcpStateView;
class LookupsPanel;
class QTabWidget;
struct AddrInfoEntry;
class ClientPane;
class EventLog;
class QAction;
class QLabel;
class QSplitter;
class ServerPane;
class SessionLogView;
class SocketSession;
struct SocketEvent;

// The SocketLab window: server pane and client pane side by side, the session log and the
// byte view below. It wires widgets to one SocketSession and keeps settings.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    SocketSession *session() const { return m_session; }
    EventLog *log() const { return m_log; }
    ServerPane *serverPane() const { return m_server; }
    ClientPane *clientPane() const { return m_client; }
    ByteView *byteView() const { return m_bytes; }
    CodeView *codeView() const { return m_code; }
    SequenceDiagramView *diagram() const { return m_diagram; }
    TcpStateView *tcpStates() const { return m_states; }
    LookupsPanel *lookups() const { return m_lookups; }
    // The window has two pages: the lab (panes, log, bytes) and the lookups.
    void showLookups(bool show);

    bool exportTrace(const QString &path, QString *error) const;
    // Writes server.py/client.py and server.c/client.c for the sides the session has.
    bool exportScripts(const QString &directory, QStringList *written, QString *error) const;
    void setZoom(int pointSize);
    int zoom() const { return m_zoom; }

    static constexpr int defaultZoom = 12;

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void buildMenus();
    void onEvent(const SocketEvent &event);
    void followNewest();
    void showEventBytes(int logRow);
    void showRefusal(const QString &reason);
    void useLookupResult(const AddrInfoEntry &entry, bool forServer);
    void chooseExportFile();
    void chooseScriptDirectory();
    void readSettings();
    void writeSettings() const;

    SocketSession *m_session;
    EventLog *m_log;
    ServerPane *m_server;
    ClientPane *m_client;
    SessionLogView *m_logView;
    ByteView *m_bytes;
    CodeView *m_code;
    SequenceDiagramView *m_diagram;
    TcpStateView *m_states;
    QTabWidget *m_details;
    LookupsPanel *m_lookups;
    QTabWidget *m_pages;
    QSplitter *m_vertical;
    QSplitter *m_panes;
    QSplitter *m_bottom;
    QAction *m_allowInvalid;
    QLabel *m_invalidBadge;
    int m_zoom = defaultZoom;
    QTimer m_followTimer;
    int m_newestEnded = -1;
};
