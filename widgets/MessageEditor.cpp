// SPDX-License-Identifier: MIT
#include "MessageEditor.h"

#include "RoleColors.h"
#include "ToneLabel.h"

#include "present/BytesFormat.h"
#include "present/CodeLiteral.h"
#include "present/EscapeCodec.h"

#include <QComboBox>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QToolButton>

namespace {
enum
{
    Utf8,
    Ascii,
    Latin1,
    Hex,
    Str // no encoding at all: a Python str, which a socket refuses
};
} // namespace

MessageEditor::MessageEditor(QWidget *parent)
    : QWidget(parent), m_text(new QLineEdit(this)), m_encoding(new QComboBox(this)),
      m_insert(new QToolButton(this)), m_preview(new QLabel(this)),
      m_error(new ToneLabel(ToneLabel::Tone::Error, this))
{
    m_text->setObjectName(QStringLiteral("message"));
    m_text->setAccessibleName(tr("Message to send"));
    m_encoding->setObjectName(QStringLiteral("encoding"));
    m_text->setPlaceholderText(tr("Message; escapes: \\r \\n \\t \\xNN \\\\"));
    m_text->setToolTip(tr("The bytes to send. Type text with escapes such as \\r\\n, or choose "
                          "Hex and type hex digits."));
    m_encoding->addItem(QStringLiteral("UTF-8"), Utf8);
    m_encoding->addItem(QStringLiteral("ASCII"), Ascii);
    m_encoding->addItem(QStringLiteral("Latin-1"), Latin1);
    m_encoding->addItem(tr("Hex"), Hex);
    m_encoding->addItem(tr("str (not encoded)"), Str);
    // As wide as "Latin-1", not as the longest item: the pane may be 300 pixels wide.
    m_encoding->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_encoding->setMinimumContentsLength(7);
    m_encoding->setToolTip(tr("How typed characters become bytes (like str.encode in Python), "
                              "or Hex to type the bytes themselves. \"str\" sends the text "
                              "without encoding it, to see what Python does then."));
    m_insert->setText(tr("Insert"));
    m_insert->setToolTip(tr("Insert a message from the course"));
    m_insert->setPopupMode(QToolButton::InstantPopup);
    auto *menu = new QMenu(m_insert);
    const auto quick = [this, menu](const QString &title, const QString &text) {
        menu->addAction(title, this, [this, text] {
            m_encoding->setCurrentIndex(Utf8);
            m_text->setText(text);
        });
    };
    quick(tr("Hey, can you hear me?"), QStringLiteral("Hey, can you hear me?"));
    quick(tr("Yes, I can hear you."), QStringLiteral("Yes, I can hear you."));
    quick(tr("HTTP GET request"),
          QStringLiteral("GET / HTTP/1.1\\r\\nHost: 127.0.0.1\\r\\nConnection: close\\r\\n\\r\\n"));
    m_insert->setMenu(menu);

    m_preview->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_preview->setTextFormat(Qt::PlainText);
    m_error->setTextFormat(Qt::PlainText);
    m_preview->setWordWrap(true);
    m_error->setWordWrap(true);

    auto *layout = new QGridLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_text, 0, 0);
    layout->addWidget(m_encoding, 0, 1);
    layout->addWidget(m_insert, 0, 2);
    layout->addWidget(m_preview, 1, 0, 1, 3);
    layout->addWidget(m_error, 2, 0, 1, 3);
    layout->setColumnStretch(0, 1);

    connect(m_text, &QLineEdit::textChanged, this, &MessageEditor::reparse);
    connect(m_encoding, &QComboBox::currentIndexChanged, this, &MessageEditor::reparse);
    // A line edit cuts a paste at 32,767 characters without a word; a message may be far
    // longer (a flood, a page), and what is sent must be what was pasted.
    m_text->setMaxLength(maxCharacters);
    m_text->setText(QStringLiteral("Hey, can you hear me?"));
    reparse();
}

void MessageEditor::setText(const QString &text)
{
    m_text->setText(text);
}

QString MessageEditor::text() const
{
    return m_text->text();
}

void MessageEditor::setCompact(bool compact)
{
    m_compact = compact;
    m_encoding->setVisible(!compact);
    m_insert->setVisible(!compact);
    reparse();
}

bool MessageEditor::isStr() const
{
    return m_encoding->currentData().toInt() == Str;
}

void MessageEditor::reparse()
{
    const int mode = m_encoding->currentData().toInt();
    EscapeCodec::Result r;
    if (mode == Hex)
        r = EscapeCodec::fromHex(m_text->text());
    else
        r = EscapeCodec::fromText(m_text->text(), mode == Ascii    ? EscapeCodec::Encoding::Ascii
                                                  : mode == Latin1 ? EscapeCodec::Encoding::Latin1
                                                                   : EscapeCodec::Encoding::Utf8);
    const bool wasValid = m_valid;
    m_valid = r.ok();
    if (m_valid) {
        m_bytes = r.bytes;
        m_error->hide();
        const QString literal = BytesFormat::pythonLiteral(m_bytes, 80);
        const QString count = BytesFormat::byteCount(m_bytes.size());
        if (mode == Str)
            m_preview->setText(tr("%1 is a str, not bytes: Python's send and sendall raise "
                                  "TypeError for it")
                                   .arg(CodeLiteral::python(m_text->text().left(80))));
        else
            m_preview->setText(
                m_compact
                    ? QStringLiteral("%1   %2").arg(literal, count)
                    : tr("%1   %2   hex %3").arg(literal, count, BytesFormat::hex(m_bytes, 24)));
        m_text->setStyleSheet(QString());
    } else {
        m_bytes.clear();
        m_error->setText(
            tr("Not sent: %1 (at character %2)").arg(r.error).arg(r.errorPosition + 1));
        m_error->show();
        m_preview->clear();
        m_text->setStyleSheet(QStringLiteral("QLineEdit { border: 2px solid %1; }")
                                  .arg(RoleColors::errorText().name()));
    }
    if (wasValid != m_valid)
        emit validityChanged(m_valid);
}
