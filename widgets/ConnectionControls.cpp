// SPDX-License-Identifier: MIT
#include "ConnectionControls.h"

#include "CallButton.h"
#include "FlowLayout.h"
#include "MessageEditor.h"
#include "present/BytesFormat.h"
#include "session/SocketSession.h"

#include <QComboBox>
#include <QLabel>
#include <QSpinBox>
#include <QVBoxLayout>

ConnectionControls::ConnectionControls(SocketSession *session, Qt::KeyboardModifier modifier,
                                       const QKeySequence &closeKey, const QString &objectPrefix,
                                       QWidget *parent)
    : QWidget(parent), m_session(session), m_editor(new MessageEditor(this)),
      m_received(new QLabel(this)),
      m_send(new CallButton(QStringLiteral("send()"),
                            tr("send(bytes): hand the message to the kernel once; returns how "
                               "many bytes it took, which may be fewer than all"),
                            QKeySequence(modifier | Qt::Key_6), this)),
      m_sendAll(new CallButton(QStringLiteral("sendall()"),
                               tr("sendall(bytes): keep calling send until every byte of the "
                                  "message is handed over"),
                               QKeySequence(modifier | Qt::Key_7), this)),
      m_recv(new CallButton(QStringLiteral("recv()"),
                            tr("recv(bufsize): wait for data and return at most bufsize bytes; "
                               "0 bytes means the peer closed"),
                            QKeySequence(modifier | Qt::Key_8), this)),
      m_bufsize(new QSpinBox(this)),
      m_shutdown(new CallButton(QStringLiteral("shutdown()"),
                                tr("shutdown(how): stop sending (SHUT_WR sends FIN), receiving, "
                                   "or both, while the socket stays open"),
                                QKeySequence(modifier | Qt::Key_9), this)),
      m_how(new QComboBox(this)),
      m_close(new CallButton(QStringLiteral("close()"),
                             tr("close(): release the socket; a blocked call on it is "
                                "cancelled"),
                             closeKey, this)),
      m_sendTo(new CallButton(QStringLiteral("sendto()"),
                              tr("sendto(bytes, address): send the message as one UDP datagram "
                                 "to an address"),
                              QKeySequence(QKeyCombination(
                                  Qt::KeyboardModifiers(modifier) | Qt::ShiftModifier, Qt::Key_6)),
                              this)),
      m_recvFrom(
          new CallButton(QStringLiteral("recvfrom()"),
                         tr("recvfrom(bufsize): wait for one UDP datagram and return it "
                            "with the sender's address; a longer datagram is cut"),
                         QKeySequence(QKeyCombination(
                             Qt::KeyboardModifiers(modifier) | Qt::ShiftModifier, Qt::Key_8)),
                         this))
{
    m_editor->setObjectName(objectPrefix + QStringLiteral(".editor"));
    m_received->setObjectName(objectPrefix + QStringLiteral(".received"));
    m_received->setTextFormat(Qt::PlainText);
    m_received->setWordWrap(true);
    m_received->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_received->hide();
    m_send->setObjectName(objectPrefix + QStringLiteral(".send"));
    m_sendAll->setObjectName(objectPrefix + QStringLiteral(".sendall"));
    m_recv->setObjectName(objectPrefix + QStringLiteral(".recv"));
    m_bufsize->setObjectName(objectPrefix + QStringLiteral(".bufsize"));
    m_bufsize->setAccessibleName(tr("recv bufsize"));
    m_shutdown->setObjectName(objectPrefix + QStringLiteral(".shutdown"));
    m_close->setObjectName(objectPrefix + QStringLiteral(".close"));
    m_sendTo->setObjectName(objectPrefix + QStringLiteral(".sendto"));
    m_recvFrom->setObjectName(objectPrefix + QStringLiteral(".recvfrom"));
    m_bufsize->setRange(0, 16 * 1024 * 1024);
    m_bufsize->setValue(4096);
    m_bufsize->setPrefix(QStringLiteral("bufsize "));
    m_bufsize->setToolTip(tr("The most bytes one recv may return"));
    m_how->addItem(QStringLiteral("SHUT_WR"), SHUT_WR);
    m_how->addItem(QStringLiteral("SHUT_RD"), SHUT_RD);
    m_how->addItem(QStringLiteral("SHUT_RDWR"), SHUT_RDWR);
    m_how->setToolTip(tr("Which direction shutdown stops"));

    // The message above, the calls below it in a flow, each field beside the call that reads it.
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_editor);
    auto *calls = new FlowLayout;
    layout->addLayout(calls);
    layout->addWidget(m_received);
    for (QWidget *w :
         std::initializer_list<QWidget *>{m_send, m_sendAll, m_recv, m_bufsize, m_shutdown, m_how,
                                          m_close, m_sendTo, m_recvFrom})
        calls->addWidget(w);

    connect(m_send, &QPushButton::clicked, this,
            [this] { run(m_session->send(m_id, m_editor->bytes(), m_editor->isStr())); });
    connect(m_sendAll, &QPushButton::clicked, this,
            [this] { run(m_session->sendAll(m_id, m_editor->bytes(), m_editor->isStr())); });
    connect(m_recv, &QPushButton::clicked, this,
            [this] { run(m_session->recv(m_id, m_bufsize->value())); });
    connect(m_shutdown, &QPushButton::clicked, this,
            [this] { run(m_session->shutdown(m_id, m_how->currentData().toInt())); });
    connect(m_close, &QPushButton::clicked, this, [this] { run(m_session->close(m_id)); });
    connect(m_sendTo, &QPushButton::clicked, this, [this] {
        QString host;
        int port = 0;
        QString noTarget;
        if (m_answerLastSender && !m_lastSender.isValid())
            noTarget = tr("sendto answers the sender of the last datagram: call recvfrom first.");
        else if (m_answerLastSender)
            host = m_lastSender.host(), port = m_lastSender.port();
        else
            noTarget = m_target ? m_target(&host, &port) : tr("There is no address to send to.");
        run(noTarget.isEmpty() ? m_session->sendTo(m_id, m_editor->bytes(), host, port) : noTarget);
    });
    connect(m_recvFrom, &QPushButton::clicked, this,
            [this] { run(m_session->recvFrom(m_id, m_bufsize->value())); });
    connect(m_editor, &MessageEditor::validityChanged, this, &ConnectionControls::refresh);
    m_stage.add(m_send, SocketCall::Send, {m_editor});
    m_stage.add(m_sendAll, SocketCall::SendAll, {m_editor});
    m_stage.add(m_recv, SocketCall::Recv, {m_bufsize});
    m_stage.add(m_shutdown, SocketCall::Shutdown, {m_how});
    m_stage.add(m_close, SocketCall::Close);
    m_stage.add(m_sendTo, SocketCall::SendTo, {m_editor});
    m_stage.add(m_recvFrom, SocketCall::RecvFrom, {m_bufsize});
    connect(session, &SocketSession::eventOccurred, this, [this](const SocketEvent &e) {
        if (e.socketId != m_id || e.call == SocketCall::None)
            return;
        m_stage.setLastCall(e.call);
        if (e.call == SocketCall::RecvFrom && e.phase == CallPhase::Returned)
            m_lastSender = SocketAddress::fromVariant(
                e.result.toMap().value(QStringLiteral("address")).toMap());
        // What arrived shows where it arrived, not only in the log and the byte view.
        if (isReceivingCall(e.call) && e.phase == CallPhase::Returned) {
            m_received->setText(
                e.byteCount == 0
                    ? tr("%1() → b'' (0 bytes: the peer has closed)").arg(socketCallName(e.call))
                    : tr("%1() → %2   %3")
                          .arg(socketCallName(e.call), BytesFormat::pythonLiteral(e.data, 60),
                               BytesFormat::byteCount(e.byteCount)));
            m_received->show();
        }
    });
    refresh();
}

void ConnectionControls::setOnStage(bool onStage)
{
    m_editor->setCompact(onStage);
    m_stage.setOnStage(onStage);
}

void ConnectionControls::setSocketId(const QString &id)
{
    if (id != m_id) {
        m_stage.setLastCall(SocketCall::None);
        m_received->hide();
    }
    m_id = id;
    refresh();
}

void ConnectionControls::run(const QString &refusal)
{
    if (!refusal.isEmpty())
        emit refused(refusal);
    refresh();
}

void ConnectionControls::setReadOnly(const QString &why)
{
    m_readOnly = why;
    refresh();
}

void ConnectionControls::refresh()
{
    const auto why = [this](SocketCall call) {
        if (!m_readOnly.isEmpty())
            return m_readOnly;
        return m_id.isEmpty() ? tr("There is no connected socket here yet.")
                              : m_session->whyInvalid(m_id, call);
    };
    const QString badMessage =
        m_editor->isValid() ? QString() : tr("The message has an error; fix it first.");
    m_send->setAvailability(badMessage.isEmpty() ? why(SocketCall::Send) : badMessage);
    m_sendAll->setAvailability(badMessage.isEmpty() ? why(SocketCall::SendAll) : badMessage);
    m_recv->setAvailability(why(SocketCall::Recv));
    m_shutdown->setAvailability(why(SocketCall::Shutdown));
    m_close->setAvailability(why(SocketCall::Close));
    m_sendTo->setAvailability(badMessage.isEmpty() ? why(SocketCall::SendTo) : badMessage);
    m_recvFrom->setAvailability(why(SocketCall::RecvFrom));
    // Datagram calls only where they apply, so a TCP pane stays as the course shows it.
    const bool datagram = !m_id.isEmpty() && m_session->socket(m_id).type == SOCK_DGRAM;
    m_stage.setShown(m_sendTo, datagram);
    m_stage.setShown(m_recvFrom, datagram);
    m_stage.apply();
}
