// SPDX-License-Identifier: MIT
#include "EndpointForm.h"

#include "FlowLayout.h"
#include "ToneLabel.h"

#include "calls/PortRange.h"

#include <QComboBox>
#include <QDir>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>
#include <QVBoxLayout>

#include <netinet/in.h>
#include <sys/socket.h>

EndpointForm::EndpointForm(const QString &objectPrefix, int defaultProtocol, bool serverSide,
                           QWidget *parent)
    : QWidget(parent), m_family(new QComboBox(this)), m_type(new QComboBox(this)),
      m_protocol(new QComboBox(this)), m_host(new QLineEdit(this)), m_port(new QSpinBox(this)),
      m_portNote(new ToneLabel(ToneLabel::Tone::Warning, this)), m_kindRow(new QWidget(this)),
      m_addressRow(new QWidget(this)), m_serverSide(serverSide)
{
    m_portNote->setObjectName(objectPrefix + QStringLiteral(".portNote"));
    m_portNote->setWordWrap(true);
    m_family->setObjectName(objectPrefix + QStringLiteral(".family"));
    m_host->setObjectName(objectPrefix + QStringLiteral(".host"));
    m_port->setObjectName(objectPrefix + QStringLiteral(".port"));
    m_family->addItem(QStringLiteral("AF_INET"), AF_INET);
    m_family->addItem(QStringLiteral("AF_INET6"), AF_INET6);
    m_family->addItem(QStringLiteral("AF_UNIX"), AF_UNIX);
    m_family->setToolTip(tr("Address family: AF_INET for IPv4 (127.0.0.1), AF_INET6 for IPv6 "
                            "(::1), AF_UNIX for a socket file on this machine"));
    m_type->addItem(QStringLiteral("SOCK_STREAM"), SOCK_STREAM);
    m_type->addItem(QStringLiteral("SOCK_DGRAM"), SOCK_DGRAM);
    m_type->setObjectName(objectPrefix + QStringLiteral(".type"));
    m_type->setToolTip(tr("Socket type: SOCK_STREAM is a TCP byte stream, SOCK_DGRAM sends UDP "
                          "datagrams (bind, then sendto and recvfrom; no listen or accept)"));
    m_protocol->addItem(QStringLiteral("IPPROTO_TCP"), IPPROTO_TCP);
    m_protocol->addItem(QStringLiteral("IPPROTO_UDP"), IPPROTO_UDP);
    m_protocol->addItem(QStringLiteral("IPPROTO_IP (0)"), IPPROTO_IP);
    m_protocol->setCurrentIndex(m_protocol->findData(defaultProtocol));
    m_protocol->setToolTip(tr("Protocol: 0 (IPPROTO_IP) lets the kernel choose TCP for a "
                              "stream socket"));
    m_host->setText(QStringLiteral("127.0.0.1"));
    m_host->setToolTip(tr("Host: a numeric address such as 127.0.0.1 or ::1, a name such as "
                          "localhost, or empty for every address"));
    m_port->setRange(0, 65535);
    m_port->setValue(50000);
    m_port->setToolTip(tr("Port 0–65535; 0 lets the kernel choose a free port"));

    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    // Two rows, so the fields keep a usable width at projector zoom.
    auto *kind = new FlowLayout(m_kindRow);
    auto *where = new QHBoxLayout(m_addressRow);
    kind->setContentsMargins(0, 0, 0, 0);
    where->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(m_kindRow);
    outer->addWidget(m_addressRow);
    outer->addWidget(m_portNote);
    kind->addWidget(m_family);
    kind->addWidget(m_type);
    kind->addWidget(m_protocol);
    m_hostLabel = new QLabel(tr("host"), this);
    m_portLabel = new QLabel(tr("port"), this);
    // Buddies name the fields for a screen reader, and a label that is hidden on the stage
    // still does.
    m_hostLabel->setBuddy(m_host);
    m_portLabel->setBuddy(m_port);
    where->addWidget(m_hostLabel);
    where->addWidget(m_host, 1);
    where->addWidget(m_portLabel);
    where->addWidget(m_port);
    connect(m_family, &QComboBox::currentIndexChanged, this, &EndpointForm::onFamilyChanged);
    // TCP belongs to streams and UDP to datagrams: follow the type unless 0 was chosen.
    connect(m_type, &QComboBox::currentIndexChanged, this, [this] {
        if (protocol() != IPPROTO_IP)
            m_protocol->setCurrentIndex(
                m_protocol->findData(type() == SOCK_DGRAM ? IPPROTO_UDP : IPPROTO_TCP));
    });
    connect(m_port, &QSpinBox::valueChanged, this, &EndpointForm::updatePortNote);
    updatePortNote();
    // What the user typed or chose is a setting (remembered for the next start).
    connect(m_host, &QLineEdit::editingFinished, this, &EndpointForm::edited);
    for (QComboBox *box : {m_family, m_type, m_protocol})
        connect(box, &QComboBox::activated, this, &EndpointForm::edited);
    connect(m_port, &QSpinBox::editingFinished, this, &EndpointForm::edited);
}

void EndpointForm::updatePortNote()
{
    const QString note = family() == AF_UNIX ? QString()
                         : m_serverSide      ? PortRange::serverWarning(port())
                                             : PortRange::clientNote(port());
    m_portNote->setText(note);
    m_portNote->setVisible(!note.isEmpty() && !m_compact);
}

void EndpointForm::setCompact(bool compact)
{
    m_compact = compact;
    updatePortNote();
}

QString EndpointForm::portNote() const
{
    return m_portNote->text();
}

bool EndpointForm::setFamily(int family)
{
    const int index = m_family->findData(family);
    if (index >= 0)
        m_family->setCurrentIndex(index);
    return index >= 0;
}

bool EndpointForm::setType(int type)
{
    const int index = m_type->findData(type);
    if (index < 0)
        return false;
    m_type->setCurrentIndex(index);
    return true;
}

bool EndpointForm::setProtocol(int protocol)
{
    const int index = m_protocol->findData(protocol);
    if (index >= 0)
        m_protocol->setCurrentIndex(index);
    return index >= 0;
}

int EndpointForm::family() const
{
    return m_family->currentData().toInt();
}

int EndpointForm::type() const
{
    return m_type->currentData().toInt();
}

int EndpointForm::protocol() const
{
    // TCP and UDP are Internet protocols: a Unix socket takes 0.
    if (family() == AF_UNIX)
        return 0;
    return m_protocol->currentData().toInt();
}

QString EndpointForm::host() const
{
    return m_host->text();
}

int EndpointForm::port() const
{
    return m_port->value();
}

void EndpointForm::setEndpoint(const QString &host, int port)
{
    m_host->setText(host);
    m_port->setValue(port);
}

QString EndpointForm::defaultUnixPath()
{
    QString folder = QStandardPaths::writableLocation(QStandardPaths::RuntimeLocation);
    if (folder.isEmpty())
        folder = QDir::tempPath();
    return QDir(folder).filePath(QStringLiteral("socketlab.sock"));
}

void EndpointForm::onFamilyChanged()
{
    // Keep the loopback default in step with the family, so switching to IPv6 just works.
    const QString text = m_host->text();
    const bool wasDefault = text == QLatin1String("127.0.0.1") || text == QLatin1String("::1") ||
                            text == defaultUnixPath();
    const bool unixPath = family() == AF_UNIX;
    if (wasDefault)
        m_host->setText(unixPath               ? defaultUnixPath()
                        : family() == AF_INET6 ? QStringLiteral("::1")
                                               : QStringLiteral("127.0.0.1"));
    // A Unix socket's address is a path; there is no port.
    m_hostLabel->setText(unixPath ? tr("path") : tr("host"));
    m_port->setEnabled(!unixPath);
    m_portLabel->setEnabled(!unixPath);
    m_protocol->setEnabled(!unixPath);
    updatePortNote();
}

void EndpointForm::readSettings(QSettings &settings)
{
    const int familyIndex = m_family->findData(settings.value(QStringLiteral("family"), AF_INET));
    if (familyIndex >= 0)
        m_family->setCurrentIndex(familyIndex);
    const int typeIndex = m_type->findData(settings.value(QStringLiteral("type"), SOCK_STREAM));
    if (typeIndex >= 0)
        m_type->setCurrentIndex(typeIndex);
    m_host->setText(settings.value(QStringLiteral("host"), m_host->text()).toString());
    m_port->setValue(settings.value(QStringLiteral("port"), m_port->value()).toInt());
}

void EndpointForm::writeSettings(QSettings &settings) const
{
    settings.setValue(QStringLiteral("family"), family());
    settings.setValue(QStringLiteral("type"), type());
    settings.setValue(QStringLiteral("host"), host());
    settings.setValue(QStringLiteral("port"), port());
}
