// SPDX-License-Identifier: MIT
#include "SocketStatusView.h"

#include "RoleColors.h"
#include "StateBadge.h"
#include "ToneLabel.h"
#include "calls/SocketName.h"
#include "lookup/SocketNames.h"
#include "present/BytesFormat.h"
#include "present/PythonForm.h"
#include "session/SessionClock.h"

#include <QGridLayout>
#include <QLabel>
#include <QTimer>

#include <sys/socket.h>

SocketStatusView::SocketStatusView(const SessionClock *clock, QWidget *parent)
    : QWidget(parent), m_clock(clock), m_badge(new StateBadge(this)), m_title(new QLabel(this)),
      m_addresses(new QLabel(this)), m_counts(new QLabel(this)), m_kernel(new QLabel(this)),
      m_call(new QLabel(this)), m_error(new ToneLabel(ToneLabel::Tone::ErrorBox, this)),
      m_timer(new QTimer(this)), m_liveTextTimer(new QTimer(this))
{
    m_liveTextTimer->setSingleShot(true);
    connect(m_liveTextTimer, &QTimer::timeout, this, &SocketStatusView::showLiveText);
    auto *layout = new QGridLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setColumnStretch(1, 1);
    placeRows();
    QFont bold; // only the weight: the size follows the zoom
    bold.setBold(true);
    m_title->setFont(bold);
    m_call->setFont(bold);
    m_kernel->setObjectName(QStringLiteral("kernelState"));
    m_call->setObjectName(QStringLiteral("callInProgress"));
    m_kernel->setToolTip(tr("What the kernel itself says about this TCP socket (Linux TCP_INFO; "
                            "after close, /proc/net/tcp), sampled after every call and a few "
                            "times a second"));
    for (QLabel *l : {m_title, m_addresses, m_counts, m_kernel, m_error}) {
        l->setTextInteractionFlags(Qt::TextSelectableByMouse);
        l->setWordWrap(true); // long lines wrap rather than widen the pane at projector zoom
    }
    m_error->setWordWrap(true);
    m_timer->setInterval(100);
    connect(m_timer, &QTimer::timeout, this, &SocketStatusView::updateBlockedTime);
    showNothing(tr("No socket yet."));
}

void SocketStatusView::placeRows()
{
    auto *layout = static_cast<QGridLayout *>(this->layout());
    for (QWidget *w : {static_cast<QWidget *>(m_badge), static_cast<QWidget *>(m_title),
                       static_cast<QWidget *>(m_addresses), static_cast<QWidget *>(m_counts),
                       static_cast<QWidget *>(m_kernel), static_cast<QWidget *>(m_call),
                       static_cast<QWidget *>(m_error)})
        layout->removeWidget(w);
    if (m_compact) {
        layout->addWidget(m_badge, 0, 0, Qt::AlignTop);
        layout->addWidget(m_title, 0, 1, Qt::AlignVCenter);
        layout->addWidget(m_addresses, 1, 0, 1, 2);
        layout->addWidget(m_kernel, 2, 0, 1, 2);
    } else if (m_stacked) {
        layout->addWidget(m_badge, 0, 0, 1, 2, Qt::AlignLeft);
        layout->addWidget(m_title, 1, 0, 1, 2);
        layout->addWidget(m_addresses, 2, 0, 1, 2);
        layout->addWidget(m_counts, 3, 0, 1, 2);
        layout->addWidget(m_kernel, 4, 0, 1, 2);
    } else {
        layout->addWidget(m_badge, 0, 0, 3, 1, Qt::AlignTop);
        layout->addWidget(m_title, 0, 1);
        layout->addWidget(m_addresses, 1, 1);
        layout->addWidget(m_counts, 2, 1);
        layout->addWidget(m_kernel, 3, 1);
    }
    layout->addWidget(m_call, 5, 0, 1, 2);
    layout->addWidget(m_error, 6, 0, 1, 2);
    m_counts->setVisible(!m_compact);
}

void SocketStatusView::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    // Beside a lesson on a 1024-pixel screen a pane is about 300 pixels wide: the details
    // beside the badge got a few letters a line. Below it they get the whole width.
    const bool stacked = width() < 2 * m_badge->sizeHint().width() + 40;
    if (stacked != m_stacked) {
        m_stacked = stacked;
        placeRows();
    }
}

void SocketStatusView::setDetailsShown(bool shown)
{
    if (shown == m_detailsShown)
        return;
    m_detailsShown = shown;
    m_addresses->setVisible(shown || !m_compact);
    if (m_hasSocket)
        showLiveText();
}

void SocketStatusView::mousePressEvent(QMouseEvent *event)
{
    QWidget::mousePressEvent(event);
    emit clicked();
}

void SocketStatusView::setCompact(bool compact)
{
    if (compact == m_compact)
        return;
    m_compact = compact;
    setToolTip(compact ? tr("Click to show this socket's calls") : QString());
    placeRows();
    if (m_hasSocket) {
        m_title->setText(titleText());
        showLiveText();
    }
}

QString SocketStatusView::titleText() const
{
    const QString fd = m_info.fd >= 0 ? QString::number(m_info.fd) : QStringLiteral("–");
    if (m_compact)
        return tr("%1   fd %2").arg(SocketName::of(m_info), fd);
    return tr("%1   fd %2   %3 %4")
        .arg(SocketName::of(m_info), fd, SocketNames::family(m_info.family),
             SocketNames::type(m_info.type));
}

void SocketStatusView::showLiveText()
{
    m_liveTextTimer->stop();
    m_liveTextShown.start();
    if (!m_hasSocket)
        return;
    m_counts->setText(tr("sent %1   received %2")
                          .arg(BytesFormat::byteCount(m_info.bytesSent),
                               BytesFormat::byteCount(m_info.bytesReceived)));
    const bool open = m_info.fd >= 0 && m_info.state != SocketState::Closed;
    m_kernel->setText(!m_info.kernel.isAvailable() && open && m_info.type == SOCK_STREAM
                          ? tr("kernel view: not available on this system")
                          : kernelText(m_info.kernel));
    // The backlog lesson is about the accept queue; the rest is in the normal window.
    m_kernel->setVisible(!m_compact || (m_detailsShown && m_info.kernel.acceptQueue >= 0));
}

void SocketStatusView::showNothing(const QString &why)
{
    m_hasSocket = false;
    m_badge->clearState();
    m_title->setText(why);
    m_title->setToolTip(QString());
    m_addresses->clear();
    m_counts->clear();
    m_kernel->clear();
    m_call->clear();
    m_call->hide();
    m_error->hide();
    m_timer->stop();
    m_liveTextTimer->stop();
}

void SocketStatusView::showSocket(const SocketInfo &info)
{
    // Byte counts and queue sizes change with every chunk of a flood; redrawing them (and
    // re-laying out the pane) at that rate would keep the UI thread busy for nothing a person
    // can read. Within one state they are shown at most every liveTextGapMs.
    const bool sameState = m_hasSocket && info.id == m_info.id && info.state == m_info.state;
    m_info = info;
    m_hasSocket = true;
    m_badge->setState(info.state);
    m_title->setText(titleText());
    m_title->setToolTip(tr("In Python, print(%1) shows:\n%2\nTraces and lesson files call it %3.")
                            .arg(SocketName::of(info), PythonForm::repr(info), info.id));
    QStringList where;
    if (info.local.isValid())
        where << tr("local %1").arg(info.local.display());
    if (info.peer.isValid())
        where << tr("peer %1").arg(info.peer.display());
    if (m_compact && info.local.isValid() && info.peer.isValid())
        m_addresses->setText(
            QStringLiteral("%1 ↔ %2").arg(info.local.display(), info.peer.display()));
    else
        m_addresses->setText(where.isEmpty() ? tr("no address yet")
                                             : where.join(QStringLiteral("   ")));
    if (!sameState || !m_liveTextShown.isValid() || m_liveTextShown.elapsed() >= liveTextGapMs)
        showLiveText();
    else if (!m_liveTextTimer->isActive())
        m_liveTextTimer->start(int(liveTextGapMs - m_liveTextShown.elapsed()));
    if (info.lastError.isError()) {
        QString text = QStringLiteral("<b>%1</b> %2")
                           .arg(info.lastError.name().toHtmlEscaped(),
                                info.lastError.message().toHtmlEscaped());
        if (!info.lastError.hint().isEmpty())
            text += QStringLiteral("<br>") + info.lastError.hint().toHtmlEscaped();
        m_error->setText(text);
        m_error->show();
    } else {
        m_error->hide();
    }
    if (info.isBusy())
        m_timer->start();
    else
        m_timer->stop();
    updateBlockedTime();
}

QString SocketStatusView::kernelText(const KernelSample &k)
{
    if (!k.isAvailable() || k.state < 0)
        return QString();
    QString text = tr("kernel: %1").arg(k.stateName());
    if (k.acceptQueue >= 0)
        text += tr("   accept queue %1 (backlog %2)").arg(k.acceptQueue).arg(k.backlog);
    // Queues only mean something once there is a connection (not CLOSE, not LISTEN).
    const bool connected = k.state != 7 && k.state != 10;
    if (connected && k.receiveQueue >= 0)
        text += tr("   unread %1").arg(BytesFormat::byteCount(k.receiveQueue));
    if (connected && k.sendQueue > 0)
        text += tr("   unacknowledged %1").arg(BytesFormat::byteCount(k.sendQueue));
    if (k.source == KernelSample::Source::ProcTable)
        text +=
            k.state == 0 ? tr("   (the kernel has forgotten it)") : tr("   (from /proc/net/tcp)");
    return text;
}

void SocketStatusView::updateBlockedTime()
{
    if (!m_hasSocket || !m_info.isBusy()) {
        m_call->clear();
        m_call->hide();
        return;
    }
    m_call->show();
    QString text;
    if (m_info.callInProgress != SocketCall::None) {
        const double seconds = (m_clock->nowMsPrecise() - m_info.callStartedMs) / 1000.0;
        const QString call = socketCallName(m_info.callInProgress);
        text = m_info.blocked ? tr("BLOCKED in %1()  %2 s").arg(call).arg(seconds, 0, 'f', 1)
                              : tr("%1() running").arg(call);
    }
    if (m_info.duplexCall != SocketCall::None) {
        const QString call = socketCallName(m_info.duplexCall);
        const QString second = m_info.duplexBlocked ? tr("BLOCKED in %1() too").arg(call)
                                                    : tr("%1() running too").arg(call);
        text = text.isEmpty() ? second : text + QStringLiteral("  ·  ") + second;
    }
    m_call->setText(text);
    const QString style =
        m_info.blocked || m_info.duplexBlocked
            ? QStringLiteral("QLabel { color: %1; }").arg(RoleColors::warningText().name())
            : QString();
    if (m_call->styleSheet() != style)
        m_call->setStyleSheet(style);
}
