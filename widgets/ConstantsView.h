// SPDX-License-Identifier: MIT
#pragma once

#include <QWidget>

class BackgroundLookup;
class QComboBox;
class QLabel;
class QLineEdit;
class QTableWidget;
class SocketSession;

// The constants of this system's socket headers: pick a prefix (like the course's
// get_constants) or type a number to see every name with that value. Names that share a
// value are marked, since a {value: name} dict would silently keep only one. The defaults of
// socket.socket() come from a real socket the session's worker makes.
class ConstantsView : public QWidget
{
    Q_OBJECT
public:
    explicit ConstantsView(SocketSession *session, QWidget *parent = nullptr);

    QComboBox *prefixBox() const { return m_prefix; }
    QLineEdit *valueBox() const { return m_value; }
    QTableWidget *table() const { return m_table; }
    QLabel *defaultsLabel() const { return m_defaults; }
    void probeDefaults();

private:
    void showPrefix();
    void showValue();

    QComboBox *m_prefix;
    QLineEdit *m_value;
    QTableWidget *m_table;
    QLabel *m_summary;
    QLabel *m_defaults;
    SocketSession *m_session;
    BackgroundLookup *m_probe;
};
