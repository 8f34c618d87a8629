#pragma once

#include <QWidget>

class QComboBox;
class QLineEdit;
class QSettings;
class QSpinBox;

// The arguments of socket() and of bind()/connect(): family, type, protocol, host, port.
class EndpointForm : public QWidget
{
    Q_OBJECT
public:
    EndpointForm(const QString &objectPrefix, int defaultProtocol, QWidget *parent = nullptr);

    int family() const;
    int type() const;
    int protocol() const;
    QString host() const;
    int port() const;

    void setEndpoint(const QString &host, int port);
    void readSettings(QSettings &settings);
    void writeSettings(QSettings &settings) const;

private:
    void onFamilyChanged();

    QComboBox *m_family;
    QComboBox *m_type;
    QComboBox *m_protocol;
    QLineEdit *m_host;
    QSpinBox *m_port;
};
