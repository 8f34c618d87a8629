// SPDX-License-Identifier: MIT
#include "GuideWindow.h"

#include "ScreenFit.h"

#include <QDialogButtonBox>
#include <QScreen>
#include <QTabWidget>
#include <QTextBrowser>
#include <QVBoxLayout>

GuideWindow::GuideWindow(QWidget *parent) : QDialog(parent), m_tabs(new QTabWidget(this))
{
    m_tabs->setAccessibleName(tr("Guides"));
    setWindowTitle(tr("SocketLab Guide"));
    setObjectName(QStringLiteral("guideWindow"));
    const struct
    {
        QString title;
        QString file;
    } guides[] = {{tr("Student guide"), QStringLiteral("user-guide.md")},
                  {tr("Instructor guide"), QStringLiteral("instructor-guide.md")},
                  {tr("Lesson format"), QStringLiteral("lesson-format.md")}};
    for (const auto &g : guides) {
        auto *browser = new QTextBrowser(this);
        browser->setObjectName(g.file);
        browser->setOpenExternalLinks(true);
        // The guides link to each other and to their pictures by relative paths.
        browser->setSearchPaths({QStringLiteral(":/docs")});
        browser->setSource(QUrl(QStringLiteral("qrc:/docs/") + g.file),
                           QTextDocument::MarkdownResource);
        m_tabs->addTab(browser, g.title);
        browser->setAccessibleName(g.title);
    }
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_tabs);
    layout->addWidget(buttons);
    resize(ScreenFit::size(QSize(1000, 800), screen()->availableGeometry().size()));
}

void GuideWindow::showGuide(int index)
{
    m_tabs->setCurrentIndex(index);
}

QTextBrowser *GuideWindow::browser(int index) const
{
    return qobject_cast<QTextBrowser *>(m_tabs->widget(index));
}
