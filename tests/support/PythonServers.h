// SPDX-License-Identifier: MIT
#pragma once

class QProcess;

// Servers as students write them in Python, for the tests that need a program of someone
// else's on a port: one that listens until the test kills it, and one that leaves its port
// in TIME_WAIT and exits.
namespace PythonServers {
// Starts python3 listening on 127.0.0.1:port (0: a port of the kernel's choice) until killed.
// Returns the port; 0 if python3 did not start; -1 if the port was taken (then the program
// runs all the same, holding nothing).
int listen(QProcess *server, int port = 0);
// Runs a python3 server that closes its connection first and exits, which leaves its side in
// TIME_WAIT with nobody holding the port; returns that port (0 if it failed).
int leaveTimeWait();
} // namespace PythonServers
