// SPDX-License-Identifier: MIT
#pragma once

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QSettings;
class QSpinBox;

// The arguments of socket() and of bind()/connect(): family, type, protocol, host, port.
class EndpointForm : public QWidget
{
    Q_OBJECT
public:
    // serverSide picks the port notes: a server's port warnings differ from a client's.
    EndpointForm(const QString &objectPrefix, int defaultProtocol, bool serverSide,
                 QWidget *parent = nullptr);

    int family() const;
    int type() const;
    int protocol() const;
    QString host() const;
    int port() const;

    void setEndpoint(const QString &host, int port);
    // Where a Unix domain socket goes by default: socketlab.sock in the runtime folder.
    static QString defaultUnixPath();
    // Selects the family and protocol when the boxes offer them; false otherwise.
    bool setFamily(int family);
    bool setProtocol(int protocol);
    bool setType(int type);
    QString portNote() const;
    // On a projector the port notes give way to the sockets' state.
    void setCompact(bool compact);
    // The fields socket() reads (family, type, protocol) and those bind() and connect() read
    // (host, port), for a pane that shows only the fields of the calls it can make now.
    QWidget *kindFields() const { return m_kindRow; }
    QWidget *addressFields() const { return m_addressRow; }
    void readSettings(QSettings &settings);
    void writeSettings(QSettings &settings) const;

signals:
    // The user changed a field (not code filling it in).
    void edited();

private:
    void onFamilyChanged();
    void updatePortNote();

    QComboBox *m_family;
    QComboBox *m_type;
    QComboBox *m_protocol;
    QLineEdit *m_host;
    QSpinBox *m_port;
    QLabel *m_portNote;
    QWidget *m_kindRow;
    QWidget *m_addressRow;
    bool m_compact = false;
    QLabel *m_hostLabel;
    QLabel *m_portLabel;
    bool m_serverSide;
};
