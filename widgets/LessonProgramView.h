#pragma once

#include <QLabel>
#include <QStringList>

// The program a lesson builds with its code: lines, as it stands after the shown step: the
// lines that step added in bold on a band, the earlier ones muted. On the stage it keeps only
// a little context above the new lines, so the panes keep their room.
class LessonProgramView : public QLabel
{
    Q_OBJECT
public:
    explicit LessonProgramView(QWidget *parent = nullptr);

    // Earlier lines to keep above the new ones; -1 (the default) keeps them all.
    void setContextLines(int lines);
    // Hides the view when the step added nothing.
    void showProgram(const QStringList &before, const QStringList &added);

protected:
    void changeEvent(QEvent *event) override;

private:
    void render();

    int m_context = -1;
    QStringList m_before;
    QStringList m_added;
};
