// SPDX-License-Identifier: MIT
#pragma once

#include <QScrollArea>
#include <QStringList>

class QLabel;

// The program a lesson builds with its code: lines, as it stands after the shown step: the
// lines that step added in bold on a band, the earlier ones muted. Code does not wrap (its
// indentation is its syntax): a line wider than the view scrolls sideways in the view alone.
// On the stage it keeps only a little context above the new lines, so the panes keep their
// room.
class LessonProgramView : public QScrollArea
{
    Q_OBJECT
public:
    explicit LessonProgramView(QWidget *parent = nullptr);

    // Earlier lines to keep above the new ones; -1 (the default) keeps them all.
    void setContextLines(int lines);
    // Hides the view when the step added nothing (and, with limited context, when there is
    // nothing new to show).
    void showProgram(const QStringList &before, const QStringList &added);
    // The program as shown (rich text).
    QString text() const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void changeEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void render();
    bool needsSideways() const;

    QLabel *m_label;
    int m_context = -1;
    QStringList m_before;
    QStringList m_added;
    bool m_sideways = false;
};
