// SPDX-License-Identifier: MIT
#pragma once

#include <QTabWidget>

class AddrInfoView;
class ConstantsView;
class HostsView;
class ServicesView;
class SocketSession;

// The socket module tour: constants, getaddrinfo, services and ports, hosts and interfaces.
class LookupsPanel : public QTabWidget
{
    Q_OBJECT
public:
    explicit LookupsPanel(SocketSession *session, QWidget *parent = nullptr);

    ConstantsView *constants() const { return m_constants; }
    AddrInfoView *addrInfo() const { return m_addrInfo; }
    ServicesView *services() const { return m_services; }
    HostsView *hosts() const { return m_hosts; }

private:
    ConstantsView *m_constants;
    AddrInfoView *m_addrInfo;
    ServicesView *m_services;
    HostsView *m_hosts;
};
