// SPDX-License-Identifier: MIT
#include "HostsView.h"

#include "lookup/BackgroundLookup.h"
#include "lookup/HostLookup.h"
#include "lookup/InterfaceList.h"
#include "present/CodeLiteral.h"

#include <QGridLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>

#include <netdb.h>

HostsView::HostsView(QWidget *parent)
    : QWidget(parent), m_hostname(new QLabel(this)),
      m_name(new QLineEdit(QStringLiteral("localhost"), this)),
      m_address(new QLineEdit(QStringLiteral("127.0.0.1"), this)), m_answer(new QLabel(this)),
      m_interfaces(new QTableWidget(0, 3, this)), m_lookup(new BackgroundLookup(this)),
      m_cancel(new QPushButton(tr("Cancel"), this))
{
    m_name->setObjectName(QStringLiteral("hosts.name"));
    m_address->setObjectName(QStringLiteral("hosts.address"));
    m_answer->setObjectName(QStringLiteral("hosts.answer"));
    m_interfaces->setObjectName(QStringLiteral("hosts.interfaces"));
    m_name->setAccessibleName(tr("Host name"));
    m_address->setAccessibleName(tr("Address"));
    m_interfaces->setAccessibleName(tr("Interfaces and their addresses"));
    // Tab leaves the table (arrow keys move within it), so keyboard users are not trapped.
    m_interfaces->setTabKeyNavigation(false);
    m_hostname->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_answer->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_answer->setWordWrap(true);
    m_interfaces->setHorizontalHeaderLabels({tr("Interface"), tr("IPv4"), tr("IPv6")});
    m_interfaces->horizontalHeader()->setSectionResizeMode(2, QHeaderView::Stretch);
    m_interfaces->verticalHeader()->hide();
    auto *byName = new QPushButton(QStringLiteral("gethostbyname_ex()"), this);
    auto *byAddress = new QPushButton(QStringLiteral("getnameinfo()"), this);
    auto *refresh = new QPushButton(tr("Refresh interfaces"), this);
    byName->setObjectName(QStringLiteral("hosts.byName"));
    byName->setToolTip(tr("Name → canonical name, aliases and IPv4 addresses"));
    byAddress->setToolTip(tr("Address → host name (reverse lookup)"));
    m_cancel->setObjectName(QStringLiteral("hosts.cancel"));
    m_cancel->setToolTip(tr("Stop waiting for the look-up; a late answer is ignored"));
    m_cancel->setEnabled(false);
    refresh->setToolTip(tr("Read this machine's interfaces and their addresses again "
                           "(getifaddrs)"));
    m_name->setToolTip(tr("A host name, such as localhost or this machine's name"));
    m_address->setToolTip(tr("An IPv4 or IPv6 address, to look its name up"));

    auto *grid = new QGridLayout(this);
    grid->addWidget(new QLabel(QStringLiteral("socket.gethostname() →"), this), 0, 0);
    grid->addWidget(m_hostname, 0, 1, 1, 2);
    grid->addWidget(m_name, 1, 0, 1, 2);
    grid->addWidget(byName, 1, 2);
    grid->addWidget(m_address, 2, 0, 1, 2);
    grid->addWidget(byAddress, 2, 2);
    grid->addWidget(m_answer, 3, 0, 1, 2);
    grid->addWidget(m_cancel, 3, 2, Qt::AlignTop);
    grid->addWidget(m_interfaces, 4, 0, 1, 3);
    grid->addWidget(refresh, 5, 2);
    grid->setColumnStretch(1, 1);

    connect(byName, &QPushButton::clicked, this, &HostsView::lookUpName);
    connect(m_name, &QLineEdit::returnPressed, this, &HostsView::lookUpName);
    connect(byAddress, &QPushButton::clicked, this, &HostsView::lookUpAddress);
    connect(m_address, &QLineEdit::returnPressed, this, &HostsView::lookUpAddress);
    connect(refresh, &QPushButton::clicked, this, &HostsView::refreshInterfaces);
    connect(m_cancel, &QPushButton::clicked, this, &HostsView::cancel);
    connect(m_lookup, &BackgroundLookup::busyChanged, m_cancel, &QWidget::setEnabled);
    m_hostname->setText(QStringLiteral("'%1'").arg(HostLookup::hostname()));
    refreshInterfaces();
}

void HostsView::lookUpName()
{
    const QString name = m_name->text().trimmed();
    m_answer->setText(tr("looking up…"));
    m_lookup->run<HostLookup::Answer>(
        [name] { return HostLookup::byName(name); },
        [this, name](const HostLookup::Answer &a) {
            const QString quoted = CodeLiteral::python(name);
            const QString call = QStringLiteral("socket.gethostbyname_ex(") + quoted + ')';
            m_answer->setText(a.error.isError()
                                  ? QStringLiteral("%1 → %2\n%3")
                                        .arg(call, a.error.pythonException(), a.error.hint())
                                  : QStringLiteral("socket.gethostbyname(") + quoted +
                                        QStringLiteral(") → ") +
                                        CodeLiteral::python(a.addresses.value(0)) + '\n' + call +
                                        QStringLiteral(" → ") + a.pythonTuple());
        });
}

void HostsView::lookUpAddress()
{
    const QString address = m_address->text().trimmed();
    m_answer->setText(tr("looking up…"));
    m_lookup->run<HostLookup::Answer>(
        [address] { return HostLookup::nameInfo(address, 0, 0); },
        [this, address](const HostLookup::Answer &a) {
            const QString call = QStringLiteral("socket.getnameinfo(('%1', 0), 0)").arg(address);
            m_answer->setText(
                a.error.isError()
                    ? QStringLiteral("%1 → %2").arg(call, a.error.pythonException())
                    : QStringLiteral("%1 → ('%2', '%3')").arg(call, a.host, a.service));
        });
}

void HostsView::cancel()
{
    m_lookup->cancel();
    m_answer->setText(tr("Cancelled; a late answer will be ignored."));
}

void HostsView::refreshInterfaces()
{
    const QList<InterfaceList::Entry> entries = InterfaceList::current();
    m_interfaces->setRowCount(entries.size());
    for (int r = 0; r < entries.size(); ++r) {
        const InterfaceList::Entry &e = entries.at(r);
        QString name = e.name;
        if (e.isLoopback)
            name += tr(" (loopback: this machine only)");
        else if (!e.isUp)
            name += tr(" (down)");
        m_interfaces->setItem(r, 0, new QTableWidgetItem(name));
        m_interfaces->setItem(r, 1, new QTableWidgetItem(e.ipv4.join(QStringLiteral("  "))));
        m_interfaces->setItem(r, 2, new QTableWidgetItem(e.ipv6.join(QStringLiteral("  "))));
    }
    m_interfaces->resizeColumnToContents(0);
    m_interfaces->resizeColumnToContents(1);
}
