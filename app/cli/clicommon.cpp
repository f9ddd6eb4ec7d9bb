// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/clicommon.h"

#include "output/textsafety.h"
#include "ui/charts/filewriter.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <iostream>

namespace Costscape::Cli {

int usage(const std::string &message)
{
    std::cerr << "costscape-cli: " << Output::terminalSafe(message) << "\nTry 'costscape-cli --help'.\n";
    return Usage;
}

int invalid(const Error &error)
{
    std::cerr << Output::terminalSafe(error.toString()) << '\n';
    return InvalidInput;
}

int failed(const std::string &message)
{
    std::cerr << Output::terminalSafe(message) << '\n';
    return InvalidInput;
}

void printWarnings(const std::vector<Error> &warnings)
{
    for (Error w : warnings) {
        w.message = "warning: " + w.message;
        std::cerr << Output::terminalSafe(w.toString()) << '\n';
    }
}

bool parseCommand(QCommandLineParser &parser, const QString &command, const QStringList &arguments, int minPositional,
                  int maxPositional, int *exitCode)
{
    // Options are read wherever they stand; "-o" is the one short option, so no bundling.
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    if (!parser.parse(QStringList{QStringLiteral("costscape-cli ") + command} + arguments)) {
        *exitCode = usage(command.toStdString() + ": " + parser.errorText().toStdString());
        return false;
    }
    const auto given = static_cast<int>(parser.positionalArguments().size());
    if (given < minPositional || given > maxPositional) {
        *exitCode = usage(command.toStdString()
                          + (given < minPositional ? ": a file is missing" : ": too many files (" + std::to_string(given) + ")")
                          + "; see costscape-cli --help");
        return false;
    }
    return true;
}

int writeStdout(const std::string &text)
{
    // Every byte is checked: with a full disk behind the redirection (or /dev/full), a short
    // fwrite, a failed flush or the stream's error flag is a failure, not a lost result.
    errno = 0;
    const std::size_t written = std::fwrite(text.data(), 1, text.size(), stdout);
    const bool flushed = std::fflush(stdout) == 0;
    if (written == text.size() && flushed && !std::ferror(stdout))
        return Success;
    const int error = errno;
    std::clearerr(stdout);
    return failed("costscape-cli: cannot write to standard output: "
                  + std::string(error != 0 ? std::strerror(error) : "write failed"));
}

int finishStdout()
{
    std::cout.flush();
    return writeStdout({}) == Success && std::cout.good() ? Success : InvalidInput;
}

int writeOutput(const std::string &text, const std::string &outFile)
{
    if (outFile.empty() || outFile == "-")
        return writeStdout(text);
    const QString error = Ui::writeWholeFile(QString::fromStdString(outFile), QByteArray::fromStdString(text));
    return error.isEmpty() ? Success : failed(outFile + ": cannot write: " + error.toStdString());
}

QCommandLineOption outputOption()
{
    return QCommandLineOption({QStringLiteral("o"), QStringLiteral("output")},
                              QStringLiteral("Write to FILE instead of standard output."), QStringLiteral("FILE"));
}

} // namespace Costscape::Cli
