// SPDX-License-Identifier: MIT
// How a watched program ended, in words: its status, and the error its Python traceback ends
// with, read from the output as a student's terminal shows it.

#include "watch/ProgramEnding.h"

#include <QTest>

class TestProgramEnding : public QObject
{
    Q_OBJECT
private slots:
    void theStatusIsSaidInWords_data();
    void theStatusIsSaidInWords();
    void aTracebackIsReducedToItsErrorAndWhereItWasRaised_data();
    void aTracebackIsReducedToItsErrorAndWhereItWasRaised();
};

void TestProgramEnding::theStatusIsSaidInWords_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("words");
    QTest::newRow("success") << 0 << "exited with status 0";
    QTest::newRow("failure") << 1 << "exited with status 1";
    QTest::newRow("killed") << 128 + 9 << "killed by signal 9 (SIGKILL)";
    QTest::newRow("interrupted") << 128 + 2 << "killed by signal 2 (SIGINT)";
    QTest::newRow("broken pipe") << 128 + 13 << "killed by signal 13 (SIGPIPE)";
    QTest::newRow("not watched") << 125 << "could not be watched (status 125)";
    QTest::newRow("a status above the signals") << 255 << "exited with status 255";
}

void TestProgramEnding::theStatusIsSaidInWords()
{
    QFETCH(int, status);
    QFETCH(QString, words);
    QCOMPARE(ProgramEnding::status(status), words);
}

void TestProgramEnding::aTracebackIsReducedToItsErrorAndWhereItWasRaised_data()
{
    QTest::addColumn<QString>("output");
    QTest::addColumn<QString>("error");
    QTest::newRow("no traceback") << "listening on 5000\nbye\n"
                                  << "";
    QTest::newRow("a str sent")
        << "listening\nTraceback (most recent call last):\n"
           "  File \"/home/ana/hw/server.py\", line 12, in <module>\n"
           "    conn.sendall(data.decode())\n"
           "TypeError: a bytes-like object is required, not 'str'\n"
        << "TypeError: a bytes-like object is required, not 'str' (server.py, line 12)";
    QTest::newRow("raised in a function: the innermost frame")
        << "Traceback (most recent call last):\n"
           "  File \"server.py\", line 20, in <module>\n"
           "    serve()\n"
           "  File \"server.py\", line 9, in serve\n"
           "    data = conn.recv(1024)\n"
           "           ^^^^^^^^^^^^^^^\n"
           "ConnectionResetError: [Errno 104] Connection reset by peer\n"
        << "ConnectionResetError: [Errno 104] Connection reset by peer (server.py, line 9)";
    QTest::newRow("the last of two")
        << "Traceback (most recent call last):\n  File \"a.py\", line 1, in <module>\n"
           "ValueError: first\nagain\nTraceback (most recent call last):\n"
           "  File \"b.py\", line 2, in <module>\nKeyError: 'x'\n"
        << "KeyError: 'x' (b.py, line 2)";
    QTest::newRow("cut off before its error")
        << "Traceback (most recent call last):\n  File \"a.py\", line 3, in <module>\n"
        << "";
    QTest::newRow("interrupted")
        << "^CTraceback (most recent call last):\n  File \"server.py\", line 5, in <module>\n"
           "    conn, addr = s.accept()\nKeyboardInterrupt\n"
        << "KeyboardInterrupt (server.py, line 5)";
}

void TestProgramEnding::aTracebackIsReducedToItsErrorAndWhereItWasRaised()
{
    QFETCH(QString, output);
    QFETCH(QString, error);
    QCOMPARE(ProgramEnding::pythonError(output), error);
}

QTEST_GUILESS_MAIN(TestProgramEnding)
#include "tst_programending.moc"
