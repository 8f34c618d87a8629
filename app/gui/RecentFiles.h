// SPDX-License-Identifier: MIT
#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <functional>

class QMenu;

// The files opened lately (saved sessions and lessons), newest first, for File → Open Recent,
// and the folder each file dialog was in last. Both are settings, written at once.
class RecentFiles
{
    Q_DECLARE_TR_FUNCTIONS(RecentFiles)

public:
    enum class Dialog
    {
        Session,
        Lesson,
        Scripts,
    };
    static constexpr int maxFiles = 8;

    static QStringList files();
    static void add(const QString &path);
    static void remove(const QString &path);
    static void clear();
    // File → Open Recent, filled as it opens: the files, numbered, and Clear List.
    static void fillMenu(QMenu *menu, const std::function<void(const QString &path)> &open);

    // Where the dialog starts: the folder it was in last, or the home folder.
    static QString folder(Dialog dialog);
    // path: a file chosen in the dialog, or a folder.
    static void rememberFolder(Dialog dialog, const QString &path);
};
