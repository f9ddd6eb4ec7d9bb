// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/clicommon.h"

#include <QSaveFile>

#include <cstdio>
#include <iostream>

namespace Costscape::Cli {

int usage(const std::string &message)
{
    std::cerr << "costscape-cli: " << message << "\nTry 'costscape-cli --help'.\n";
    return Usage;
}

int invalid(const Error &error)
{
    std::cerr << error.toString() << '\n';
    return InvalidInput;
}

void printWarnings(const std::vector<Error> &warnings)
{
    for (Error w : warnings) {
        w.message = "warning: " + w.message;
        std::cerr << w.toString() << '\n';
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

int writeOutput(const std::string &text, const std::string &outFile)
{
    if (outFile.empty() || outFile == "-") {
        std::fwrite(text.data(), 1, text.size(), stdout);
        return std::fflush(stdout) == 0 ? Success : InvalidInput;
    }
    // QSaveFile writes beside the target and renames on commit: a failure leaves no half file.
    QSaveFile file(QString::fromStdString(outFile));
    if (!file.open(QIODevice::WriteOnly)) {
        std::cerr << outFile << ": cannot write: " << file.errorString().toStdString() << '\n';
        return InvalidInput;
    }
    if (file.write(text.data(), static_cast<qint64>(text.size())) != static_cast<qint64>(text.size()) || !file.commit()) {
        std::cerr << outFile << ": cannot write: " << file.errorString().toStdString() << '\n';
        return InvalidInput;
    }
    return Success;
}

QCommandLineOption outputOption()
{
    return QCommandLineOption({QStringLiteral("o"), QStringLiteral("output")},
                              QStringLiteral("Write to FILE instead of standard output."), QStringLiteral("FILE"));
}

} // namespace Costscape::Cli
