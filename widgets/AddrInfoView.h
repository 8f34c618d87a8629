// SPDX-License-Identifier: MIT
#pragma once

#include "lookup/AddrInfoEntry.h"
#include "lookup/AddrInfoLookup.h"

#include <QList>
#include <QWidget>

class BackgroundLookup;
class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;

// getaddrinfo with every argument, run in the background: results in the order returned,
// written as Python prints them, and a row can be used to fill the client or server pane
// (the course's socket.socket(*info[:3]) then connect(info[-1])).
class AddrInfoView : public QWidget
{
    Q_OBJECT
public:
    explicit AddrInfoView(QWidget *parent = nullptr);

    void setQuery(const QString &host, const QString &service);
    void lookUp();
    void cancel();
    BackgroundLookup *lookup() const { return m_lookup; }
    QTableWidget *table() const { return m_table; }
    QString errorText() const;

signals:
    void useEntry(const AddrInfoEntry &entry, bool forServer);

private:
    static QString flagHint(int flag);
    AddrInfoRequest request() const;
    void showAnswer(const AddrInfoLookup::Answer &answer);
    void showEntries();
    void useSelected(bool forServer);

    QLineEdit *m_host;
    QLineEdit *m_service;
    QComboBox *m_family;
    QComboBox *m_type;
    QComboBox *m_protocol;
    QList<QCheckBox *> m_flags;
    QCheckBox *m_streamOnly;
    QPushButton *m_run;
    QPushButton *m_cancel;
    QLabel *m_status;
    QLabel *m_error;
    QLabel *m_note; // what the answer hides (a port that wrapped)
    QTableWidget *m_table;
    QPushButton *m_useClient;
    QPushButton *m_useServer;
    BackgroundLookup *m_lookup;
    AddrInfoLookup::Answer m_answer;
    QList<AddrInfoEntry> m_shown;
};
