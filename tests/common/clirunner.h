// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Runs the real costscape-cli binary (COSTSCAPE_CLI_PATH) for the command-line tests.
#pragma once

#include <QByteArray>
#include <QProcess>
#include <QString>
#include <QStringList>

namespace Costscape::Tests {

/** What one run of costscape-cli did. */
struct CliRun {
    bool finished = false; ///< false when it did not start or had to be killed after the timeout
    QProcess::ExitStatus exitStatus = QProcess::CrashExit;
    int exitCode = -1;
    QString out;
    QString err;

    /** True when the process ended on its own (no crash, no timeout) with exitCode. */
    bool exitedWith(int code) const { return finished && exitStatus == QProcess::NormalExit && exitCode == code; }

    /** For QVERIFY2 messages: how the run ended and what it printed. */
    QByteArray describe() const
    {
        QString s = !finished ? QStringLiteral("did not finish (not started or timed out)")
            : exitStatus == QProcess::CrashExit ? QStringLiteral("crashed")
                                                : QStringLiteral("exit code %1").arg(exitCode);
        s += QStringLiteral("\n--- stderr ---\n") + err + QStringLiteral("--- stdout (first 2000 chars) ---\n")
            + out.left(2000);
        return s.toUtf8();
    }
};

/**
 * Runs costscape-cli with args in workingDirectory (the test's own when empty). A run that takes
 * longer than timeoutMs is killed and reported as not finished: a hang is a failure too.
 */
inline CliRun runCli(const QStringList &args, const QString &workingDirectory = QString(), int timeoutMs = 60'000)
{
    CliRun run;
    QProcess process;
    if (!workingDirectory.isEmpty())
        process.setWorkingDirectory(workingDirectory);
    process.start(QStringLiteral(COSTSCAPE_CLI_PATH), args);
    if (!process.waitForStarted(timeoutMs))
        return run;
    process.closeWriteChannel();
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished(5'000);
        run.err = QString::fromUtf8(process.readAllStandardError());
        return run;
    }
    run.finished = true;
    run.exitStatus = process.exitStatus();
    run.exitCode = process.exitCode();
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

} // namespace Costscape::Tests
