// SPDX-License-Identifier: MIT
#pragma once

class QCoreApplication;

// Started where no window can open (an SSH session, a container), QApplication would abort
// with a core dump. Then the program starts as a console one instead: --help, --version and
// bad options still answer as usual, and anything else gets one clear sentence about what
// to do instead.
class HeadlessStart
{
public:
    // True when neither a display nor a platform (-platform, QT_QPA_PLATFORM) is given.
    static bool needed(int argc, char *argv[]);
    // A QApplication, or a plain QCoreApplication when needed() is true.
    static QCoreApplication *createApplication(int &argc, char *argv[]);
    // Says there is no display and what to use instead; the exit code to return.
    static int explain();
};
