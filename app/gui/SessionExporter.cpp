// SPDX-License-Identifier: MIT
#include "SessionExporter.h"

#include "RecentFiles.h"
#include "session/EventLog.h"
#include "trace/CodeGenerator.h"
#include "trace/TraceFormat.h"

#include <QDir>
#include <QFileDialog>
#include <QMainWindow>
#include <QMessageBox>
#include <QSaveFile>
#include <QStatusBar>

SessionExporter::SessionExporter(const EventLog *log, QMainWindow *window)
    : QObject(window), m_log(log), m_window(window)
{
}

bool SessionExporter::writeTrace(const QString &path, QString *error) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = file.errorString();
        return false;
    }
    for (const SocketEvent &e : m_log->events())
        file.write(TraceFormat::toLine(e, e.data.size()));
    if (!file.commit()) {
        *error = file.errorString();
        return false;
    }
    return true;
}

namespace {
const QList<CodeGenerator::Language> bothLanguages{CodeGenerator::Language::Python,
                                                   CodeGenerator::Language::C};
}

bool SessionExporter::writeScripts(const QString &directory, CodeGenerator::Existing existing,
                                   QStringList *written, QString *error) const
{
    if (!CodeGenerator::writeScripts(m_log->events(), directory, bothLanguages, existing, written,
                                     error))
        return false;
    if (written->isEmpty()) {
        *error = tr("The session has no calls yet.");
        return false;
    }
    return true;
}

void SessionExporter::chooseScriptDirectory()
{
    const QString directory =
        QFileDialog::getExistingDirectory(m_window, tr("Export session as scripts"),
                                          RecentFiles::folder(RecentFiles::Dialog::Scripts));
    if (directory.isEmpty())
        return;
    RecentFiles::rememberFolder(RecentFiles::Dialog::Scripts, directory);
    const QStringList existing =
        CodeGenerator::existingScripts(m_log->events(), directory, bothLanguages);
    if (!existing.isEmpty() &&
        QMessageBox::question(
            m_window, tr("Export session as scripts"),
            tr("%1 already exists in this folder. Replace it with the session's programs?")
                .arg(existing.join(QStringLiteral(", "))),
            QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel) != QMessageBox::Yes)
        return;
    QStringList written;
    QString error;
    if (writeScripts(directory, CodeGenerator::Existing::Replace, &written, &error))
        m_window->statusBar()->showMessage(tr("Wrote %1").arg(written.join(QStringLiteral(", "))),
                                           10000);
    else
        QMessageBox::warning(m_window, tr("Export session as scripts"), error);
}

void SessionExporter::chooseTraceFile()
{
    // .sltrace: the desktop knows it opens in SocketLab (it is JSON Lines inside).
    const QString path = QFileDialog::getSaveFileName(
        m_window, tr("Save session"),
        QDir(RecentFiles::folder(RecentFiles::Dialog::Session))
            .filePath(QStringLiteral("socketlab-session.sltrace")),
        tr("SocketLab sessions (*.sltrace);;JSON Lines (*.jsonl);;All files (*)"));
    if (path.isEmpty())
        return;
    RecentFiles::rememberFolder(RecentFiles::Dialog::Session, path);
    QString error;
    const bool written = writeTrace(path, &error);
    if (written)
        RecentFiles::add(path);
    if (written && m_log->droppedEvents() > 0)
        QMessageBox::information(
            m_window, tr("Export trace"),
            tr("Wrote the newest %1 events to %2. The %3 before them are no longer in the log "
               "(a long session keeps its newest events); socketlab-cli serve --trace records "
               "a whole session.")
                .arg(m_log->count())
                .arg(path)
                .arg(m_log->droppedEvents()));
    else if (error.isEmpty())
        m_window->statusBar()->showMessage(
            tr("Wrote %1 events to %2").arg(m_log->count()).arg(path), 8000);
    else
        QMessageBox::warning(m_window, tr("Export trace"),
                             tr("Could not write %1: %2").arg(path, error));
}
