// SPDX-License-Identifier: MIT
#include "CliProcess.h"

#include <QElapsedTimer>
#include <QRegularExpression>

quint16 CliProcess::startServe(QProcess &serve, const QString &program, const QStringList &extra)
{
    serve.start(program, QStringList{QStringLiteral("serve"), QStringLiteral("--bind"),
                                     QStringLiteral("127.0.0.1:0")} +
                             extra);
    if (!serve.waitForStarted(5000))
        return 0;
    static const QRegularExpression serving(
        QStringLiteral("serving \\w+ on (?:udp://)?127\\.0\\.0\\.1:(\\d+)"));
    QByteArray seen;
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < 5000) {
        serve.waitForReadyRead(100);
        seen += serve.readAllStandardOutput();
        const QRegularExpressionMatch m = serving.match(QString::fromUtf8(seen));
        if (m.hasMatch())
            return quint16(m.captured(1).toUInt());
    }
    return 0;
}

QString CliProcess::run(const QString &program, const QStringList &args, const QByteArray &input,
                        int *exitCode, QByteArray *stderrOut)
{
    QProcess p;
    p.start(program, args);
    p.write(input);
    p.closeWriteChannel();
    if (!p.waitForFinished(30000)) {
        p.kill();
        p.waitForFinished();
    }
    *exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    if (stderrOut)
        *stderrOut = p.readAllStandardError();
    return QString::fromUtf8(p.readAllStandardOutput());
}
