// SPDX-License-Identifier: MIT
#pragma once

#include "calls/SocketEvent.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <QVector>

// The code a student would write for what happened: for one event (the code view), or as
// whole runnable programs, one per side, that replay a session's calls in order with the
// same arguments and data (File → Export Session as Scripts, socketlab-cli export).
class CodeGenerator
{
public:
    enum class Side
    {
        Server,
        Client
    };
    enum class Language
    {
        Python,
        C
    };

    // The Python or C for one call, from its returned or failed event.
    static QString pythonFor(const SocketEvent &event);
    static QString cFor(const SocketEvent &event);

    // The session so far as Python, one call after another (both sides, as they happened),
    // for the code view: the calls that ended up to and including row (an index into events),
    // at most maxCalls of them, and which lines are row's call (-1: row is no ended call).
    struct Transcript
    {
        QString text;
        int firstLine = -1;
        int lineCount = 0;
    };
    static Transcript transcript(const QVector<SocketEvent> &events, int row, int maxCalls);

    // A whole program for one side (server: listeners and accepted connections; client:
    // client sockets). It takes the port as its first argument, defaulting to the session's,
    // and prints what it receives.
    static QString script(const QVector<SocketEvent> &events, Side side, Language language);
    // "server.py", "client.c", …
    static QString fileName(Side side, Language language);
    // True when the events hold calls of that side.
    static bool hasSide(const QVector<SocketEvent> &events, Side side);
    // The files writeScripts would write that exist already: a student's own server.py may
    // be among them.
    static QStringList existingScripts(const QVector<SocketEvent> &events, const QString &directory,
                                       const QList<Language> &languages);
    // How much of a message the code view shows.
    static constexpr int displayBytes = 256;
    // The host a call went to: the address a name resolved to, if it was a name.
    static QString hostOf(const SocketEvent &event);
    // The call's port is the one a program takes as its argument (PORT), not a literal.
    static bool usesMainPort(const SocketEvent &event, int port);

    enum class Existing
    {
        Keep,    // write nothing when any of the files exists
        Replace, // the user agreed to replace them
    };
    // Writes the program of each side the events have, in each language, into directory and
    // lists the files in *written (none when there are no calls). False, with "FILE: reason"
    // in *error, when a file cannot be written or (Keep) exists already; then nothing is
    // written.
    static bool writeScripts(const QVector<SocketEvent> &events, const QString &directory,
                             const QList<Language> &languages, Existing existing,
                             QStringList *written, QString *error);
};
