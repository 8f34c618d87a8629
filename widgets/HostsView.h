// SPDX-License-Identifier: MIT
#pragma once

#include <QWidget>

class BackgroundLookup;
class QLabel;
class QPushButton;
class QLineEdit;
class QTableWidget;

// gethostname, gethostbyname(_ex), getnameinfo, and this machine's interfaces with their
// addresses (loopback marked), for reading out "connect to 192.168.1.23:50000" in class.
class HostsView : public QWidget
{
    Q_OBJECT
public:
    explicit HostsView(QWidget *parent = nullptr);

    QLineEdit *nameBox() const { return m_name; }
    QLabel *answerLabel() const { return m_answer; }
    QTableWidget *interfaces() const { return m_interfaces; }
    void lookUpName();
    void lookUpAddress();
    void refreshInterfaces();
    // Stops waiting for a name look-up (a slow DNS server); its late answer is ignored.
    void cancel();

private:
    QLabel *m_hostname;
    QLineEdit *m_name;
    QLineEdit *m_address;
    QLabel *m_answer;
    QTableWidget *m_interfaces;
    BackgroundLookup *m_lookup;
    QPushButton *m_cancel;
};
