// SPDX-License-Identifier: MIT
#pragma once

#include <QWidget>

class BackgroundLookup;
class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;
class QTableWidget;

// getservbyname and getservbyport, the whole services database with each port's range, and
// who holds a port on this machine right now (as ss -tulpn shows it).
class ServicesView : public QWidget
{
    Q_OBJECT
public:
    explicit ServicesView(QWidget *parent = nullptr);

    QLineEdit *nameBox() const { return m_name; }
    QLabel *answerLabel() const { return m_answer; }
    QTableWidget *table() const { return m_table; }
    void lookUpName();
    void lookUpPort();
    // The port box's port: its sockets, their states and holders (on a pool thread: finding
    // the programs reads every process's descriptors).
    void lookUpOwners();
    void loadTable();

private:
    QLineEdit *m_name;
    QSpinBox *m_port;
    QComboBox *m_protocol;
    QLabel *m_answer;
    QLineEdit *m_filter;
    QTableWidget *m_table;
    BackgroundLookup *m_lookup;
    BackgroundLookup *m_tableLookup;
};
