// SPDX-License-Identifier: MIT
#pragma once

#include <QDialog>

class QTabWidget;
class QTextBrowser;

// Help → Guide: the guides that ship inside the app (the student guide, the instructor
// guide and the lesson format), readable without a network or a browser.
class GuideWindow : public QDialog
{
    Q_OBJECT
public:
    explicit GuideWindow(QWidget *parent = nullptr);

    // 0: student guide, 1: instructor guide, 2: lesson format.
    void showGuide(int index);
    QTextBrowser *browser(int index) const;

private:
    QTabWidget *m_tabs;
};
