// SPDX-License-Identifier: MIT
#include "WindowDriver.h"

#include "MainWindow.h"

#include <QPushButton>
#include <QSpinBox>
#include <QTest>

WindowDriver::WindowDriver() = default;

WindowDriver::~WindowDriver() = default;

bool WindowDriver::open()
{
    m_window = std::make_unique<MainWindow>();
    m_events = std::make_unique<EventRecorder>(m_window->session());
    // The size the panes are laid out for, not offscreen's 800×600 screen, and the same
    // whatever an earlier test saved.
    m_window->resize(MainWindow::preferredSize);
    m_window->show();
    if (!QTest::qWaitForWindowExposed(m_window.get()))
        return false;
    // A kernel-chosen port, so the test never collides with a real server on 50000.
    m_window->findChild<QSpinBox *>(QStringLiteral("server.port"))->setValue(0);
    return true;
}

void WindowDriver::close()
{
    m_events.reset();
    m_window.reset();
}

QPushButton *WindowDriver::button(const QString &name) const
{
    auto *b = m_window->findChild<QPushButton *>(name);
    if (!b)
        qFatal("no button %s", qPrintable(name));
    return b;
}

bool WindowDriver::enabled(const QString &name) const
{
    return button(name)->isEnabled();
}

void WindowDriver::click(const QString &name)
{
    QPushButton *b = button(name);
    QVERIFY2(b->isEnabled(), qPrintable(name + QStringLiteral(" is disabled: ") + b->toolTip()));
    QTest::mouseClick(b, Qt::LeftButton);
}

void WindowDriver::listenByClicking()
{
    click(QStringLiteral("server.socket"));
    QTRY_VERIFY(enabled(QStringLiteral("server.bind")));
    click(QStringLiteral("server.bind"));
    QTRY_VERIFY(enabled(QStringLiteral("server.listen")));
    click(QStringLiteral("server.listen"));
    QTRY_VERIFY(enabled(QStringLiteral("server.accept")));
}
