#pragma once

#include <QWidget>

class BackgroundLookup;
class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;
class QTableWidget;

// getservbyname and getservbyport, and the whole services database with each port's range.
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
