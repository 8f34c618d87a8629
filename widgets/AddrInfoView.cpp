// SPDX-License-Identifier: MIT
#include "AddrInfoView.h"

#include "ToneLabel.h"

#include "lookup/BackgroundLookup.h"
#include "lookup/SocketNames.h"

#include <QCheckBox>
#include <QComboBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>

#include <netdb.h>
#include <netinet/in.h>

namespace {
QString named(const QString &name, int value)
{
    return QStringLiteral("%1 (%2)").arg(name).arg(value);
}
} // namespace

AddrInfoView::AddrInfoView(QWidget *parent)
    : QWidget(parent), m_host(new QLineEdit(QStringLiteral("localhost"), this)),
      m_service(new QLineEdit(QStringLiteral("http"), this)), m_family(new QComboBox(this)),
      m_type(new QComboBox(this)), m_protocol(new QComboBox(this)),
      m_streamOnly(new QCheckBox(tr("SOCK_STREAM only"), this)),
      m_run(new QPushButton(QStringLiteral("getaddrinfo()"), this)),
      m_cancel(new QPushButton(tr("Cancel"), this)), m_status(new QLabel(this)),
      m_error(new ToneLabel(ToneLabel::Tone::Error, this)),
      m_note(new ToneLabel(ToneLabel::Tone::Warning, this)), m_table(new QTableWidget(0, 5, this)),
      m_useClient(new QPushButton(tr("Use in client pane"), this)),
      m_useServer(new QPushButton(tr("Use in server pane"), this)),
      m_lookup(new BackgroundLookup(this))
{
    m_host->setObjectName(QStringLiteral("addrinfo.host"));
    m_service->setObjectName(QStringLiteral("addrinfo.service"));
    m_run->setObjectName(QStringLiteral("addrinfo.run"));
    m_table->setObjectName(QStringLiteral("addrinfo.table"));
    m_table->setAccessibleName(tr("What getaddrinfo returned"));
    m_useClient->setObjectName(QStringLiteral("addrinfo.useClient"));
    m_useServer->setObjectName(QStringLiteral("addrinfo.useServer"));
    m_streamOnly->setObjectName(QStringLiteral("addrinfo.streamOnly"));
    m_host->setToolTip(tr("A host name or numeric address; empty means none (Python's None)"));
    m_service->setToolTip(tr("A port number or a service name from /etc/services, e.g. http"));
    for (int f : {AF_UNSPEC, AF_INET, AF_INET6})
        m_family->addItem(SocketNames::family(f), f);
    m_type->addItem(tr("0 (any)"), 0);
    for (int t : {SOCK_STREAM, SOCK_DGRAM, SOCK_RAW})
        m_type->addItem(SocketNames::type(t), t);
    m_protocol->addItem(tr("0 (any)"), 0);
    for (int p : {IPPROTO_TCP, IPPROTO_UDP})
        m_protocol->addItem(SocketNames::protocol(p), p);
    m_family->setToolTip(tr("Which addresses to ask for: AF_INET (IPv4), AF_INET6 (IPv6), or "
                            "AF_UNSPEC for both"));
    m_type->setToolTip(tr("The socket type the addresses are for; with 0 each address comes once "
                          "per type (stream, datagram, raw)"));
    m_protocol->setToolTip(tr("The protocol the addresses are for; 0 means any"));
    m_run->setToolTip(tr("Ask the system's resolver, in the background (or press Enter in host "
                         "or service)"));
    m_cancel->setToolTip(tr("Stop waiting; a late answer is ignored"));
    m_cancel->setEnabled(false);
    m_streamOnly->setToolTip(tr("Keep only SOCK_STREAM rows, like the course's "
                                "[info for info in ... if info[1] == socket.SOCK_STREAM]"));
    m_error->setWordWrap(true);
    m_error->hide();
    m_note->setObjectName(QStringLiteral("addrinfo.note"));
    m_note->setWordWrap(true);
    m_note->hide();
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_table->setHorizontalHeaderLabels(
        {tr("Family"), tr("Type"), tr("Protocol"), tr("Canonical name"), tr("Address")});
    m_table->horizontalHeader()->setSectionResizeMode(4, QHeaderView::Stretch);
    m_table->verticalHeader()->hide();
    // Tab leaves the table (arrow keys move within it), so keyboard users are not trapped.
    m_table->setTabKeyNavigation(false);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_useClient->setToolTip(tr("socket.socket(*info[:3]) then connect(info[-1]): fill the client "
                               "pane with this row"));
    m_useServer->setToolTip(tr("Fill the server pane with this row, to bind to its address"));

    auto *flags = new QHBoxLayout;
    for (const auto &flag : AddrInfoLookup::flagNames()) {
        auto *box = new QCheckBox(flag.first, this);
        box->setObjectName(QStringLiteral("addrinfo.") + flag.first);
        box->setProperty("flag", flag.second);
        box->setToolTip(flagHint(flag.second));
        m_flags << box;
        flags->addWidget(box);
    }
    flags->addStretch(1);

    auto *grid = new QGridLayout(this);
    // Buddies: a screen reader names each field by its label.
    auto *hostLabel = new QLabel(tr("host"), this);
    hostLabel->setBuddy(m_host);
    auto *serviceLabel = new QLabel(tr("service"), this);
    serviceLabel->setBuddy(m_service);
    grid->addWidget(hostLabel, 0, 0);
    grid->addWidget(m_host, 0, 1);
    grid->addWidget(serviceLabel, 0, 2);
    grid->addWidget(m_service, 0, 3);
    grid->addWidget(m_family, 1, 0, 1, 2);
    grid->addWidget(m_type, 1, 2);
    grid->addWidget(m_protocol, 1, 3);
    grid->addLayout(flags, 2, 0, 1, 4);
    auto *actions = new QHBoxLayout;
    actions->addWidget(m_run);
    actions->addWidget(m_cancel);
    actions->addWidget(m_streamOnly);
    actions->addStretch(1);
    grid->addLayout(actions, 3, 0, 1, 4);
    grid->addWidget(m_status, 4, 0, 1, 4);
    grid->addWidget(m_error, 5, 0, 1, 4);
    grid->addWidget(m_note, 6, 0, 1, 4);
    grid->addWidget(m_table, 7, 0, 1, 4);
    auto *use = new QHBoxLayout;
    use->addStretch(1);
    use->addWidget(m_useClient);
    use->addWidget(m_useServer);
    grid->addLayout(use, 8, 0, 1, 4);
    grid->setColumnStretch(1, 1);
    grid->setColumnStretch(3, 1);

    connect(m_run, &QPushButton::clicked, this, &AddrInfoView::lookUp);
    connect(m_host, &QLineEdit::returnPressed, this, &AddrInfoView::lookUp);
    connect(m_service, &QLineEdit::returnPressed, this, &AddrInfoView::lookUp);
    connect(m_cancel, &QPushButton::clicked, this, &AddrInfoView::cancel);
    connect(m_streamOnly, &QCheckBox::toggled, this, &AddrInfoView::showEntries);
    connect(m_useClient, &QPushButton::clicked, this, [this] { useSelected(false); });
    connect(m_useServer, &QPushButton::clicked, this, [this] { useSelected(true); });
    connect(m_lookup, &BackgroundLookup::busyChanged, this, [this](bool busy) {
        m_cancel->setEnabled(busy);
        if (busy)
            m_status->setText(tr("%1 … looking up").arg(request().pythonCall()));
    });
    connect(m_table, &QTableWidget::itemSelectionChanged, this, [this] {
        const int row = m_table->currentRow();
        const bool stream = row >= 0 && row < m_shown.size() && m_shown.at(row).type == SOCK_STREAM;
        m_useClient->setEnabled(stream);
        m_useServer->setEnabled(stream);
    });
    m_useClient->setEnabled(false);
    m_useServer->setEnabled(false);
}

void AddrInfoView::setQuery(const QString &host, const QString &service)
{
    m_host->setText(host);
    m_service->setText(service);
}

QString AddrInfoView::flagHint(int flag)
{
    switch (flag) {
    case AI_PASSIVE:
        return tr("For a server: with no host, the answer is the address to bind to for every "
                  "interface (0.0.0.0 or ::) instead of loopback");
    case AI_CANONNAME:
        return tr("Also return the host's canonical name (in the first row)");
    case AI_NUMERICHOST:
        return tr("The host must be a numeric address: no name lookup is made, and a name "
                  "fails at once");
    case AI_NUMERICSERV:
        return tr("The service must be a port number: /etc/services is not read");
    case AI_ADDRCONFIG:
        return tr("Only families this machine has an address for: no IPv6 rows without an "
                  "IPv6 address (loopback does not count)");
    case AI_V4MAPPED:
        return tr("With AF_INET6 and no IPv6 address found: the IPv4 ones, written "
                  "::ffff:a.b.c.d");
    case AI_ALL:
        return tr("With AI_V4MAPPED: the IPv6 addresses and the mapped IPv4 ones together");
    default:
        return QString();
    }
}

AddrInfoRequest AddrInfoView::request() const
{
    AddrInfoRequest r;
    r.host = m_host->text().trimmed();
    r.service = m_service->text().trimmed();
    r.family = m_family->currentData().toInt();
    r.type = m_type->currentData().toInt();
    r.protocol = m_protocol->currentData().toInt();
    for (const QCheckBox *box : m_flags) {
        if (box->isChecked())
            r.flags |= box->property("flag").toInt();
    }
    return r;
}

void AddrInfoView::lookUp()
{
    const AddrInfoRequest r = request();
    m_lookup->run<AddrInfoLookup::Answer>(
        [r] { return AddrInfoLookup::run(r); },
        [this](const AddrInfoLookup::Answer &a) { showAnswer(a); });
}

void AddrInfoView::cancel()
{
    m_lookup->cancel();
    m_status->setText(tr("Cancelled; a late answer will be ignored."));
}

QString AddrInfoView::errorText() const
{
    return m_error->text();
}

void AddrInfoView::showAnswer(const AddrInfoLookup::Answer &answer)
{
    m_answer = answer;
    m_status->setText(tr("%1  — %2 result(s) in %3 ms")
                          .arg(answer.request.pythonCall())
                          .arg(answer.entries.size())
                          .arg(answer.elapsedMs, 0, 'f', 1));
    if (answer.error.isError())
        m_error->setText(
            QStringLiteral("%1: %2\n%3")
                .arg(answer.error.name(), answer.error.message(), answer.error.hint()));
    else
        m_error->clear();
    m_error->setVisible(answer.error.isError());
    m_note->setText(answer.note);
    m_note->setVisible(!answer.note.isEmpty());
    showEntries();
}

void AddrInfoView::showEntries()
{
    m_shown.clear();
    for (const AddrInfoEntry &e : std::as_const(m_answer.entries)) {
        if (!m_streamOnly->isChecked() || e.type == SOCK_STREAM)
            m_shown << e;
    }
    m_table->setRowCount(m_shown.size());
    for (int r = 0; r < m_shown.size(); ++r) {
        const AddrInfoEntry &e = m_shown.at(r);
        const QStringList cells = {named(SocketNames::family(e.family), e.family),
                                   named(SocketNames::type(e.type), e.type),
                                   named(SocketNames::protocol(e.protocol), e.protocol),
                                   QStringLiteral("'%1'").arg(e.canonicalName),
                                   e.address.pythonTuple()};
        for (int c = 0; c < cells.size(); ++c) {
            auto *item = new QTableWidgetItem(cells.at(c));
            item->setFlags(Qt::ItemIsSelectable | Qt::ItemIsEnabled);
            item->setToolTip(e.pythonTuple());
            m_table->setItem(r, c, item);
        }
    }
    m_table->resizeColumnsToContents();
    if (!m_shown.isEmpty())
        m_table->selectRow(0);
}

void AddrInfoView::useSelected(bool forServer)
{
    const int row = m_table->currentRow();
    if (row >= 0 && row < m_shown.size())
        emit useEntry(m_shown.at(row), forServer);
}
