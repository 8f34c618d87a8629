#pragma once

// Started where no window can open (an SSH session, a container): Qt would abort with a
// core dump. Here --help, --version and bad options still answer as usual, and anything
// else gets one clear sentence about what to do instead.
class HeadlessStart
{
public:
    // True when neither a display nor a platform (-platform, QT_QPA_PLATFORM) is given.
    static bool needed(int argc, char *argv[]);
    // Parses the command line without a GUI and returns the exit code.
    static int run(int argc, char *argv[]);
};
