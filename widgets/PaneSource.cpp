// SPDX-License-Identifier: MIT
#include "PaneSource.h"

#include "CallButton.h"
#include "session/SocketSession.h"

#include <QLabel>

PaneSource::PaneSource(SocketSession *session, QLabel *label, std::function<void()> showTable,
                       QObject *parent)
    : QObject(parent), m_session(session), m_source(session), m_label(label),
      m_showTable(std::move(showTable))
{
    m_label->setWordWrap(true);
    m_label->hide();
}

bool PaneSource::isLive() const
{
    return m_source == m_session;
}

void PaneSource::show(SocketSource *source)
{
    if (source == m_source)
        return;
    if (!isLive())
        disconnect(m_source, nullptr, this, nullptr);
    m_source = source;
    // The live session's changes reach the pane through its own connections (they also
    // drive its calls); any other source is read again whenever its table changes.
    if (!isLive())
        connect(source, &SocketSource::tableReset, this, [this] { m_showTable(); });
    m_label->setText(tr("Showing %1 (read-only)").arg(source->description()));
    m_label->setVisible(!source->acceptsCalls());
    m_showTable();
}

QString PaneSource::readOnlyReason() const
{
    return m_source->acceptsCalls() ? QString()
                                    : CallButton::readOnlyReason(m_source->description());
}
