// SPDX-License-Identifier: MIT
#include "ConstantsView.h"

#include "RoleColors.h"
#include "lookup/BackgroundLookup.h"
#include "lookup/ConstantCatalog.h"
#include "lookup/SocketNames.h"
#include "present/PythonForm.h"
#include "session/SocketSession.h"

#include <QComboBox>
#include <QGridLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>

namespace {
enum Column
{
    NameColumn,
    ValueColumn,
    MeaningColumn,
    PythonColumn,
    LinuxColumn,
    MacColumn,
    WindowsColumn
};

void fill(QTableWidget *table, const QList<SocketConstant> &rows)
{
    table->setRowCount(rows.size());
    for (int r = 0; r < rows.size(); ++r) {
        const SocketConstant &c = rows.at(r);
        int same = 0;
        for (const SocketConstant &other : rows)
            same += other.value == c.value && other.group == c.group ? 1 : 0;
        const QString python =
            c.pythonModule.isEmpty() ? QObject::tr("— (C only)") : c.pythonName();
        const QStringList cells = {c.name,       c.valueText(), c.meaning,     python,
                                   c.linuxValue, c.macosValue,  c.windowsValue};
        for (int col = 0; col < cells.size(); ++col) {
            auto *item = new QTableWidgetItem(cells.at(col));
            item->setFlags(Qt::ItemIsSelectable | Qt::ItemIsEnabled);
            if (same > 1) {
                // A shared value: a Python dict keyed by value would keep only one name.
                item->setBackground(RoleColors::selectedBand());
                item->setToolTip(QObject::tr("%1 names in %2 share the value %3")
                                     .arg(same)
                                     .arg(c.group)
                                     .arg(c.value));
            }
            table->setItem(r, col, item);
        }
    }
}
} // namespace

ConstantsView::ConstantsView(SocketSession *session, QWidget *parent)
    : QWidget(parent), m_prefix(new QComboBox(this)), m_value(new QLineEdit(this)),
      m_table(new QTableWidget(0, 7, this)), m_summary(new QLabel(this)),
      m_defaults(new QLabel(this)), m_session(session), m_probe(new BackgroundLookup(this))
{
    m_prefix->setObjectName(QStringLiteral("constants.prefix"));
    m_value->setObjectName(QStringLiteral("constants.value"));
    m_value->setAccessibleName(tr("Value"));
    m_table->setObjectName(QStringLiteral("constants.table"));
    m_table->setAccessibleName(tr("Constants"));
    m_defaults->setObjectName(QStringLiteral("constants.defaults"));
    m_prefix->setEditable(true);
    m_prefix->addItems(ConstantCatalog::groups());
    m_prefix->setToolTip(tr("Show every constant whose name starts with this, like the course's "
                            "get_constants(prefix)"));
    m_value->setPlaceholderText(tr("a number, e.g. 0 or 0x400"));
    m_value->setToolTip(tr("Show every name with this value in the chosen group: the "
                           "collisions a {value: name} dict would hide"));
    m_table->setHorizontalHeaderLabels({tr("Name"), tr("Value"), tr("Meaning"),
                                        QStringLiteral("Python"), tr("Linux"), tr("macOS"),
                                        tr("Windows")});
    m_table->horizontalHeaderItem(PythonColumn)
        ->setToolTip(tr("How Python names it: socket.AF_INET, errno.EPIPE. \"C only\": the "
                        "system's headers have it, Python's socket module does not."));
    m_table->horizontalHeader()->setSectionResizeMode(PythonColumn, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(NameColumn, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(ValueColumn, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(MeaningColumn, QHeaderView::Stretch);
    for (int col : {LinuxColumn, MacColumn, WindowsColumn})
        m_table->horizontalHeaderItem(col)->setToolTip(
            tr("The value on each system (\"your results may vary\"): for the constants that "
               "differ, and for the everyday ones that do not. Empty: not in the table.\n%1")
                .arg(ConstantCatalog::instance().platformSources()));
    m_table->verticalHeader()->hide();
    // Tab leaves the table (arrow keys move within it), so keyboard users are not trapped.
    m_table->setTabKeyNavigation(false);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_summary->setWordWrap(true);
    m_defaults->setWordWrap(true);
    m_defaults->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *probe = new QPushButton(tr("Ask the kernel"), this);
    probe->setToolTip(tr("Create a socket with Python's defaults, read back its family, type and "
                         "protocol, and close it"));

    auto *layout = new QGridLayout(this);
    auto *prefixLabel = new QLabel(tr("Prefix"), this);
    prefixLabel->setBuddy(m_prefix); // the name a screen reader gives the box
    layout->addWidget(prefixLabel, 0, 0);
    layout->addWidget(m_prefix, 0, 1);
    layout->addWidget(new QLabel(tr("or value"), this), 0, 2);
    layout->addWidget(m_value, 0, 3);
    layout->addWidget(m_summary, 1, 0, 1, 4);
    layout->addWidget(m_table, 2, 0, 1, 4);
    layout->addWidget(new QLabel(tr("Defaults of socket.socket():"), this), 3, 0, 1, 2);
    layout->addWidget(probe, 3, 3, Qt::AlignRight);
    layout->addWidget(m_defaults, 4, 0, 1, 4);
    layout->setColumnStretch(1, 1);
    layout->setColumnStretch(3, 1);

    connect(m_prefix, &QComboBox::currentTextChanged, this, &ConstantsView::showPrefix);
    connect(m_value, &QLineEdit::textChanged, this, &ConstantsView::showValue);
    connect(probe, &QPushButton::clicked, this, &ConstantsView::probeDefaults);
    showPrefix();
    probeDefaults();
}

void ConstantsView::showPrefix()
{
    const ConstantCatalog &catalog = ConstantCatalog::instance();
    const QString prefix = m_prefix->currentText().trimmed();
    const QList<SocketConstant> rows = catalog.withPrefix(prefix);
    fill(m_table, rows);
    const int shared = catalog.collisions(ConstantCatalog::groupOf(prefix)).size();
    m_summary->setText(rows.isEmpty()
                           ? tr("No constant starts with \"%1\" on this system.").arg(prefix)
                           : tr("%1 names start with %2 on this system; %3 values are shared by "
                                "more than one name (marked).")
                                 .arg(rows.size())
                                 .arg(prefix)
                                 .arg(shared));
}

void ConstantsView::showValue()
{
    const QString text = m_value->text().trimmed();
    if (text.isEmpty()) {
        showPrefix();
        return;
    }
    bool ok = false;
    const qint64 value = text.toLongLong(&ok, 0);
    if (!ok) {
        m_table->setRowCount(0);
        m_summary->setText(tr("\"%1\" is not a number (decimal, or hex like 0x400).").arg(text));
        return;
    }
    const QString group = ConstantCatalog::groupOf(m_prefix->currentText().trimmed());
    const QList<SocketConstant> rows = ConstantCatalog::instance().withValue(value, group);
    fill(m_table, rows);
    m_summary->setText(tr("%1 name(s) in %2 have the value %3.")
                           .arg(rows.size())
                           .arg(group.isEmpty() ? tr("all groups") : group)
                           .arg(value));
}

void ConstantsView::probeDefaults()
{
    m_defaults->setText(tr("asking…"));
    m_session->askDefaults(this, m_probe->expect<DefaultSocket>([this](const DefaultSocket &d) {
        if (d.error.isError()) {
            m_defaults->setText(d.error.pythonException());
            return;
        }
        const SocketInfo &s = d.socket;
        m_defaults->setText(tr("%1\nfamily %2 (%3), type %4 (%5), proto 0 — and the kernel "
                               "chose %6 (%7) for it.")
                                .arg(PythonForm::repr(s), SocketNames::family(s.family))
                                .arg(s.family)
                                .arg(SocketNames::type(s.type))
                                .arg(s.type)
                                .arg(SocketNames::protocol(d.kernelProtocol))
                                .arg(d.kernelProtocol));
    }));
}
