// SPDX-License-Identifier: MIT
#include "LookupsPanel.h"

#include "AddrInfoView.h"
#include "ConstantsView.h"
#include "HostsView.h"
#include "ServicesView.h"

LookupsPanel::LookupsPanel(SocketSession *session, QWidget *parent)
    : QTabWidget(parent), m_constants(new ConstantsView(session, this)),
      m_addrInfo(new AddrInfoView(this)), m_services(new ServicesView(this)),
      m_hosts(new HostsView(this))
{
    setObjectName(QStringLiteral("lookups"));
    setAccessibleName(tr("Look-ups"));
    addTab(m_constants, tr("Constants"));
    addTab(m_addrInfo, QStringLiteral("getaddrinfo"));
    addTab(m_services, tr("Services && ports"));
    addTab(m_hosts, tr("Hosts && interfaces"));
    setTabToolTip(0, tr("AF_, SOCK_, IPPROTO_, … with their numbers on this system"));
    setTabToolTip(1, tr("How to reach a host and service: family, type, protocol, address"));
    setTabToolTip(2, tr("Which port a service uses, and the other way round"));
    setTabToolTip(3, tr("This machine's name, name lookups, and its network interfaces"));
}
