// SPDX-License-Identifier: MIT
#include "lesson/LessonLibrary.h"

#include <QFile>
#include <QFileInfo>

QStringList LessonLibrary::builtInIds()
{
    return {QStringLiteral("socket-tour"),       QStringLiteral("http-client"),
            QStringLiteral("getting-the-flow"),  QStringLiteral("echo-homework"),
            QStringLiteral("debug-your-server"), QStringLiteral("browser-visits"),
            QStringLiteral("recv-sizes"),        QStringLiteral("backlog"),
            QStringLiteral("tcp-vs-udp")};
}

LessonParser::Result LessonLibrary::load(const QString &idOrPath,
                                         const LessonParser::Settings &settings)
{
    if (builtInIds().contains(idOrPath))
        return loadFile(QStringLiteral(":/lessons/%1.lesson").arg(idOrPath), settings);
    return loadFile(idOrPath, settings);
}

LessonParser::Result LessonLibrary::loadFile(const QString &path,
                                             const LessonParser::Settings &settings)
{
    LessonParser::Result failed;
    QFile file(path);
    const QFileInfo info(path);
    if (!info.exists()) {
        failed.error = QStringLiteral("%1: no such lesson (built-in lessons: %2)")
                           .arg(path, builtInIds().join(QStringLiteral(", ")));
        return failed;
    }
    if (info.isDir()) {
        failed.error = QStringLiteral("%1 is a folder, not a lesson file").arg(path);
        return failed;
    }
    // A FIFO or a device would never end: reading it would hang the window.
    if (!info.isFile()) {
        failed.error = QStringLiteral("%1 is not a regular file, so not a lesson file").arg(path);
        return failed;
    }
    if (info.size() > LessonParser::maxFileSize) {
        failed.error = QStringLiteral("%1 is %2 bytes; a lesson file is at most %3")
                           .arg(path)
                           .arg(info.size())
                           .arg(LessonParser::maxFileSize);
        return failed;
    }
    if (!file.open(QIODevice::ReadOnly)) {
        failed.error = QStringLiteral("%1: %2").arg(path, file.errorString());
        return failed;
    }
    LessonParser::Result r =
        LessonParser::parse(file.read(LessonParser::maxFileSize + 1), path, settings);
    if (!r.ok())
        r.error = QStringLiteral("%1: %2").arg(info.fileName(), r.error);
    return r;
}
