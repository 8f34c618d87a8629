// SPDX-License-Identifier: MIT
#include "ServicesView.h"

#include "calls/PortRange.h"
#include "lookup/BackgroundLookup.h"
#include "lookup/PortOwners.h"
#include "lookup/ServiceLookup.h"

#include <QComboBox>
#include <QGridLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>

ServicesView::ServicesView(QWidget *parent)
    : QWidget(parent), m_name(new QLineEdit(QStringLiteral("ssh"), this)),
      m_port(new QSpinBox(this)), m_protocol(new QComboBox(this)), m_answer(new QLabel(this)),
      m_filter(new QLineEdit(this)), m_table(new QTableWidget(0, 4, this)),
      m_lookup(new BackgroundLookup(this)), m_tableLookup(new BackgroundLookup(this))
{
    m_name->setObjectName(QStringLiteral("services.name"));
    m_port->setObjectName(QStringLiteral("services.port"));
    m_answer->setObjectName(QStringLiteral("services.answer"));
    m_table->setObjectName(QStringLiteral("services.table"));
    m_name->setAccessibleName(tr("Service name"));
    m_port->setAccessibleName(tr("Port number"));
    m_filter->setAccessibleName(tr("Filter the services"));
    m_table->setAccessibleName(tr("Services"));
    // Tab leaves the table (arrow keys move within it), so keyboard users are not trapped.
    m_table->setTabKeyNavigation(false);
    m_port->setRange(0, 65535);
    m_port->setValue(80);
    m_protocol->addItem(QStringLiteral("tcp"), QStringLiteral("tcp"));
    m_protocol->addItem(QStringLiteral("udp"), QStringLiteral("udp"));
    m_protocol->addItem(tr("any"), QString());
    m_answer->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_answer->setTextFormat(Qt::PlainText); // a holder's command line is not markup
    m_answer->setWordWrap(true);
    m_filter->setPlaceholderText(tr("filter by name or port"));
    m_filter->setToolTip(tr("Show only the services whose name or port contains this text"));
    m_name->setToolTip(tr("A service name from /etc/services, such as ssh or http"));
    m_port->setToolTip(tr("A port number, 0 to 65535"));
    m_protocol->setToolTip(tr("tcp or udp: a service may be listed for one or both"));
    m_table->setHorizontalHeaderLabels({tr("Port"), tr("Protocol"), tr("Service"), tr("Range")});
    m_table->horizontalHeader()->setSectionResizeMode(3, QHeaderView::Stretch);
    m_table->verticalHeader()->hide();
    m_table->setSortingEnabled(true);
    auto *byName = new QPushButton(QStringLiteral("getservbyname()"), this);
    auto *byPort = new QPushButton(QStringLiteral("getservbyport()"), this);
    byName->setObjectName(QStringLiteral("services.byName"));
    byPort->setObjectName(QStringLiteral("services.byPort"));
    byName->setToolTip(tr("Which port does this service use? (socket.getservbyname)"));
    byPort->setToolTip(tr("Which service uses this port? (socket.getservbyport)"));
    auto *owners = new QPushButton(tr("Who holds it?"), this);
    owners->setObjectName(QStringLiteral("services.owners"));
    owners->setToolTip(tr("Which program holds this port now, in which state, and what the "
                          "kernel still remembers on it (TIME_WAIT), as ss -tulpn shows it"));

    auto *grid = new QGridLayout(this);
    grid->addWidget(m_name, 0, 0);
    grid->addWidget(byName, 0, 1);
    grid->addWidget(m_port, 1, 0);
    grid->addWidget(byPort, 1, 1);
    grid->addWidget(owners, 1, 3);
    auto *protocolLabel = new QLabel(tr("protocol"), this);
    protocolLabel->setBuddy(m_protocol);
    grid->addWidget(protocolLabel, 0, 2);
    grid->addWidget(m_protocol, 1, 2);
    grid->addWidget(m_answer, 2, 0, 1, 4);
    grid->addWidget(m_filter, 3, 0, 1, 4);
    grid->addWidget(m_table, 4, 0, 1, 4);
    grid->setColumnStretch(0, 1);

    connect(byName, &QPushButton::clicked, this, &ServicesView::lookUpName);
    connect(m_name, &QLineEdit::returnPressed, this, &ServicesView::lookUpName);
    connect(byPort, &QPushButton::clicked, this, &ServicesView::lookUpPort);
    connect(owners, &QPushButton::clicked, this, &ServicesView::lookUpOwners);
    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString &text) {
        for (int r = 0; r < m_table->rowCount(); ++r) {
            const bool match =
                text.isEmpty() || m_table->item(r, 0)->text() == text.trimmed() ||
                m_table->item(r, 2)->text().contains(text.trimmed(), Qt::CaseInsensitive);
            m_table->setRowHidden(r, !match);
        }
    });
    loadTable();
}

void ServicesView::lookUpName()
{
    const QString name = m_name->text().trimmed();
    const QString protocol = m_protocol->currentData().toString();
    m_lookup->run<ServiceLookup::Answer>(
        [name, protocol] { return ServiceLookup::byName(name, protocol); },
        [this, name, protocol](const ServiceLookup::Answer &a) {
            const QString call =
                protocol.isEmpty()
                    ? QStringLiteral("socket.getservbyname('%1')").arg(name)
                    : QStringLiteral("socket.getservbyname('%1', '%2')").arg(name, protocol);
            m_answer->setText(
                a.error.isError()
                    ? QStringLiteral("%1 → %2").arg(call, a.error.pythonException())
                    : QStringLiteral("%1 → %2    %3")
                          .arg(call)
                          .arg(a.entries.first().port)
                          .arg(PortRange::kindName(PortRange::kind(a.entries.first().port))));
        });
}

void ServicesView::lookUpPort()
{
    const int port = m_port->value();
    const QString protocol = m_protocol->currentData().toString();
    m_lookup->run<ServiceLookup::Answer>(
        [port, protocol] { return ServiceLookup::byPort(port, protocol); },
        [this, port, protocol](const ServiceLookup::Answer &a) {
            const QString call =
                protocol.isEmpty()
                    ? QStringLiteral("socket.getservbyport(%1)").arg(port)
                    : QStringLiteral("socket.getservbyport(%1, '%2')").arg(port).arg(protocol);
            m_answer->setText(a.error.isError()
                                  ? QStringLiteral("%1 → %2").arg(call, a.error.pythonException())
                                  : QStringLiteral("%1 → '%2'    %3")
                                        .arg(call, a.entries.first().name,
                                             PortRange::kindName(PortRange::kind(port))));
        });
}

void ServicesView::lookUpOwners()
{
    const quint16 port = quint16(m_port->value());
    m_lookup->run<QVector<PortOwners::Entry>>(
        [port] { return PortOwners::of(port); },
        [this, port](const QVector<PortOwners::Entry> &entries) {
            QStringList lines;
            for (const PortOwners::Entry &e : entries)
                lines << QStringLiteral("%1 %2  %3")
                             .arg(e.protocol, e.local, PortOwners::describe(e));
            m_answer->setText(
                lines.isEmpty() ? tr("Nothing uses port %1: a server may bind it.").arg(port)
                                : tr("Port %1:\n%2").arg(port).arg(lines.join(QLatin1Char('\n'))));
        });
}

void ServicesView::loadTable()
{
    m_tableLookup->run<ServiceLookup::Answer>(
        &ServiceLookup::all, [this](const ServiceLookup::Answer &a) {
            m_table->setSortingEnabled(false);
            m_table->setRowCount(a.entries.size());
            for (int r = 0; r < a.entries.size(); ++r) {
                const ServiceLookup::Entry &e = a.entries.at(r);
                auto *port = new QTableWidgetItem;
                port->setData(Qt::DisplayRole, e.port);
                m_table->setItem(r, 0, port);
                m_table->setItem(r, 1, new QTableWidgetItem(e.protocol));
                m_table->setItem(r, 2, new QTableWidgetItem(e.name));
                m_table->setItem(
                    r, 3, new QTableWidgetItem(PortRange::kindName(PortRange::kind(e.port))));
            }
            m_table->setSortingEnabled(true);
            m_table->sortItems(0);
            m_table->resizeColumnsToContents();
        });
}
