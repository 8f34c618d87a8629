// SPDX-License-Identifier: MIT
#include "ByteView.h"

#include "MonospaceFont.h"

#include "present/BytesFormat.h"

#include <QLabel>
#include <QPlainTextEdit>
#include <QResizeEvent>
#include <QVBoxLayout>

ByteView::ByteView(QWidget *parent)
    : QWidget(parent), m_layout(16), m_title(new QLabel(this)), m_rows(new QPlainTextEdit(this)),
      m_literal(new QPlainTextEdit(this))
{
    setObjectName(QStringLiteral("byteView"));
    m_rows->setObjectName(QStringLiteral("byteView.rows"));
    m_literal->setObjectName(QStringLiteral("byteView.literal"));
    const QFont mono = MonospaceFont::font();
    for (QPlainTextEdit *edit : {m_rows, m_literal}) {
        edit->setReadOnly(true);
        edit->setTabChangesFocus(true); // Tab moves on; nothing here to indent
        edit->setFont(mono);
        edit->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    }
    m_rows->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_rows->setAccessibleName(tr("Bytes as offset, hex and ASCII"));
    m_literal->setAccessibleName(tr("Bytes as a Python literal"));
    m_literal->setMaximumHeight(m_literal->fontMetrics().height() * 4);
    m_title->setWordWrap(true);
    QFont bold; // only the weight: the size follows the zoom
    bold.setBold(true);
    m_title->setFont(bold);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_title);
    layout->addWidget(m_rows, 1);
    layout->addWidget(m_literal);
    clear();
}

void ByteView::setBytes(const QByteArray &bytes, const QString &title, qint64 notKept)
{
    QString heading =
        QStringLiteral("%1 — %2").arg(title, BytesFormat::byteCount(bytes.size() + notKept));
    if (notKept > 0)
        heading += tr("  (%1 more bytes not kept)").arg(BytesFormat::count(notKept));
    m_title->setText(heading);
    m_data = bytes;
    m_hasBytes = true;
    render();
}

void ByteView::render()
{
    if (!m_hasBytes)
        return;
    // A screenful of rows is what anyone reads; more only costs time on the UI thread.
    const QByteArray shown = m_data.left(maxShownBytes);
    QString rows = m_layout.text(shown);
    if (m_data.size() > shown.size())
        rows += tr("\n… %1 more bytes (the first %2 are shown)")
                    .arg(BytesFormat::count(m_data.size() - shown.size()))
                    .arg(BytesFormat::count(shown.size()));
    m_rows->setPlainText(rows);
    m_literal->setPlainText(BytesFormat::pythonLiteral(m_data, maxShownBytes));
}

void ByteView::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    fitRowWidth();
}

void ByteView::fitRowWidth()
{
    const int charWidth = QFontMetrics(m_rows->font()).horizontalAdvance(QLatin1Char('0'));
    const int available = m_rows->viewport()->width() - 2 * m_rows->document()->documentMargin();
    int perRow = 16;
    while (perRow > 4) {
        const ByteViewLayout candidate(perRow);
        if ((candidate.asciiPosition(perRow - 1) + 1) * charWidth <= available)
            break;
        perRow /= 2;
    }
    if (perRow != m_layout.bytesPerRow()) {
        m_layout = ByteViewLayout(perRow);
        render();
    }
}

void ByteView::clear()
{
    m_title->setText(tr("Bytes: select a send or recv in the log"));
    m_data.clear();
    m_hasBytes = false;
    m_rows->clear();
    m_literal->clear();
}

QString ByteView::hexText() const
{
    return m_rows->toPlainText();
}

QString ByteView::literalText() const
{
    return m_literal->toPlainText();
}
