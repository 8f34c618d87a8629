// SPDX-License-Identifier: MIT
#include "RecentFiles.h"

#include "WindowSettings.h"

#include <QAction>
#include <QDir>
#include <QFileInfo>
#include <QMenu>
#include <QSettings>

namespace {
const SettingKey<QString> &folderKey(RecentFiles::Dialog dialog)
{
    switch (dialog) {
    case RecentFiles::Dialog::Session:
        return WindowSettings::sessionFolder;
    case RecentFiles::Dialog::Lesson:
        return WindowSettings::lessonFolder;
    case RecentFiles::Dialog::Scripts:
        break;
    }
    return WindowSettings::scriptsFolder;
}
} // namespace

QStringList RecentFiles::files()
{
    return WindowSettings::recentFiles.read(QSettings());
}

void RecentFiles::add(const QString &path)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    QStringList list = files();
    list.removeAll(absolute);
    list.prepend(absolute);
    QSettings settings;
    WindowSettings::recentFiles.write(settings, list.mid(0, maxFiles));
}

void RecentFiles::remove(const QString &path)
{
    QStringList list = files();
    list.removeAll(path);
    QSettings settings;
    WindowSettings::recentFiles.write(settings, list);
}

void RecentFiles::clear()
{
    QSettings settings;
    WindowSettings::recentFiles.remove(settings);
}

void RecentFiles::fillMenu(QMenu *menu, const std::function<void(const QString &path)> &open)
{
    menu->clear();
    const QStringList list = files();
    for (int i = 0; i < list.size(); ++i) {
        const QString path = list.at(i);
        // The number is the mnemonic; a & in a file name is shown, not taken as one.
        QAction *a = menu->addAction(QStringLiteral("&%1 %2").arg(i + 1).arg(
            QFileInfo(path).fileName().replace(QLatin1Char('&'), QStringLiteral("&&"))));
        a->setToolTip(path);
        QObject::connect(a, &QAction::triggered, menu, [open, path] { open(path); });
    }
    if (list.isEmpty())
        menu->addAction(tr("No recent files"))->setEnabled(false);
    menu->addSeparator();
    QAction *clearList = menu->addAction(tr("&Clear List"));
    clearList->setEnabled(!list.isEmpty());
    QObject::connect(clearList, &QAction::triggered, menu, [] { clear(); });
}

QString RecentFiles::folder(Dialog dialog)
{
    const QString saved = folderKey(dialog).read(QSettings());
    return !saved.isEmpty() && QFileInfo(saved).isDir() ? saved : QDir::homePath();
}

void RecentFiles::rememberFolder(Dialog dialog, const QString &path)
{
    const QFileInfo info(path);
    QSettings settings;
    folderKey(dialog).write(settings, info.isDir() ? info.absoluteFilePath() : info.absolutePath());
}
