// SPDX-License-Identifier: MIT
#include "WatchDialog.h"

#include "WindowSettings.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProcess>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QVBoxLayout>

WatchDialog::WatchDialog(QWidget *parent)
    : QDialog(parent), m_command(new QComboBox), m_directory(new QLineEdit),
      m_server(new QRadioButton(tr("&Server pane"))),
      m_client(new QRadioButton(tr("C&lient pane"))), m_problem(new QLabel)
{
    setWindowTitle(tr("Watch a Program"));
    QSettings settings;
    m_command->setEditable(true);
    m_command->addItems(WindowSettings::watchCommands.read(settings));
    m_command->setCurrentIndex(m_command->count() > 0 ? 0 : -1);
    m_command->lineEdit()->setPlaceholderText(QStringLiteral("python3 server.py"));
    m_command->setAccessibleName(tr("Command"));
    m_command->setToolTip(tr("The program and its arguments; quote an argument with spaces. "
                             "SocketLab starts it and shows every socket call it makes."));
    m_command->setMinimumContentsLength(30);
    const QString folder = WindowSettings::watchFolder.read(settings);
    m_directory->setText(folder.isEmpty() ? QDir::homePath() : folder);
    m_directory->setAccessibleName(tr("Folder"));
    m_directory->setToolTip(tr("The folder the program starts in (where server.py is)"));
    auto *browse = new QPushButton(tr("&Browse…"));
    connect(browse, &QPushButton::clicked, this, &WatchDialog::browse);
    auto *folderRow = new QHBoxLayout;
    folderRow->addWidget(m_directory, 1);
    folderRow->addWidget(browse);
    auto *paneRow = new QHBoxLayout;
    paneRow->addWidget(m_server);
    paneRow->addWidget(m_client);
    paneRow->addStretch();
    m_server->setChecked(true);
    m_server->setToolTip(tr("The program is the server; the client pane stays yours to click"));
    m_client->setToolTip(tr("The program is the client; the server pane stays yours to click"));

    auto *form = new QFormLayout;
    form->addRow(tr("&Command:"), m_command);
    form->addRow(tr("&Folder:"), folderRow);
    form->addRow(tr("Show in:"), paneRow);
    auto *note = new QLabel(
        tr("The program runs as you, under SocketLab's watch: stopping the watch ends it, and a "
           "setuid program runs without its privilege."));
    note->setWordWrap(true);
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_problem->hide();
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("&Watch"));
    connect(buttons, &QDialogButtonBox::accepted, this, &WatchDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &WatchDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(note);
    layout->addWidget(m_problem);
    layout->addWidget(buttons);
}

QStringList WatchDialog::command() const
{
    return QProcess::splitCommand(m_command->currentText().trimmed());
}

QString WatchDialog::directory() const
{
    return m_directory->text().trimmed();
}

bool WatchDialog::intoServerPane() const
{
    return m_server->isChecked();
}

void WatchDialog::setIntoServerPane(bool server)
{
    (server ? m_server : m_client)->setChecked(true);
}

void WatchDialog::accept()
{
    QString problem;
    if (command().isEmpty())
        problem = tr("Give the program to run, for example: python3 server.py");
    else if (!directory().isEmpty() && !QDir(directory()).exists())
        problem = tr("The folder %1 does not exist.").arg(directory());
    if (!problem.isEmpty()) {
        m_problem->setText(problem);
        m_problem->show();
        return;
    }
    QSettings settings;
    QStringList recent = WindowSettings::watchCommands.read(settings);
    const QString text = m_command->currentText().trimmed();
    recent.removeAll(text);
    recent.prepend(text);
    WindowSettings::watchCommands.write(settings, recent.mid(0, recentCommands));
    WindowSettings::watchFolder.write(settings, directory());
    QDialog::accept();
}

void WatchDialog::browse()
{
    const QString folder =
        QFileDialog::getExistingDirectory(this, tr("Folder of the program"), directory());
    if (!folder.isEmpty())
        m_directory->setText(folder);
}
