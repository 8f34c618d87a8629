// SPDX-License-Identifier: MIT
#pragma once

#include <QDialog>
#include <QStringList>

class QComboBox;
class QLabel;
class QLineEdit;
class QRadioButton;

// File → Watch a Program…: the command (split into arguments as a shell would, but without
// one), its folder and the pane it goes in. The last commands are offered again.
class WatchDialog : public QDialog
{
    Q_OBJECT
public:
    static constexpr int recentCommands = 10;

    explicit WatchDialog(QWidget *parent = nullptr);

    // The words of the command; empty when it has none (or an unclosed quote).
    QStringList command() const;
    QString directory() const;
    bool intoServerPane() const;
    void setIntoServerPane(bool server);

    void accept() override;

private:
    void browse();

    QComboBox *m_command;
    QLineEdit *m_directory;
    QRadioButton *m_server;
    QRadioButton *m_client;
    QLabel *m_problem;
};
